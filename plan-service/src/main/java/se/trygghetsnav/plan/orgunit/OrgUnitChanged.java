package se.trygghetsnav.plan.orgunit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/** A unit was renamed or its contacts changed; carries all of it. */
@EventType("se.trygghetsnav.plan.org-unit-changed.v1")
public record OrgUnitChanged(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId,
        Instant occurredAt, String name, String abbreviation, List<String> contactEmails, String managerEmail)
        implements DomainEvent {
}
