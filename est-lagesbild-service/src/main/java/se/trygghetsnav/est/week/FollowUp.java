package se.trygghetsnav.est.week;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * How a decision of an earlier week went, recorded at a later meeting (usually the next): "the next week's
 * picture starts with what was done". Held by the week it was recorded in, since the deciding week is
 * published and frozen by then.
 *
 * @param decision the decision followed up, as it was decided
 * @param note a short remark ("genomförd fredag, lugnt lördag"), at most a line
 */
public record FollowUp(UUID decisionId, String decidedInWeek, UUID decidedInWeekReportId, Decision decision,
        FollowUpOutcome outcome, @Nullable String note, Instant recordedAt) {
}
