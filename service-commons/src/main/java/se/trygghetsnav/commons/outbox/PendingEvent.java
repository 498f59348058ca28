package se.trygghetsnav.commons.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting in its aggregate's document to be relayed to Kafka. It is written in the same
 * single-document update as the state change it announces (architecture.md: the outbox in the aggregate).
 *
 * @param payload the JSON payload exactly as it will be published
 */
public record PendingEvent(UUID eventId, String type, UUID aggregateId, long aggregateVersion, Instant occurredAt,
        String payload) {

    /** The field of an aggregate document that holds its pending events, in order. */
    public static final String FIELD = "pendingEvents";
}
