package se.trygghetsnav.notification.reminder;

import java.time.Instant;
import java.util.List;

/** Told when reminders or escalation stages went out. */
public interface ReminderAnnouncer {

    /** A reminder that went out, and to how many recipients. */
    record Fired(Reminder reminder, int recipientCount) {
    }

    /** Announces the batch's fired reminders together (a burst fires thousands). */
    void fired(List<Fired> fired, Instant now);
}
