package se.trygghetsnav.followup.overdue.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/**
 * An overdue measure is no longer overdue: it was reported DONE or CANCELLED, its deadline moved later, or it
 * left force. Keyed by the measure id.
 *
 * @param roundId the round of the report that cleared it, for REPORTED_DONE and REPORTED_CANCELLED
 */
@EventType("se.trygghetsnav.followup.measure-overdue-cleared.v1")
public record MeasureOverdueCleared(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId,
        Instant occurredAt, UUID measureId, UUID planId, String reason, @Nullable UUID roundId, LocalDate overdueSince,
        LocalDate clearedOn, List<UUID> responsibleUnitIds) implements DomainEvent {
}
