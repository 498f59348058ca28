package se.trygghetsnav.followup.round;

/** Where a measure stands, as its responsible unit reports it. */
public enum ReportStatus {
    NOT_STARTED, ONGOING, DONE, DELAYED, CANCELLED;

    /** A DONE or CANCELLED measure cannot be overdue. */
    public boolean completes() {
        return this == DONE || this == CANCELLED;
    }
}
