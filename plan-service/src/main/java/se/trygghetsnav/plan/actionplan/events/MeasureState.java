package se.trygghetsnav.plan.actionplan.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;

import se.trygghetsnav.plan.actionplan.MeasureContent;

/**
 * A measure's whole state as measure events carry it.
 *
 * @param dueDate the day it must be done by (the schedule's due date or period end), absent when it has none
 * @param responsibleUnits the responsible units with their contacts and managers at the time of the event
 */
public record MeasureState(UUID measureId, UUID focusAreaId, UUID problemId, String planTitle,
        @Nullable LocalDate dueDate, List<ResponsibleUnit> responsibleUnits, @JsonUnwrapped MeasureContent content) {

    /** A responsible unit as it was at the time of the event. */
    public record ResponsibleUnit(UUID unitId, String name, @Nullable String abbreviation, List<String> contactEmails,
            @Nullable String managerEmail, @Nullable String role) {
    }
}
