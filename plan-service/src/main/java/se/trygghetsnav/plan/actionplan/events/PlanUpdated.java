package se.trygghetsnav.plan.actionplan.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import se.trygghetsnav.plan.actionplan.PlanHeader;
import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/** A draft plan's own text (title, period, introduction, partners, coordinator, columns) changed; carries all of it. */
@EventType("se.trygghetsnav.plan.plan-updated.v1")
public record PlanUpdated(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId, Instant occurredAt,
        @JsonUnwrapped PlanHeader header) implements DomainEvent {
}
