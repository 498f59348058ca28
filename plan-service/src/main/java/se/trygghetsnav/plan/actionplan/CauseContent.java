package se.trygghetsnav.plan.actionplan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a cause (orsak) says: why the problem exists, from the lägesbild's analysis. */
public record CauseContent(@NotBlank @Size(max = 20_000) String text) {
}
