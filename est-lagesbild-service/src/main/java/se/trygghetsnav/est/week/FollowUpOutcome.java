package se.trygghetsnav.est.week;

/** Whether a decided effort was carried out, as reported at the next meeting. */
public enum FollowUpOutcome {
    DONE,
    PARTLY_DONE,
    NOT_DONE
}
