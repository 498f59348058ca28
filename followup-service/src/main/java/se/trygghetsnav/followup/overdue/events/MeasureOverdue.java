package se.trygghetsnav.followup.overdue.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/**
 * A measure's deadline passed without a DONE or CANCELLED report: it is overdue. Published once per transition
 * to overdue, keyed by the measure id.
 *
 * @param overdueSince the first day it counted as overdue: the day after its deadline
 * @param detectedOn the day followup-service noticed (Europe/Stockholm)
 */
@EventType("se.trygghetsnav.followup.measure-overdue.v1")
public record MeasureOverdue(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId,
        Instant occurredAt, UUID measureId, UUID planId, String title, LocalDate deadline, LocalDate overdueSince,
        LocalDate detectedOn, List<UUID> responsibleUnitIds) implements DomainEvent {
}
