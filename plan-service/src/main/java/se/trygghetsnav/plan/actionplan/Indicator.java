package se.trygghetsnav.plan.actionplan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * How progress in a focus area is read, e.g. "Förbättrat resultat i Polisens trygghetsundersökning".
 *
 * @param dataSource where the figures come from (Stockholmsenkäten, NTU, …)
 * @param higherIsBetter the direction of improvement; null when the plan does not say
 */
public record Indicator(@NotBlank @Size(max = 2000) String text, @Nullable @Size(max = 300) String dataSource,
        @Nullable Boolean higherIsBetter) {
}
