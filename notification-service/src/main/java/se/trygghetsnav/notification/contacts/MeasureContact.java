package se.trygghetsnav.notification.contacts;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import se.trygghetsnav.commons.tenancy.TenantOwned;

/**
 * A measure as the latest plan event about it described it: which plan, which units. Follow-up events name
 * only ids, so reminders and escalations find titles and people here.
 *
 * @param firstSeen the day notification-service first heard of the measure; the anchor of "still active?" checks
 *        when the schedule has no start date
 */
@Document(ContactDirectory.MEASURES)
@TenantOwned
public record MeasureContact(@Id UUID measureId, String organisationId, UUID planId, String planTitle, String title,
        LocalDate dueDate, List<UUID> unitIds, boolean removed, LocalDate firstSeen) {
}
