package se.trygghetsnav.plan.actionplan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/**
 * A measure was added to a plan. Carries its responsible units as they were then, contact addresses
 * included, so that a consumer can reach them without another event (event-carried state transfer).
 */
@EventType("se.trygghetsnav.plan.measure-added.v1")
public record MeasureAdded(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId,
        Instant occurredAt, UUID measureId, String planTitle, String title, LocalDate dueDate,
        List<ResponsibleUnit> responsibleUnits) implements DomainEvent {

    /** A responsible unit at the time of the event. */
    public record ResponsibleUnit(UUID unitId, String name, String abbreviation, List<String> contactEmails) {
    }
}
