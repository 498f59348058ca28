package se.trygghetsnav.followup.round.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/** A measure's first report in a round (revision 1). The narrative stays out: it is confidential free text. */
@EventType("se.trygghetsnav.followup.measure-report-submitted.v1")
public record MeasureReportSubmitted(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId,
        Instant occurredAt, UUID planId, UUID measureId, int reportRevision, String status, List<UUID> responsibleUnitIds,
        @Nullable UUID reportedByUnitId, List<ReportFigures> figures, @Nullable Integer occurrencesHeld,
        @Nullable Integer occurrencesPlanned) implements DomainEvent {
}
