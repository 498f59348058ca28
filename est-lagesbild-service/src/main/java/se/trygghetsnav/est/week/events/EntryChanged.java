package se.trygghetsnav.est.week.events;

import java.time.Instant;
import java.util.UUID;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;
import se.trygghetsnav.est.week.IsoWeek;

/** An entry was corrected before its week closed; carries its facts as they are now. Key: the week report id. */
@EventType("se.trygghetsnav.est.entry-changed.v1")
public record EntryChanged(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId,
        Instant occurredAt, UUID groupId, IsoWeek isoWeek, String changedByOrganisationId, EntryFacts entry)
        implements DomainEvent {
}
