package se.trygghetsnav.notification.reminder;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import se.trygghetsnav.commons.tenancy.TenantOwned;

/**
 * How one address of one organisation wants its reminders.
 *
 * @param id {@code <organisationId>:<address in lower case>}
 */
@Document("recipient_preferences")
@TenantOwned
public record RecipientPreference(@Id String id, String organisationId, String recipient, DeliveryFrequency frequency,
        Instant changedAt) {

    public static String idOf(String organisationId, String recipient) {
        return organisationId + ":" + recipient.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
