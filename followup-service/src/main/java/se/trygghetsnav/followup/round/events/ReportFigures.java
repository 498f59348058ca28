package se.trygghetsnav.followup.round.events;

import java.math.BigDecimal;

/**
 * An answer to a follow-up criterion as report events carry it: the criterion's position and, when the answer is
 * a figure, the figure. Text answers and the narrative are free text and stay out of events.
 */
public record ReportFigures(int criterionIndex, BigDecimal number) {
}
