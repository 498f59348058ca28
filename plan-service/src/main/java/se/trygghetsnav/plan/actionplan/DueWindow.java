package se.trygghetsnav.plan.actionplan;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** Where a measure's deadline falls, seen from a day. */
public enum DueWindow {
    OVERDUE,
    WITHIN_30_DAYS,
    WITHIN_90_DAYS,
    LATER,
    /** Continuous work, or no schedule yet. */
    NO_DEADLINE;

    public static DueWindow of(@Nullable LocalDate deadline, LocalDate today) {
        if (deadline == null) {
            return NO_DEADLINE;
        }
        if (deadline.isBefore(today)) {
            return OVERDUE;
        }
        if (!deadline.isAfter(today.plusDays(30))) {
            return WITHIN_30_DAYS;
        }
        return deadline.isAfter(today.plusDays(90)) ? LATER : WITHIN_90_DAYS;
    }
}
