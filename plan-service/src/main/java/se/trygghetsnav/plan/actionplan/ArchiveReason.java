package se.trygghetsnav.plan.actionplan;

/** Why a plan revision left force or was set aside. */
public enum ArchiveReason {
    /** A draft that was thrown away. */
    DISCARDED,
    /** Withdrawn by the organisation. */
    WITHDRAWN,
    /** A later revision was adopted in its place. */
    SUPERSEDED
}
