package se.trygghetsnav.followup.indicator.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;

/**
 * A value of an indicator was recorded: for an operational goal or for one of a focus area's indicators. Keyed by
 * the indicator series. The note stays out (free text).
 */
@EventType("se.trygghetsnav.followup.indicator-recorded.v1")
public record IndicatorRecorded(UUID eventId, UUID aggregateId, long aggregateVersion, String organisationId,
        Instant occurredAt, UUID planId, UUID planSeriesId, String targetKind, UUID focusAreaId, @Nullable UUID goalId,
        String indicator, UUID valueId, BigDecimal value, @Nullable String unit, @Nullable LocalDate date,
        @Nullable LocalDate periodStart, @Nullable LocalDate periodEnd, String source) implements DomainEvent {
}
