package se.trygghetsnav.est.week;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import se.trygghetsnav.commons.tenancy.TenantOwned;

/**
 * A sealed, immutable segment of a week's entries: a few hundred entry states moved out of the week document
 * so that it stays small ({@link WeekWriter}). Found only through the week that lists it, which is read under
 * tenancy; owned by the group's municipality.
 */
@Document("est_week_entry_buckets")
@TenantOwned
record EntryBucket(@Id UUID id, UUID weekReportId, UUID groupId, String organisationId, List<Entry> entries,
        Instant sealedAt) {
}
