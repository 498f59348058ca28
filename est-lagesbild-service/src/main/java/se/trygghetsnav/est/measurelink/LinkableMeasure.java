package se.trygghetsnav.est.measurelink;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import se.trygghetsnav.commons.tenancy.TenantOwned;

/**
 * A plan measure that an EST decision can name as the measure it serves ("Sker löpande i EST-gruppen"),
 * known from {@code plan.events}.
 */
@Document("linkable_measures")
@TenantOwned
public record LinkableMeasure(@Id UUID measureId, UUID planId, @Indexed String organisationId, String planTitle,
        String title, String sourceEventId, Instant knownSince) {
}
