package se.trygghetsnav.est.week.events;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;
import se.trygghetsnav.est.week.EffortKind;
import se.trygghetsnav.est.week.FollowUpOutcome;
import se.trygghetsnav.est.week.IsoWeek;

/**
 * A later meeting recorded how a decision went. Recording it again replaces the earlier outcome (consumers
 * keep the latest per decision). Key: the id of the week report it was recorded in ({@code isoWeek});
 * {@code decidedInWeek} is the deciding week.
 *
 * @param note a short remark, at most 200 characters, checked for personal identity numbers
 */
@EventType("se.trygghetsnav.est.decision-followed-up.v1")
public record DecisionFollowedUp(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId,
        Instant occurredAt, UUID groupId, IsoWeek isoWeek, UUID decisionId, IsoWeek decidedInWeek,
        UUID decidedInWeekReportId, EffortKind kind, FollowUpOutcome outcome, @Nullable String note,
        @Nullable String responsibleOrganisationId, @Nullable UUID measureId, @Nullable UUID planId)
        implements DomainEvent {
}
