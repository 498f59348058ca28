package se.trygghetsnav.followup.round;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One measure's report in a round, in one revision: the first submission is revision 1, each correction the
 * next. Earlier revisions are kept in the report history.
 *
 * @param narrative what was done and how the parties met their commitments (free text, never in events)
 * @param occurrencesHeld for a recurring measure, how many times it happened in the period
 * @param submittedBy the subject of the one who submitted this revision
 * @param submittedByUnitId the unit they reported for, when they reported as a unit user
 */
public record MeasureReport(UUID measureId, int revision, ReportStatus status, @Nullable String narrative,
        List<Answer> answers, @Nullable Integer occurrencesHeld, @Nullable Integer occurrencesPlanned, String submittedBy,
        @Nullable UUID submittedByUnitId, Instant submittedAt) {

    public MeasureReport {
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    /**
     * The answer to one of the measure's follow-up criteria (by its position in the measure's list): a figure or a
     * text.
     */
    public record Answer(int criterionIndex, String criterion, @Nullable BigDecimal number, @Nullable String text) {
    }
}
