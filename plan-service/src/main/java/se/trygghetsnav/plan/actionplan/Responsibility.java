package se.trygghetsnav.plan.actionplan;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * A unit responsible for a measure, by id (so a renamed unit shows its new name everywhere), with its
 * optional role, e.g. "ansvarig utredningsgrupp".
 */
public record Responsibility(@NotNull UUID unitId, @Nullable @Size(max = 500) String role) {
}
