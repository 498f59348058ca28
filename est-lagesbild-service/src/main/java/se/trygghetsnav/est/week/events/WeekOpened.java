package se.trygghetsnav.est.week.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;
import se.trygghetsnav.est.week.IsoWeek;

/**
 * A group's week was opened, by its first entry or the coordinator's first act on it. Key: the week report id.
 *
 * @param cutOffAt until when entries are expected (Europe/Stockholm, with its offset)
 * @param meetingAt when the group meets about the week
 */
@EventType("se.trygghetsnav.est.week-opened.v1")
public record WeekOpened(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId, Instant occurredAt,
        UUID groupId, IsoWeek isoWeek, OffsetDateTime cutOffAt, OffsetDateTime meetingAt) implements DomainEvent {
}
