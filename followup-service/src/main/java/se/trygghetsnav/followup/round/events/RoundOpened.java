package se.trygghetsnav.followup.round.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/**
 * A follow-up round was opened for a plan: the measures it follows up are fixed from now on, with their
 * responsible units, so reminders before the due date need no other event.
 */
@EventType("se.trygghetsnav.followup.round-opened.v1")
public record RoundOpened(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId, Instant occurredAt,
        UUID planId, UUID seriesId, String kind, String name, LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate,
        List<Measure> measures) implements DomainEvent {

    /** A measure in the round's scope; plannedOccurrences only for recurring measures. */
    public record Measure(UUID measureId, String title, List<UUID> responsibleUnitIds, @Nullable Integer plannedOccurrences) {
    }
}
