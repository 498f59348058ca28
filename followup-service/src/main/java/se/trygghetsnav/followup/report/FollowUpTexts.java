package se.trygghetsnav.followup.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.followup.round.MeasureReport;
import se.trygghetsnav.followup.round.ReportStatus;

/**
 * A measure's report as the text of the plan's "Uppföljning" column: the status in Swedish, the narrative, the
 * answers to the follow-up criteria and, for a recurring measure, how many of its planned occurrences were held
 * ("Genomförd. Styrgruppen har träffats … Träffats 11 av 11 planerade gånger.").
 */
public final class FollowUpTexts {

    private FollowUpTexts() {
    }

    public static String statusInSwedish(ReportStatus status) {
        return switch (status) {
            case NOT_STARTED -> "Ej påbörjad";
            case ONGOING -> "Pågår";
            case DONE -> "Genomförd";
            case DELAYED -> "Försenad";
            case CANCELLED -> "Avbruten";
        };
    }

    public static String of(MeasureReport report) {
        List<String> parts = new ArrayList<>();
        parts.add(statusInSwedish(report.status()) + ".");
        if (report.narrative() != null && !report.narrative().isBlank()) {
            parts.add(sentence(report.narrative()));
        }
        for (MeasureReport.Answer answer : report.answers()) {
            String value = answer.number() != null ? number(answer.number()) : answer.text();
            if (value != null && !value.isBlank()) {
                parts.add(sentence(answer.criterion().isBlank() ? value : answer.criterion().strip() + ": " + value.strip()));
            }
        }
        if (report.occurrencesHeld() != null) {
            parts.add(report.occurrencesPlanned() == null ? "Träffats " + report.occurrencesHeld() + " gånger."
                    : "Träffats " + report.occurrencesHeld() + " av " + report.occurrencesPlanned() + " planerade gånger.");
        }
        return String.join(" ", parts);
    }

    /** A figure as Swedish writes it: 71,5 and 12. */
    public static String number(@Nullable BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static String sentence(String text) {
        String stripped = text.strip();
        char last = stripped.charAt(stripped.length() - 1);
        return last == '.' || last == '!' || last == '?' || last == ':' ? stripped : stripped + ".";
    }
}
