package se.trygghetsnav.est.week;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import se.trygghetsnav.commons.tenancy.TenantOwned;

/** The descriptions of one submission's entries (or one corrected description), written by one organisation. */
@Document("est_entry_texts")
@TenantOwned
record EntryTextDocument(@Id UUID id, String organisationId, UUID weekReportId, List<Text> texts, Instant createdAt) {

    record Text(UUID entryId, String description) {
    }
}
