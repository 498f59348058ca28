package se.trygghetsnav.followup.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.followup.indicator.IndicatorComparison;
import se.trygghetsnav.followup.round.FollowupRound;
import se.trygghetsnav.followup.round.ReportStatus;
import se.trygghetsnav.followup.round.RoundKind;
import se.trygghetsnav.plandocument.PlanDocument;

/**
 * A round's report on its plan, the document a board receives (for the year-end round: the year-end report): the
 * plan revision as a {@link PlanDocument} with every reported measure's follow-up text in its "Uppföljning" column,
 * where each measure's report stands, each responsible unit's reporting, and the plan's indicators against their
 * baselines and targets.
 *
 * @param plan the plan, with the follow-up texts; measures are identified by their ids as strings
 * @param measures every measure in the round's scope (for a unit user: their unit's), in the plan's order
 */
public record RoundReport(UUID roundId, String roundName, RoundKind kind, LocalDate periodStart, LocalDate periodEnd,
        LocalDate dueDate, FollowupRound.RoundStatus status, UUID planId, PlanDocument plan, List<MeasureStatus> measures,
        List<UnitReporting> units, List<IndicatorComparison> indicators) {

    /** The column of the plan's tables the follow-up texts go in (the seeds' own heading). */
    public static final String FOLLOW_UP_COLUMN = "Uppföljning";

    /**
     * Where one measure's report stands; {@code status} and the rest null when nobody has reported on it.
     *
     * @param followUpText what the "Uppföljning" column holds for it from this round
     */
    public record MeasureStatus(UUID measureId, String title, List<String> responsibleUnits, @Nullable ReportStatus status,
            @Nullable String statusText, @Nullable String followUpText, @Nullable Integer revision,
            @Nullable Instant submittedAt, @Nullable Integer occurrencesHeld, @Nullable Integer occurrencesPlanned) {
    }

    /** One responsible unit's reporting in the round: a measure counts as reported once anyone has reported on it. */
    public record UnitReporting(UUID unitId, String name, int measures, int reported, List<String> missing) {

        public boolean complete() {
            return missing.isEmpty();
        }
    }
}
