package se.trygghetsnav.est.week.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;
import se.trygghetsnav.est.week.IsoWeek;

/**
 * A member posted one or several entries to a week in one submission. Carries each entry's facts but never
 * its description. Key: the week report id.
 */
@EventType("se.trygghetsnav.est.entries-posted.v1")
public record EntriesPosted(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId,
        Instant occurredAt, UUID groupId, IsoWeek isoWeek, UUID submissionId, String reportingOrganisationId,
        @Nullable UUID reportingMemberId, List<EntryFacts> entries) implements DomainEvent {
}
