package se.trygghetsnav.plan.actionplan.events;

import java.time.Instant;
import java.util.UUID;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/** A focus area was removed; its problems' removal was announced before it. */
@EventType("se.trygghetsnav.plan.focus-area-removed.v1")
public record FocusAreaRemoved(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId, Instant occurredAt,
        UUID focusAreaId) implements DomainEvent {
}
