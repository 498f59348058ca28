package se.trygghetsnav.followup.overdue;

/** Why an overdue measure stopped being overdue. */
public enum ClearReason {
    /** A report in a round said DONE. */
    REPORTED_DONE,
    /** A report in a round said CANCELLED. */
    REPORTED_CANCELLED,
    /** A later adopted revision gave it a deadline that has not passed, or none. */
    DEADLINE_MOVED,
    /** Its plan was withdrawn, or a later adopted revision dropped it. */
    NO_LONGER_IN_FORCE
}
