package se.trygghetsnav.plan.actionplan.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;

import se.trygghetsnav.plan.actionplan.PlanHeader;
import se.trygghetsnav.plan.actionplan.PlanStatus;
import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/** A plan was started as a draft: a new one, or a copy of an earlier plan for a new period. */
@EventType("se.trygghetsnav.plan.plan-created.v1")
public record PlanCreated(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId, Instant occurredAt,
        UUID seriesId, int revision, PlanStatus status, @Nullable UUID copiedFromPlanId,
        @JsonUnwrapped PlanHeader header) implements DomainEvent {
}
