package se.trygghetsnav.plan.actionplan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import se.trygghetsnav.plandocument.ColumnField;

/** A column of the plan's tables: what it holds and the heading the plan gives it. */
public record TableColumn(@NotNull ColumnField field, @NotBlank @Size(max = 200) String heading) {
}
