package se.trygghetsnav.notification.est;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** ISO-8601 weeks as the est events write them, {@code 2026-W47}: Monday to Sunday of a week-based year. */
final class IsoWeeks {

    private IsoWeeks() {
    }

    static LocalDate monday(String isoWeek) {
        int year = Integer.parseInt(isoWeek.substring(0, 4));
        int week = Integer.parseInt(isoWeek.substring(6));
        return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
    }

    static String of(LocalDate day) {
        return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    static String plus(String isoWeek, long weeks) {
        return of(monday(isoWeek).plusWeeks(weeks));
    }

    /** The week number alone, as people say it ("vecka 47"). */
    static int number(String isoWeek) {
        return Integer.parseInt(isoWeek.substring(6));
    }
}
