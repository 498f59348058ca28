package se.trygghetsnav.plan.actionplan.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import se.trygghetsnav.plan.actionplan.FocusAreaContent;
import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/** A focus area was added to a draft plan. */
@EventType("se.trygghetsnav.plan.focus-area-added.v1")
public record FocusAreaAdded(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId, Instant occurredAt,
        UUID focusAreaId, @JsonUnwrapped FocusAreaContent focusArea) implements DomainEvent {
}
