package se.trygghetsnav.plan.actionplan.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/** A measure was added to a draft plan, with its responsible units' contacts as they are now, so consumers need no call back. */
@EventType("se.trygghetsnav.plan.measure-added.v1")
public record MeasureAdded(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId, Instant occurredAt,
        @JsonUnwrapped MeasureState measure) implements DomainEvent {
}
