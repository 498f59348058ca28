package se.trygghetsnav.plan.actionplan;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * The decision that adopted a plan revision.
 *
 * @param decidingBody e.g. kommunstyrelsen, a stadsdelsnämnd
 * @param reference the diarienummer or paragraph, e.g. "KS 2024/123 § 45"
 */
public record AdoptionDecision(@NotBlank @Size(max = 200) String decidingBody, @NotNull LocalDate decisionDate,
        @Nullable @Size(max = 100) String reference) {
}
