package se.trygghetsnav.plan.actionplan.events;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.plan.actionplan.AdoptionDecision;
import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/** A plan revision was adopted: it is in force and immutable from now on. */
@EventType("se.trygghetsnav.plan.plan-adopted.v1")
public record PlanAdopted(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId, Instant occurredAt,
        UUID seriesId, int revision, AdoptionDecision decision, @Nullable UUID supersedesPlanId) implements DomainEvent {
}
