package se.trygghetsnav.plan.actionplan;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/** What an operational goal (operativt mål) says, with its optional SMART parts. */
public record GoalContent(@NotBlank @Size(max = 5_000) String text, @Nullable @Size(max = 1_000) String indicator,
        @Nullable @Size(max = 300) String baseline, @Nullable @Size(max = 300) String targetValue,
        @Nullable LocalDate targetDate) {
}
