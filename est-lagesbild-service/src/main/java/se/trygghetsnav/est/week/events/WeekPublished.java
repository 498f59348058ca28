package se.trygghetsnav.est.week.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;
import se.trygghetsnav.est.week.IsoWeek;
import se.trygghetsnav.est.week.PublishedSummary;

/**
 * The week was published after the meeting and is frozen; carries its public summary counts (notification-service
 * sends the published picture to the group). Key: the week report id.
 */
@EventType("se.trygghetsnav.est.week-published.v1")
public record WeekPublished(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId,
        Instant occurredAt, UUID groupId, String groupName, IsoWeek isoWeek, int entryCount,
        List<PublishedSummary.CategoryCount> byCategory, List<PublishedSummary.AreaCount> byArea, int decisionCount,
        int followUpCount) implements DomainEvent {
}
