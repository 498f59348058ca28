package se.trygghetsnav.notification.reminder;

import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import se.trygghetsnav.commons.tenancy.TenantOwned;

/**
 * The reminders of one item, so that cancelling an item (a measure removed or done, an overdue state cleared, a
 * report arrived) finds its reminders by {@code _id}, without a query on a non-unique field.
 *
 * @param itemKey e.g. {@code measure:<id>}, {@code overdue:<measureId>}, {@code round:<roundId>},
 *        {@code report:<roundId>:<measureId>}
 * @param ended for a measure: reported DONE or CANCELLED, so later plan changes schedule nothing
 * @param reportedMeasureIds for a round: the measures a report has arrived for
 */
@Document(ReminderSchedule.ITEMS)
@TenantOwned
public record ReminderItems(@Id String itemKey, String organisationId, List<String> keys, Boolean ended,
        List<UUID> reportedMeasureIds) {
}
