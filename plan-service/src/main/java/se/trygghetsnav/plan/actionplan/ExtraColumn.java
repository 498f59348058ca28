package se.trygghetsnav.plan.actionplan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A value of a column the source table had and the model has no field for: kept, shown and exported. */
public record ExtraColumn(@NotBlank @Size(max = 200) String name, @NotNull @Size(max = 20_000) String value) {
}
