package se.trygghetsnav.est.week;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An ISO-8601 week such as {@code 2026-W47}: Monday to Sunday, numbered within its week-based year, which
 * has 52 or 53 weeks (the 53rd when the year has a Thursday in its last days: 2015, 2020, 2026, 2032 …).
 * Week 1 is the week with the year's first Thursday, so it can begin in December.
 */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

    public IsoWeek {
        if (year < 1900 || year > 2999) {
            throw new IllegalArgumentException("Year " + year + " is out of range");
        }
        if (week < 1 || week > weeksIn(year)) {
            throw new IllegalArgumentException(year + " has weeks 1 to " + weeksIn(year) + ", not " + week);
        }
    }

    /** Reads {@code 2026-W47}. */
    @JsonCreator
    public static IsoWeek parse(String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not an ISO week (like 2026-W47): " + text);
        }
        return new IsoWeek(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /** Same as {@link #parse}; lets Spring bind {@code {week}} path variables and query parameters. */
    public static IsoWeek valueOf(String text) {
        return parse(text);
    }

    /** The week a day falls in. */
    public static IsoWeek of(LocalDate date) {
        return new IsoWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** 52 or 53: 28 December always lies in a year's last ISO week. */
    public static int weeksIn(int year) {
        return LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    public LocalDate monday() {
        return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
    }

    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(monday()) && !date.isAfter(sunday());
    }

    public IsoWeek plusWeeks(long weeks) {
        return of(monday().plusWeeks(weeks));
    }

    public IsoWeek minusWeeks(long weeks) {
        return of(monday().minusWeeks(weeks));
    }

    /** The {@code count} weeks before this one, the nearest first: across year ends, week 1 is preceded by week 52 or 53. */
    public java.util.List<IsoWeek> previous(int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(this::minusWeeks).toList();
    }

    /**
     * The week with the same number in the previous week-based year, for comparing with "the same week last
     * year". Week 53 has no namesake in a 52-week year and is compared with that year's week 52.
     */
    public IsoWeek sameWeekLastYear() {
        int lastYear = year - 1;
        return new IsoWeek(lastYear, Math.min(week, weeksIn(lastYear)));
    }

    @Override
    public int compareTo(IsoWeek other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(week, other.week);
    }

    @JsonValue
    @Override
    public String toString() {
        return String.format("%04d-W%02d", year, week);
    }
}
