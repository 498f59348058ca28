package se.trygghetsnav.commons.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting in its aggregate's document to be relayed to Kafka. It is written in the same
 * single-document update as the state change it announces (architecture.md: the outbox in the aggregate).
 *
 * @param payload the JSON payload exactly as it will be published
 * @param actorSubject who made the change (the caller's subject, or {@code system}); for the audit trail, not
 *        published
 * @param actorOrganisation the organisation of the one who made the change, or null for the system
 */
public record PendingEvent(UUID eventId, String type, UUID aggregateId, long aggregateVersion, Instant occurredAt,
        String payload, String actorSubject, String actorOrganisation) {

    /** The subject recorded for changes made by the system itself (consumers, jobs). */
    public static final String SYSTEM_ACTOR = "system";

    /** The field of an aggregate document that holds its pending events, in order. */
    public static final String FIELD = "pendingEvents";
}
