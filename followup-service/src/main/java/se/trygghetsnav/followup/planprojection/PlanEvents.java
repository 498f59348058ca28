package se.trygghetsnav.followup.planprojection;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** What followup-service reads of the plan events: only the fields it uses. */
final class PlanEvents {

    private PlanEvents() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PlanCreated(@NotNull UUID aggregateId, @Positive long aggregateVersion, @NotBlank String organisationId,
            @NotBlank String title) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MeasureAdded(@NotNull UUID aggregateId, @Positive long aggregateVersion, @NotBlank String organisationId,
            @NotNull UUID measureId, @NotBlank String title, LocalDate dueDate,
            @NotNull List<@Valid @NotNull Unit> responsibleUnits) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Unit(@NotNull UUID unitId) {
    }
}
