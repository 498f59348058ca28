package se.trygghetsnav.followup.round.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/**
 * A recurring measure happened fewer times in a round's period than planned ("met 9 times of 11"), known once
 * the period has ended and the measure is reported. Once per round and measure; keyed by the round id.
 */
@EventType("se.trygghetsnav.followup.occurrences-fell-short.v1")
public record OccurrencesFellShort(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId,
        Instant occurredAt, UUID planId, UUID measureId, String measureTitle, List<UUID> responsibleUnitIds,
        LocalDate periodStart, LocalDate periodEnd, int occurrencesHeld, int occurrencesPlanned) implements DomainEvent {
}
