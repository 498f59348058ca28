package se.trygghetsnav.plan.actionplan;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The years a plan covers, e.g. 2024–2026; a one-year plan has the same start and end year. */
public record PlanPeriod(@Min(2000) @Max(2100) int startYear, @Min(2000) @Max(2100) int endYear) {

    @AssertTrue(message = "{trygghetsnav.period.order}")
    boolean isEndNotBeforeStart() {
        return endYear >= startYear;
    }

    public boolean covers(int year) {
        return startYear <= year && year <= endYear;
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, 1, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(endYear, 12, 31);
    }

    /** The period of the same length that follows this one (2024–2026 → 2027–2029). */
    public PlanPeriod next() {
        int length = endYear - startYear + 1;
        return new PlanPeriod(endYear + 1, endYear + length);
    }
}
