package se.trygghetsnav.est.measurelink;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import se.trygghetsnav.commons.tenancy.TenantOwned;

/**
 * A plan measure that an EST decision can name as the measure it serves ("Sker löpande i EST-gruppen"),
 * known from {@code plan.events}.
 */
@Document("linkable_measures")
@TenantOwned
// Lets the embedded MongoDB answer a tenant-scoped lookup by id from an index (it needs the query's exact keys).
@CompoundIndex(name = "tenant_read", def = "{'_id': 1, 'organisationId': 1}", unique = true)
public record LinkableMeasure(@Id UUID measureId, UUID planId, @Indexed String organisationId, String planTitle,
        String title, String sourceEventId, Instant knownSince) {
}
