package se.trygghetsnav.notification.reminder;

import java.time.Instant;
import java.util.List;

/**
 * Tells the reminders of a kind that another feature owns (e.g. the EST cut-off reminders): decides who they reach
 * now and queues their mails itself. The dispatcher still claims each reminder once, records whom it told and
 * announces it, exactly as for its own kinds.
 */
public interface ReminderFiring {

    boolean fires(ReminderKind kind);

    /**
     * Queues the reminder's mails; called once per claim, and again only after a crash mid-way, so the mails must
     * be queued under deterministic keys.
     *
     * @return the addresses told; empty when nobody needs the reminder any more
     */
    List<String> fire(Reminder reminder, Instant now);
}
