package se.trygghetsnav.followup.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

/**
 * What followup-service reads of est-lagesbild-service's decision events: only the fields the evidence shows,
 * unknown fields ignored. Enumerations (kind, time band, outcome) are kept as strings, so a value added to
 * est's contract is shown as it comes rather than sent to the dead-letter topic.
 */
final class EstEvents {

    static final String ISO_WEEK = "\\d{4}-W\\d{2}";

    private EstEvents() {
    }

    /** se.trygghetsnav.est.decision-made.v1; key: the deciding week's report. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DecisionMade(@NotNull UUID aggregateId, @Positive long aggregateVersion, @NotBlank String organisationId,
            @Nullable Instant occurredAt, @NotNull UUID groupId, @NotBlank @Pattern(regexp = ISO_WEEK) String isoWeek,
            @NotNull UUID decisionId, @NotBlank String kind, @Nullable UUID placeId, @Nullable String area,
            @NotNull LocalDate startDate, @Nullable LocalDate endDate, @Nullable String timeBand,
            @NotBlank String responsibleName, @Nullable String responsibleOrganisationId, @Nullable UUID measureId,
            @Nullable UUID planId) {
    }

    /** se.trygghetsnav.est.decision-followed-up.v1; key: the report of the week it was recorded in. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DecisionFollowedUp(@NotNull UUID aggregateId, @Positive long aggregateVersion, @NotBlank String organisationId,
            @Nullable Instant occurredAt, @NotNull UUID groupId, @NotBlank @Pattern(regexp = ISO_WEEK) String isoWeek,
            @NotNull UUID decisionId, @NotBlank @Pattern(regexp = ISO_WEEK) String decidedInWeek, @NotBlank String kind,
            @NotBlank String outcome, @Nullable String note, @Nullable String responsibleOrganisationId,
            @Nullable UUID measureId, @Nullable UUID planId) {
    }
}
