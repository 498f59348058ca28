package se.trygghetsnav.notification.reminder;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import se.trygghetsnav.commons.tenancy.TenantOwned;

/**
 * An organisation's own reminder timing; a null field takes the service's default ({@link ReminderProperties}).
 * Changes apply to reminders scheduled afterwards. The id is the organisation's id.
 */
@Document("organisation_settings")
@TenantOwned
public record OrganisationSettings(
        @Id String id,
        String organisationId,
        @Min(1) @Max(3650) Integer longMeasureDays,
        @Min(1) @Max(365) Integer longLeadDays,
        @Min(1) @Max(365) Integer shortLeadDays,
        @Min(1) @Max(30) Integer lastReminderWorkingDays,
        @Min(1) @Max(24) Integer continuousCheckMonths,
        @Min(1) @Max(60) Integer roundLeadWorkingDays,
        @Min(1) @Max(60) Integer managerAfterWorkingDays,
        @Min(1) @Max(60) Integer coordinatorAfterWorkingDays,
        @Min(0) @Max(5) Integer estCutOffLeadWorkingDays) {

    /** The settings in force: the organisation's where it set them, else the defaults. */
    public Effective over(ReminderProperties defaults) {
        return new Effective(
                or(longMeasureDays, defaults.longMeasureDays()),
                or(longLeadDays, defaults.longLeadDays()),
                or(shortLeadDays, defaults.shortLeadDays()),
                or(lastReminderWorkingDays, defaults.lastReminderWorkingDays()),
                or(continuousCheckMonths, defaults.continuousCheckMonths()),
                or(roundLeadWorkingDays, defaults.roundLeadWorkingDays()),
                or(managerAfterWorkingDays, defaults.managerAfterWorkingDays()),
                or(coordinatorAfterWorkingDays, defaults.coordinatorAfterWorkingDays()),
                or(estCutOffLeadWorkingDays, defaults.estCutOffLeadWorkingDays()));
    }

    public static Effective defaults(ReminderProperties defaults) {
        return new OrganisationSettings(null, null, null, null, null, null, null, null, null, null, null).over(defaults);
    }

    private static int or(Integer own, int fallback) {
        return own != null ? own : fallback;
    }

    /** The timing in force for one organisation. */
    public record Effective(int longMeasureDays, int longLeadDays, int shortLeadDays, int lastReminderWorkingDays,
            int continuousCheckMonths, int roundLeadWorkingDays, int managerAfterWorkingDays,
            int coordinatorAfterWorkingDays, int estCutOffLeadWorkingDays) {
    }
}
