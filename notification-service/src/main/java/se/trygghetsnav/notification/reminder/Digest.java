package se.trygghetsnav.notification.reminder;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import se.trygghetsnav.commons.tenancy.TenantOwned;

/**
 * The reminders of one address that go out together at {@code sendAt}: OPEN while reminders join it, CLOSED once
 * the dispatcher took it (a reminder firing later joins the next one), QUEUED once its mail is queued.
 *
 * @param entries one notice per reminder, as the mail shows it
 */
@Document("digests")
@TenantOwned
// Serves the guarded upserts by id and status on the embedded server too, which uses an index only for its exact keys.
@CompoundIndex(name = "status", def = "{'_id': 1, 'status': 1}", unique = true)
public record Digest(@Id String id, String organisationId, String recipient, DeliveryFrequency frequency,
        Instant sendAt, String status, List<Map<String, Object>> entries) {

    static final String OPEN = "OPEN";
    static final String CLOSED = "CLOSED";
    static final String QUEUED = "QUEUED";
}
