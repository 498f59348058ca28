package se.trygghetsnav.plan.actionplan.events;

import java.time.Instant;
import java.util.UUID;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/** A cause was removed; measures that addressed it were unlinked (announced as measure-changed). */
@EventType("se.trygghetsnav.plan.cause-removed.v1")
public record CauseRemoved(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId, Instant occurredAt,
        UUID problemId, UUID causeId) implements DomainEvent {
}
