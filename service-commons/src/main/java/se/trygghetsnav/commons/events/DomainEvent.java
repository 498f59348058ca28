package se.trygghetsnav.commons.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A past-tense fact about one aggregate, published on Kafka as a CloudEvent.
 *
 * <p>Implementations are immutable records annotated with {@link EventType}. Every payload carries these
 * fields (conventions.md); {@code aggregateVersion} is the aggregate's version after the event, so a
 * consumer can skip what it has already applied.
 */
public interface DomainEvent {

    UUID eventId();

    UUID aggregateId();

    long aggregateVersion();

    String organisationId();

    Instant occurredAt();
}
