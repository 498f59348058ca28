package se.trygghetsnav.plan.actionplan.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import se.trygghetsnav.plan.actionplan.GoalContent;
import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/** An operational goal was added to a draft plan. */
@EventType("se.trygghetsnav.plan.goal-added.v1")
public record GoalAdded(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId, Instant occurredAt,
        UUID problemId, UUID goalId, @JsonUnwrapped GoalContent goal) implements DomainEvent {
}
