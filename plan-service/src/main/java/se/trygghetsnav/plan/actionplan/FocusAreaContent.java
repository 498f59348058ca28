package se.trygghetsnav.plan.actionplan;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/** What a focus area (fokusområde, prioriterat samverkansområde, inriktning) says. */
public record FocusAreaContent(@NotBlank @Size(max = 500) String name, @Nullable @Size(max = 20_000) String rationale,
        @Nullable @Size(max = 100) List<@NotNull @Valid Indicator> indicators) {

    public FocusAreaContent {
        indicators = Lists.orEmpty(indicators);
    }
}
