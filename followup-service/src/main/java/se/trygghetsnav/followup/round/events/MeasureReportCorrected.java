package se.trygghetsnav.followup.round.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/** A measure's report in an open round was corrected: the new revision replaces the earlier, which stays in history. */
@EventType("se.trygghetsnav.followup.measure-report-corrected.v1")
public record MeasureReportCorrected(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId,
        Instant occurredAt, UUID planId, UUID measureId, int reportRevision, String status, String previousStatus,
        List<UUID> responsibleUnitIds, @Nullable UUID reportedByUnitId, List<ReportFigures> figures,
        @Nullable Integer occurrencesHeld, @Nullable Integer occurrencesPlanned) implements DomainEvent {
}
