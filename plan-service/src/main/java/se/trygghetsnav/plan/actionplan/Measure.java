package se.trygghetsnav.plan.actionplan;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A measure (åtgärd). Its id stays the same across the revisions of a plan, so follow-up and reminders
 * keep their history when a plan is revised.
 */
public record Measure(UUID id, @JsonUnwrapped MeasureContent content) {
}
