package se.trygghetsnav.followup.round;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.trygghetsnav.followup.planprojection.ProjectedPlan;

import static org.assertj.core.api.Assertions.assertThat;

class OccurrencesTest {

    private static final LocalDate YEAR_START = LocalDate.of(2025, 1, 1);
    private static final LocalDate YEAR_END = LocalDate.of(2025, 12, 31);

    @Test
    void onceAMonthWithJulyOffIsElevenTimesAYear() {
        assertThat(Occurrences.planned(recurring(1, "MONTH", null, null, Month.JULY), YEAR_START, YEAR_END)).isEqualTo(11);
    }

    @Test
    void twiceAWeekCountsEveryIsoWeekTouchingThePeriod() {
        // 2025-01-01 is a Wednesday of ISO week 1; 2025-04-30 a Wednesday of week 18.
        assertThat(Occurrences.planned(recurring(2, "WEEK", null, null), YEAR_START, LocalDate.of(2025, 4, 30))).isEqualTo(36);
    }

    @Test
    void onceATermIsTwiceAYearAndJulyIsInNoTerm() {
        assertThat(Occurrences.planned(recurring(1, "TERM", null, null), YEAR_START, YEAR_END)).isEqualTo(2);
        assertThat(Occurrences.planned(recurring(1, "TERM", null, null), LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 31)))
                .isZero();
    }

    @Test
    void theScheduleOwnStartAndEndCutThePeriod() {
        ProjectedPlan.Schedule fromMarchToMay = recurring(1, "MONTH", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 5, 31));

        assertThat(Occurrences.planned(fromMarchToMay, YEAR_START, YEAR_END)).isEqualTo(3);
        assertThat(Occurrences.planned(fromMarchToMay, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 30))).isZero();
    }

    @Test
    void aMeasureThatDoesNotRecurHasNoPlannedOccurrences() {
        ProjectedPlan.Schedule dueDate = new ProjectedPlan.Schedule("DUE_DATE", null, YEAR_END, null, null, null);

        assertThat(Occurrences.planned(dueDate, YEAR_START, YEAR_END)).isNull();
        assertThat(Occurrences.planned(null, YEAR_START, YEAR_END)).isNull();
    }

    private static ProjectedPlan.Schedule recurring(int times, String per, LocalDate start, LocalDate end, Month... except) {
        return new ProjectedPlan.Schedule("RECURRENCE", null, null, start, end,
                new ProjectedPlan.Recurrence(times, per, List.of(except)));
    }
}
