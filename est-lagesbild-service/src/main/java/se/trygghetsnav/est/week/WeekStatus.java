package se.trygghetsnav.est.week;

/** Where a week's lägesbild stands. */
public enum WeekStatus {
    /** Members post and edit entries. */
    OPEN,
    /** The coordinator closed the week for entries before the meeting; reviews, decisions and follow-ups go on. */
    CLOSED,
    /** Published after the meeting: nothing changes any more, and the public summary is out. */
    PUBLISHED
}
