package se.trygghetsnav.commons.audit;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import se.trygghetsnav.commons.tenancy.TenantOwned;

/**
 * One write to an aggregate: who (subject and their organisation), when, and what (aggregate, version,
 * operation). The event id is the entry's id, so an entry is recorded once however often its event is
 * relayed.
 *
 * @param organisationId the organisation that owns the aggregate
 * @param operation the event type the write raised, e.g. {@code se.trygghetsnav.plan.measure-added.v1}
 * @param subject the caller's subject, or {@code system} for writes without a caller
 */
@Document("audit_trail")
@TenantOwned
@CompoundIndex(name = "organisation_time", def = "{'organisationId': 1, 'occurredAt': -1}")
@CompoundIndex(name = "aggregate", def = "{'aggregateId': 1, 'aggregateVersion': 1}")
public record AuditEntry(@Id UUID eventId, String organisationId, String aggregateType, UUID aggregateId,
        long aggregateVersion, String operation, String subject, String subjectOrganisation, Instant occurredAt) {
}
