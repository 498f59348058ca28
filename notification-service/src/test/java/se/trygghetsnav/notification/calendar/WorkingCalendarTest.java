package se.trygghetsnav.notification.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingCalendarTest {

    private final WorkingCalendar calendar = new WorkingCalendar(LocalTime.of(8, 0), LocalTime.of(17, 0));

    @Test
    void weekendsPublicHolidaysAndTheEvesAreNoWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 6, 19))).as("Midsommarafton 2026").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 24))).as("Julafton").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 31))).as("Nyårsafton").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 6, 6))).as("Nationaldagen").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 3))).as("Långfredagen").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 6))).as("Annandag påsk").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 14))).as("Kristi himmelfärd").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 6))).as("Trettondedag jul").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 6, 20))).as("a Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 6, 18))).as("the Thursday before Midsommar").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 23))).isTrue();
    }

    @Test
    void aDayOffMovesToTheWorkingDayBefore() {
        assertThat(calendar.onOrBefore(LocalDate.of(2026, 6, 19))).isEqualTo(LocalDate.of(2026, 6, 18));
        assertThat(calendar.onOrBefore(LocalDate.of(2026, 12, 26))).isEqualTo(LocalDate.of(2026, 12, 23));
    }

    @Test
    void workingDaysSkipWeekendsAndHolidays() {
        // Thursday before Easter 2026 plus one working day: Långfredag, the weekend and Annandag påsk are skipped.
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 4, 2), 1)).isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(calendar.minusWorkingDays(LocalDate.of(2026, 4, 7), 1)).isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 11, 20), 5)).isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void outsideOfficeHoursMailsWaitForTheNextOpening() {
        Instant fridayEvening = ZonedDateTime.of(2026, 6, 18, 18, 0, 0, 0, WorkingCalendar.STOCKHOLM).toInstant();
        assertThat(calendar.nextOfficeTime(fridayEvening))
                .isEqualTo(ZonedDateTime.of(2026, 6, 22, 8, 0, 0, 0, WorkingCalendar.STOCKHOLM).toInstant());
        Instant midMorning = ZonedDateTime.of(2026, 6, 18, 10, 30, 0, 0, WorkingCalendar.STOCKHOLM).toInstant();
        assertThat(calendar.nextOfficeTime(midMorning)).isEqualTo(midMorning);
    }

    @Test
    void theWeeklyDigestGoesOutOnMondayMorningOrTheWeeksFirstWorkingDay() {
        Instant wednesday = ZonedDateTime.of(2026, 3, 25, 9, 0, 0, 0, WorkingCalendar.STOCKHOLM).toInstant();
        assertThat(calendar.nextWeeklyOpening(wednesday))
                .isEqualTo(ZonedDateTime.of(2026, 3, 30, 8, 0, 0, 0, WorkingCalendar.STOCKHOLM).toInstant());
        Instant easterWeek = ZonedDateTime.of(2026, 4, 2, 9, 0, 0, 0, WorkingCalendar.STOCKHOLM).toInstant();
        assertThat(calendar.nextWeeklyOpening(easterWeek)).as("Annandag påsk is off: Tuesday")
                .isEqualTo(ZonedDateTime.of(2026, 4, 7, 8, 0, 0, 0, WorkingCalendar.STOCKHOLM).toInstant());
    }
}
