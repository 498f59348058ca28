package se.trygghetsnav.est.group;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/** An EST group was set up, with its whole set-up. Key: the group id. */
@EventType("se.trygghetsnav.est.group-registered.v1")
public record GroupRegistered(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId,
        Instant occurredAt, @JsonUnwrapped GroupState group) implements DomainEvent {
}
