package se.trygghetsnav.plan.actionplan.events;

import java.time.Instant;
import java.util.UUID;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/** A measure was removed from a draft plan. */
@EventType("se.trygghetsnav.plan.measure-removed.v1")
public record MeasureRemoved(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId, Instant occurredAt,
        UUID focusAreaId, UUID problemId, UUID measureId) implements DomainEvent {
}
