package se.trygghetsnav.plan.actionplan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/** What a problem (problemområde, insatsområde, place) says. */
public record ProblemContent(@NotBlank @Size(max = 500) String title, @Nullable @Size(max = 300) String placeName,
        @Nullable @Size(max = 20_000) String description) {
}
