package se.trygghetsnav.est.week;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.est.group.EstGroup;

/**
 * An entry as a member sends it: at a known place ({@code placeId}) or a new one ({@code newPlace}, added to
 * the group's places unless one of that name exists).
 */
public record NewEntry(String category, @Nullable UUID placeId, EstGroup.@Nullable NewPlace newPlace, LocalDate date,
        TimeBand timeBand, String description, Seriousness seriousness, Certainty certainty, boolean reportedToPolice) {
}
