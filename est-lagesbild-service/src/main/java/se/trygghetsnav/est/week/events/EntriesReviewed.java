package se.trygghetsnav.est.week.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;
import se.trygghetsnav.est.week.IsoWeek;

/** The coordinator went through entries of the week and marked them reviewed. Key: the week report id. */
@EventType("se.trygghetsnav.est.entries-reviewed.v1")
public record EntriesReviewed(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId,
        Instant occurredAt, UUID groupId, IsoWeek isoWeek, List<UUID> entryIds, int reviewedCount, int entryCount)
        implements DomainEvent {
}
