package se.trygghetsnav.plan.orgunit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/** A unit was added to an organisation's directory. */
@EventType("se.trygghetsnav.plan.org-unit-registered.v1")
public record OrgUnitRegistered(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId,
        Instant occurredAt, String name, String abbreviation, List<String> contactEmails, String managerEmail)
        implements DomainEvent {
}
