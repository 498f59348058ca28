package se.trygghetsnav.plan.actionplan.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import se.trygghetsnav.plan.actionplan.CauseContent;
import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/** A cause was added to a draft plan. */
@EventType("se.trygghetsnav.plan.cause-added.v1")
public record CauseAdded(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId, Instant occurredAt,
        UUID problemId, UUID causeId, @JsonUnwrapped CauseContent cause) implements DomainEvent {
}
