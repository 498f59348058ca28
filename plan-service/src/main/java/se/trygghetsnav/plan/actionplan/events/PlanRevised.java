package se.trygghetsnav.plan.actionplan.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import se.trygghetsnav.plan.actionplan.PlanHeader;
import se.trygghetsnav.plan.actionplan.PlanStatus;
import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/** A new revision was drafted from an adopted plan. It is a new plan (its own id) in the same series; its focus areas, problems, causes, goals and measures follow as added events, with the ids they had. */
@EventType("se.trygghetsnav.plan.plan-revised.v1")
public record PlanRevised(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId, Instant occurredAt,
        UUID seriesId, int revision, UUID previousRevisionId, PlanStatus status, @JsonUnwrapped PlanHeader header) implements DomainEvent {
}
