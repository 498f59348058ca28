package se.trygghetsnav.notification.contacts;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The tolerant records of the other plan events notification-service reads. */
public final class PlanEvents {

    private PlanEvents() {
    }

    /** {@code plan-created.v1} and {@code plan-updated.v1}: the plan's title and coordinator. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PlanHeader(@NotNull UUID aggregateId, @NotNull Long aggregateVersion, @NotBlank String organisationId,
            UUID seriesId, @NotBlank String title, @Valid Coordinator coordinator) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Coordinator(@NotBlank String name, String email) {
    }

    /** {@code measure-removed.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MeasureRemoved(@NotNull UUID aggregateId, @NotNull Long aggregateVersion, @NotBlank String organisationId,
            @NotNull UUID measureId) {
    }

    /** {@code org-unit-registered.v1} and {@code org-unit-changed.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrgUnit(@NotNull UUID aggregateId, @NotNull Long aggregateVersion, @NotBlank String organisationId,
            @NotBlank String name, String abbreviation, @NotNull java.util.List<@NotBlank String> contactEmails,
            String managerEmail) {
    }
}
