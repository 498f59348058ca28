package se.trygghetsnav.followup.round.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/**
 * A round passed its due date without a report on a measure: one event per responsible unit and measure, once.
 * Keyed by the round id.
 */
@EventType("se.trygghetsnav.followup.report-missing.v1")
public record ReportMissing(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId,
        Instant occurredAt, UUID planId, UUID measureId, String measureTitle, UUID unitId, LocalDate dueDate)
        implements DomainEvent {
}
