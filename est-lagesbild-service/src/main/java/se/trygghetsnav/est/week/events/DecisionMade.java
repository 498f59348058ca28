package se.trygghetsnav.est.week.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;
import se.trygghetsnav.est.week.EffortKind;
import se.trygghetsnav.est.week.IsoWeek;
import se.trygghetsnav.est.week.TimeBand;

/**
 * The group decided an effort at its meeting about the week. The decision's own wording stays in the service;
 * {@code measureId} and {@code planId} name the åtgärdsplan measure it serves, when it serves one
 * (followup-service takes them as evidence). Key: the week report id.
 */
@EventType("se.trygghetsnav.est.decision-made.v1")
public record DecisionMade(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId,
        Instant occurredAt, UUID groupId, IsoWeek isoWeek, UUID decisionId, EffortKind kind, @Nullable UUID placeId,
        @Nullable String area, LocalDate startDate, @Nullable LocalDate endDate, @Nullable TimeBand timeBand,
        UUID responsibleMemberId, String responsibleName, @Nullable String responsibleOrganisationId,
        @Nullable UUID measureId, @Nullable UUID planId) implements DomainEvent {
}
