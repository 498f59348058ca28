package se.trygghetsnav.notification.reminder;

public enum ReminderStatus {
    /** Waits for its fire time. */
    SCHEDULED,
    /** Claimed by one dispatcher, being turned into mails. */
    FIRING,
    /** Turned into mails (or digest entries). */
    FIRED,
    /** Fired, but nobody was left to tell (e.g. every report of the round had arrived). */
    SKIPPED,
    /** No longer wanted: the due date moved, the measure was removed or reported done, the escalation cleared. */
    CANCELLED
}
