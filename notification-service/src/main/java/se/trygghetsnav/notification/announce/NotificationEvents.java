package se.trygghetsnav.notification.announce;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/** The events notification-service publishes on {@code notification.events}. No mail addresses: counts and unit ids. */
public final class NotificationEvents {

    private NotificationEvents() {
    }

    /** A reminder went out (as a mail of its own or into its recipients' digests). */
    @EventType("se.trygghetsnav.notification.reminder-sent.v1")
    public record ReminderSent(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId,
            Instant occurredAt, String reminderKey, String kind, String itemRef, UUID planId, UUID measureId,
            UUID roundId, LocalDate dueDate, List<UUID> unitIds, int recipientCount) implements DomainEvent {
    }

    /** One stage of an escalation went out: to the unit, its manager or the plan's coordinator. */
    @EventType("se.trygghetsnav.notification.escalation-raised.v1")
    public record EscalationRaised(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId,
            Instant occurredAt, String reminderKey, String cause, String stage, String itemRef, UUID planId,
            UUID measureId, UUID roundId, LocalDate dueDate, List<UUID> unitIds, int recipientCount) implements DomainEvent {
    }

    /** The mail server has refused a mail several times; it is still retried. */
    @EventType("se.trygghetsnav.notification.delivery-failed.v1")
    public record DeliveryFailed(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId,
            Instant occurredAt, String mailKey, String itemRef, int attempts, String errorType, Instant queuedAt)
            implements DomainEvent {
    }
}
