package se.trygghetsnav.est.group;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/**
 * A group's set-up changed (name, members, places, categories or schedule); carries all of it as it is now.
 * Key: the group id.
 *
 * @param change what changed, for logs and dashboards: {@code SETTINGS}, {@code PLACE_ADDED},
 *        {@code PLACE_CHANGED} or {@code CATEGORY_ADDED}
 */
@EventType("se.trygghetsnav.est.group-changed.v1")
public record GroupChanged(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId,
        Instant occurredAt, String change, @JsonUnwrapped GroupState group) implements DomainEvent {
}
