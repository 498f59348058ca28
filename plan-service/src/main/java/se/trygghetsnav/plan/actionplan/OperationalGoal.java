package se.trygghetsnav.plan.actionplan;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** An operational goal (operativt mål) of a problem. */
public record OperationalGoal(UUID id, @JsonUnwrapped GoalContent content) {
}
