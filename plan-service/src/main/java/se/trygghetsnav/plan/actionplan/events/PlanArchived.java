package se.trygghetsnav.plan.actionplan.events;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.plan.actionplan.ArchiveReason;
import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/** A plan revision left force or was set aside: discarded (a draft), withdrawn, or superseded by a later adopted revision. */
@EventType("se.trygghetsnav.plan.plan-archived.v1")
public record PlanArchived(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId, Instant occurredAt,
        ArchiveReason reason, @Nullable UUID supersededByPlanId) implements DomainEvent {
}
