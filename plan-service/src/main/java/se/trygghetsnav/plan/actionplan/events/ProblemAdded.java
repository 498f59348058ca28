package se.trygghetsnav.plan.actionplan.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import se.trygghetsnav.plan.actionplan.ProblemContent;
import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/** A problem was added to a draft plan. */
@EventType("se.trygghetsnav.plan.problem-added.v1")
public record ProblemAdded(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId, Instant occurredAt,
        UUID focusAreaId, UUID problemId, @JsonUnwrapped ProblemContent problem) implements DomainEvent {
}
