package se.trygghetsnav.plan.actionplan.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import se.trygghetsnav.plan.actionplan.ProblemContent;
import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/** A problem changed; carries all of its content. */
@EventType("se.trygghetsnav.plan.problem-changed.v1")
public record ProblemChanged(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId, Instant occurredAt,
        UUID focusAreaId, UUID problemId, @JsonUnwrapped ProblemContent problem) implements DomainEvent {
}
