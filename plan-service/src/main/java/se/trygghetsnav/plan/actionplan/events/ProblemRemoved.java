package se.trygghetsnav.plan.actionplan.events;

import java.time.Instant;
import java.util.UUID;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/** A problem was removed; its measures' removal was announced before it. */
@EventType("se.trygghetsnav.plan.problem-removed.v1")
public record ProblemRemoved(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId, Instant occurredAt,
        UUID focusAreaId, UUID problemId) implements DomainEvent {
}
