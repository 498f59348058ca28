package se.trygghetsnav.followup.indicator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One recorded value of an indicator: for a day (a count on a date) or a period (a survey year, a tertial).
 *
 * @param source where the figure comes from, e.g. Stockholmsenkäten, NTU, Polisens trygghetsmätning
 */
public record IndicatorValue(UUID valueId, BigDecimal value, @Nullable String unit, @Nullable LocalDate date,
        @Nullable LocalDate periodStart, @Nullable LocalDate periodEnd, String source, @Nullable String note,
        String recordedBy, Instant recordedAt) {

    /** The day the value speaks for: its date, or the end of its period. */
    public LocalDate asOf() {
        return date != null ? date : periodEnd;
    }
}
