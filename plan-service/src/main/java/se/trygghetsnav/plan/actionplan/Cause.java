package se.trygghetsnav.plan.actionplan;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A cause (orsak) of a problem. */
public record Cause(UUID id, @JsonUnwrapped CauseContent content) {
}
