package se.trygghetsnav.plan.actionplan;

/** Where a plan revision is in its life. Only a draft can be changed. */
public enum PlanStatus {
    /** Being written; every part can change. */
    DRAFT,
    /** Decided by the board; immutable, the plan in force. */
    ADOPTED,
    /** An adopted revision that a later adopted revision replaced; immutable, still readable. */
    SUPERSEDED,
    /** Withdrawn or discarded; immutable, still readable. */
    ARCHIVED
}
