package se.trygghetsnav.followup.round.events;

import java.time.Instant;
import java.util.UUID;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/** The coordinator closed a follow-up round: its reports are final. */
@EventType("se.trygghetsnav.followup.round-closed.v1")
public record RoundClosed(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId, Instant occurredAt,
        UUID planId, int measuresInScope, int measuresReported) implements DomainEvent {
}
