package se.trygghetsnav.plan.actionplan.events;

import java.time.Instant;
import java.util.UUID;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/** An operational goal was removed; measures that served it were unlinked (announced as measure-changed). */
@EventType("se.trygghetsnav.plan.goal-removed.v1")
public record GoalRemoved(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId, Instant occurredAt,
        UUID problemId, UUID goalId) implements DomainEvent {
}
