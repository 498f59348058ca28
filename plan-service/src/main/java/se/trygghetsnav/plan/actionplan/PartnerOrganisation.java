package se.trygghetsnav.plan.actionplan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * An organisation the plan is made with, e.g. the local police area under a samverkansöverenskommelse.
 *
 * @param organisationId its Trygghetsnav organisation id when it has one
 * @param agreement the agreement the partnership rests on
 */
public record PartnerOrganisation(@NotBlank @Size(max = 300) String name, @Nullable @Size(max = 100) String organisationId,
        @Nullable @Size(max = 300) String agreement) {
}
