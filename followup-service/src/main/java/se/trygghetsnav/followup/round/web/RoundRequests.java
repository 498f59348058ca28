package se.trygghetsnav.followup.round.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import se.trygghetsnav.followup.round.ReportStatus;
import se.trygghetsnav.followup.round.RoundKind;

/** What clients send to open rounds and report on measures. */
final class RoundRequests {

    private RoundRequests() {
    }

    /**
     * Opens a round. A year-end or tertial round needs {@code year} (or its own period); a CUSTOM round a name and a
     * period. Without a name, a standard round is named like "Tertial 1 2025".
     */
    record OpenRound(@NotNull RoundKind kind, @Nullable @Size(max = 200) String name,
            @Nullable @Min(2000) @Max(2100) Integer year, @Nullable LocalDate periodStart, @Nullable LocalDate periodEnd,
            @NotNull LocalDate dueDate) {

        @AssertTrue(message = "{followup.round.period}")
        @Schema(hidden = true)
        boolean isPeriodGiven() {
            if (kind == null) {
                return true;
            }
            boolean explicit = periodStart != null && periodEnd != null;
            boolean ordered = !explicit || !periodEnd.isBefore(periodStart);
            boolean onlyOne = (periodStart == null) != (periodEnd == null);
            return !onlyOne && ordered && (explicit || kind.hasStandardPeriod() && year != null);
        }

        @AssertTrue(message = "{followup.round.name}")
        @Schema(hidden = true)
        boolean isNamedWhenCustom() {
            return kind != RoundKind.CUSTOM || name != null && !name.isBlank();
        }

        LocalDate start() {
            return periodStart != null ? periodStart : kind.periodStart(year);
        }

        LocalDate end() {
            return periodEnd != null ? periodEnd : kind.periodEnd(year);
        }

        String effectiveName() {
            return name != null && !name.isBlank() ? name : kind.standardName(year != null ? year : start().getYear());
        }
    }

    /**
     * A report on a measure: its status, what was done and how the parties met their commitments, answers to the
     * measure's follow-up criteria, and for a recurring measure how many times it happened in the period.
     */
    record Report(@NotNull ReportStatus status, @Nullable @Size(max = 4000) String narrative,
            @Nullable @Size(max = 50) List<@Valid @NotNull Answer> answers,
            @Nullable @Min(0) @Max(100_000) Integer occurrencesHeld) {

        List<Answer> answerList() {
            return answers == null ? List.of() : answers;
        }
    }

    /** The answer to the measure's follow-up criterion at {@code criterionIndex} (from 0): a figure or a text. */
    record Answer(@Min(0) int criterionIndex, @Nullable BigDecimal number, @Nullable @Size(max = 2000) String text) {

        @AssertTrue(message = "{followup.answer.one-value}")
        @Schema(hidden = true)
        boolean isOneValue() {
            return (number == null) != (text == null || text.isBlank());
        }
    }
}
