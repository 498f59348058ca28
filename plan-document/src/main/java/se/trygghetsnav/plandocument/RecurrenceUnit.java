package se.trygghetsnav.plandocument;

/** The period a recurrence counts in. */
public enum RecurrenceUnit {
    DAY,
    WEEK,
    MONTH,
    /** A school term (termin): spring and autumn. */
    TERM,
    YEAR
}
