package se.trygghetsnav.plan.actionplan;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * What a plan says about itself, above its focus areas.
 *
 * @param legalBasis e.g. "Lag (2023:196) om kommuners ansvar för brottsförebyggande arbete"
 * @param introduction the plan's free introduction text
 * @param columns its tables' columns in its own order and with its own headings; export follows them
 */
public record PlanHeader(@NotBlank @Size(max = 300) String title, @NotNull @Valid PlanPeriod period,
        @Nullable @Size(max = 500) String legalBasis, @Nullable @Size(max = 100_000) String introduction,
        @Nullable @Size(max = 30) List<@NotNull @Valid PartnerOrganisation> partnerOrganisations,
        @Nullable @Valid Contact coordinator, @Nullable @Size(max = 30) List<@NotNull @Valid TableColumn> columns) {

    public static final String DEFAULT_LEGAL_BASIS = "Lag (2023:196) om kommuners ansvar för brottsförebyggande arbete";

    public PlanHeader {
        partnerOrganisations = Lists.orEmpty(partnerOrganisations);
        columns = Lists.orEmpty(columns);
    }

    /** The same plan text for another period. */
    PlanHeader forPeriod(PlanPeriod newPeriod) {
        return new PlanHeader(title, newPeriod, legalBasis, introduction, partnerOrganisations, coordinator, columns);
    }
}
