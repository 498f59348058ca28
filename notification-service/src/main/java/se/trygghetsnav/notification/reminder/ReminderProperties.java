package se.trygghetsnav.notification.reminder;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How reminders and escalations are timed. The timing fields are defaults: an organisation overrides them through
 * {@code PUT /api/v1/notification-settings} ({@link OrganisationSettings}).
 *
 * @param longMeasureDays a measure running at least this many days (schedule start, or when it was first heard
 *        of, to its due date) is long
 * @param longLeadDays days before the due date of a long measure that the first reminder goes out
 * @param shortLeadDays the same for a short measure
 * @param lastReminderWorkingDays working days before the due date of the last reminder
 * @param continuousCheckMonths months between "still active?" checks of continuous (löpande) measures
 * @param roundLeadWorkingDays working days before a follow-up round's due date of the reminder to units whose
 *        reports are missing
 * @param managerAfterWorkingDays working days after the unit was told that an escalation goes to its manager
 * @param coordinatorAfterWorkingDays further working days until it goes to the plan's coordinator
 * @param estCutOffLeadWorkingDays working days before an EST group's weekly cut-off that its members that have not
 *        posted for the week are reminded (at the opening of office hours; 0: on the cut-off day, if it opens before)
 * @param officeStart when office hours start (Europe/Stockholm); reminders go out then
 * @param officeEnd when they end
 * @param dispatchInterval how often the dispatcher looks for due reminders and digests
 * @param lookback how far back the dispatcher looks when it has no cursor or was down for long
 * @param claimTimeout after this long a reminder claimed by an instance that never finished is fired again
 * @param deliveryFailedAfterAttempts after how many refused attempts a mail is announced as delivery-failed
 */
@ConfigurationProperties("trygghetsnav.notification.reminders")
public record ReminderProperties(
        @DefaultValue("90") int longMeasureDays,
        @DefaultValue("28") int longLeadDays,
        @DefaultValue("7") int shortLeadDays,
        @DefaultValue("1") int lastReminderWorkingDays,
        @DefaultValue("3") int continuousCheckMonths,
        @DefaultValue("5") int roundLeadWorkingDays,
        @DefaultValue("5") int managerAfterWorkingDays,
        @DefaultValue("5") int coordinatorAfterWorkingDays,
        @DefaultValue("1") int estCutOffLeadWorkingDays,
        @DefaultValue("08:00") LocalTime officeStart,
        @DefaultValue("17:00") LocalTime officeEnd,
        @DefaultValue("30s") Duration dispatchInterval,
        @DefaultValue("14d") Duration lookback,
        @DefaultValue("5m") Duration claimTimeout,
        @DefaultValue("3") int deliveryFailedAfterAttempts) {
}
