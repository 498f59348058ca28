package se.trygghetsnav.notification.reminder;

/** What a reminder is about, which says who gets it and what the mail says. */
public enum ReminderKind {
    /** The first reminder before a measure's due date (28 or 7 days before, by the measure's length). */
    MEASURE_DUE_FIRST,
    /** The last reminder, a working day before a measure's due date. */
    MEASURE_DUE_LAST,
    /** A continuous (löpande) measure: is it still going on? */
    MEASURE_STILL_ACTIVE,
    /** A follow-up round is due and the unit's reports on some measures are missing. */
    ROUND_DUE,
    /** A measure is overdue: one stage of its escalation. */
    MEASURE_OVERDUE,
    /** A follow-up report is missing after the round's due date: one stage of its escalation. */
    REPORT_MISSING,
    /**
     * An EST group's weekly cut-off is near: its members that have not posted for the week are reminded. Told by
     * the EST feature's own {@link ReminderFiring}, not by {@link ReminderMessages}.
     */
    EST_CUT_OFF;

    public boolean escalation() {
        return this == MEASURE_OVERDUE || this == REPORT_MISSING;
    }
}
