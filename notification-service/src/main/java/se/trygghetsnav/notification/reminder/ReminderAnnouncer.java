package se.trygghetsnav.notification.reminder;

import java.time.Instant;

/** Told when a reminder or escalation stage went out. */
public interface ReminderAnnouncer {

    void fired(Reminder reminder, int recipientCount, Instant now);
}
