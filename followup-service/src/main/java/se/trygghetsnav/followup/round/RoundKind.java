package se.trygghetsnav.followup.round;

import java.time.LocalDate;

/** What a follow-up round covers: the year-end follow-up, one of the three tertials, or a custom period. */
public enum RoundKind {

    YEAR_END(1, 12, "Årsuppföljning %d"),
    TERTIAL_1(1, 4, "Tertial 1 %d"),
    TERTIAL_2(5, 8, "Tertial 2 %d"),
    TERTIAL_3(9, 12, "Tertial 3 %d"),
    /** Named by the coordinator, with its own period. */
    CUSTOM(0, 0, null);

    private final int firstMonth;
    private final int lastMonth;
    private final String nameFormat;

    RoundKind(int firstMonth, int lastMonth, String nameFormat) {
        this.firstMonth = firstMonth;
        this.lastMonth = lastMonth;
        this.nameFormat = nameFormat;
    }

    public boolean hasStandardPeriod() {
        return this != CUSTOM;
    }

    public LocalDate periodStart(int year) {
        return LocalDate.of(year, firstMonth, 1);
    }

    public LocalDate periodEnd(int year) {
        LocalDate firstOfLastMonth = LocalDate.of(year, lastMonth, 1);
        return firstOfLastMonth.withDayOfMonth(firstOfLastMonth.lengthOfMonth());
    }

    /** The name people know the round by, e.g. "Tertial 1 2025". */
    public String standardName(int year) {
        return nameFormat.formatted(year);
    }
}
