package se.trygghetsnav.followup.overview;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.followup.evidence.MeasureEvidence;

/**
 * An EST group's decision that serves the measure, and how it went: evidence of work the plan describes as
 * ongoing. The decision's wording stays in est-lagesbild-service; this is what, where, when and who.
 *
 * @param decidedInWeek the ISO week of the meeting that decided it, e.g. 2026-W47
 * @param kind the kind of effort, e.g. TARGETED_PRESENCE (riktad närvaro)
 * @param decision where, when and who; absent while only the follow-up has reached followup-service
 * @param followUp the latest follow-up; absent until a later meeting records one
 */
public record EvidenceView(UUID decisionId, UUID groupId, @Nullable UUID planId, String decidedInWeek, String kind,
        MeasureEvidence.@Nullable Decision decision, MeasureEvidence.@Nullable FollowUp followUp) {

    static EvidenceView of(MeasureEvidence evidence) {
        return new EvidenceView(evidence.id(), evidence.groupId(), evidence.planId(), evidence.decidedInWeek(),
                evidence.kind(), evidence.decision(), evidence.followUp());
    }
}
