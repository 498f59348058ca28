package se.trygghetsnav.est.week.events;

import java.time.Instant;
import java.util.UUID;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;
import se.trygghetsnav.est.week.IsoWeek;

/** The coordinator closed the week for entries ahead of the meeting. Key: the week report id. */
@EventType("se.trygghetsnav.est.week-closed.v1")
public record WeekClosed(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId,
        Instant occurredAt, UUID groupId, IsoWeek isoWeek, int entryCount) implements DomainEvent {
}
