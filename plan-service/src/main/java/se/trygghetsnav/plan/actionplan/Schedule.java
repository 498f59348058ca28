package se.trygghetsnav.plan.actionplan;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.plandocument.ScheduleType;

/**
 * When a measure happens ("När"). {@code text} keeps the plan's own words ("2 ggr/veckan, löpande"); the
 * other fields say what they mean, so reminders and follow-up can compute with them:
 * DUE_DATE has a dueDate; PERIOD a startDate and/or endDate; RECURRENCE a recurrence (and optionally the
 * period it runs in); CONTINUOUS nothing more.
 */
public record Schedule(@NotNull ScheduleType type, @Nullable @Size(max = 2000) String text,
        @Nullable LocalDate dueDate, @Nullable LocalDate startDate, @Nullable LocalDate endDate,
        @Nullable @Valid Recurrence recurrence) {

    @AssertTrue(message = "{trygghetsnav.schedule.consistent}")
    boolean isConsistent() {
        if (type == null) {
            return true;
        }
        boolean periodInOrder = startDate == null || endDate == null || !endDate.isBefore(startDate);
        return switch (type) {
            case DUE_DATE -> dueDate != null && startDate == null && endDate == null && recurrence == null;
            case PERIOD -> dueDate == null && (startDate != null || endDate != null) && periodInOrder && recurrence == null;
            case RECURRENCE -> dueDate == null && recurrence != null && periodInOrder;
            case CONTINUOUS -> dueDate == null && endDate == null && recurrence == null;
        };
    }

    /** The day the measure must be done by, if it has one: the due date or the end of its period. */
    public @Nullable LocalDate deadline() {
        return switch (type) {
            case DUE_DATE -> dueDate;
            case PERIOD, RECURRENCE -> endDate;
            case CONTINUOUS -> null;
        };
    }
}
