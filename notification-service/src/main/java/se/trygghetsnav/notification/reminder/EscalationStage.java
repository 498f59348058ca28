package se.trygghetsnav.notification.reminder;

/** Who an escalation reaches at each stage. */
public enum EscalationStage {
    /** The responsible unit's contact addresses. */
    UNIT,
    /** The unit's manager. */
    MANAGER,
    /** The plan's coordinator. */
    COORDINATOR
}
