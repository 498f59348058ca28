package se.trygghetsnav.plan.dashboard;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Where a dashboard's stream of plan events stands: per partition of {@code plan.events}, the offset of the
 * next record to read. It is the SSE event id ({@code 0:17,1:4,…}), so a reconnecting browser's
 * {@code Last-Event-ID} says exactly where to resume, whichever instance it reaches.
 */
public record StreamPosition(Map<Integer, Long> nextOffsets) {

    public StreamPosition {
        nextOffsets = Map.copyOf(nextOffsets);
    }

    /**
     * Reads a Last-Event-ID.
     *
     * @return empty when absent or not one of ours (the stream then starts from now)
     */
    public static Optional<StreamPosition> parse(@Nullable String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return Optional.empty();
        }
        Map<Integer, Long> offsets = new TreeMap<>();
        try {
            for (String part : lastEventId.strip().split(",")) {
                String[] partitionAndOffset = part.split(":");
                if (partitionAndOffset.length != 2) {
                    return Optional.empty();
                }
                long offset = Long.parseLong(partitionAndOffset[1]);
                int partition = Integer.parseInt(partitionAndOffset[0]);
                if (offset < 0 || partition < 0) {
                    return Optional.empty();
                }
                offsets.put(partition, offset);
            }
        }
        catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
        return Optional.of(new StreamPosition(offsets));
    }

    public String asEventId() {
        return new TreeMap<>(nextOffsets).entrySet().stream().map(entry -> entry.getKey() + ":" + entry.getValue())
                .collect(Collectors.joining(","));
    }
}
