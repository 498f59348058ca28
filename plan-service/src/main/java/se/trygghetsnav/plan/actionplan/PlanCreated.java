package se.trygghetsnav.plan.actionplan;

import java.time.Instant;
import java.util.UUID;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/** A plan was started as a draft. */
@EventType("se.trygghetsnav.plan.plan-created.v1")
public record PlanCreated(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId,
        Instant occurredAt, String title, PlanPeriod period, PlanStatus status) implements DomainEvent {
}
