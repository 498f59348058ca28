package se.trygghetsnav.followup.planprojection;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

/**
 * What followup-service reads of plan-service's events: only the fields it uses, unknown fields ignored
 * (architecture.md: consumers keep their own tolerant records). Lists a producer always sends may still be
 * absent here; the projection treats an absent list as empty.
 */
final class PlanEvents {

    private PlanEvents() {
    }

    /** The envelope fields every plan event carries. */
    interface PlanEvent {

        UUID aggregateId();

        long aggregateVersion();

        String organisationId();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Period(@Min(2000) int startYear, @Min(2000) int endYear) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Partner(@NotBlank String name, @Nullable String organisationId, @Nullable String agreement) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Contact(@NotBlank String name, @Nullable String email, @Nullable String phone) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Column(@NotBlank String field, @NotBlank String heading) {
    }

    /** The plan header's fields besides title and period, which plan-created, -revised and -updated all carry. */
    interface PlanHeader {

        @Nullable String legalBasis();

        @Nullable String introduction();

        @Nullable List<Partner> partnerOrganisations();

        @Nullable Contact coordinator();

        @Nullable List<Column> columns();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PlanCreated(@NotNull UUID aggregateId, @Positive long aggregateVersion, @NotBlank String organisationId,
            @NotNull UUID seriesId, @Positive int revision, @Nullable String status, @Nullable UUID copiedFromPlanId,
            @NotBlank String title, @NotNull @Valid Period period, @Nullable String legalBasis,
            @Nullable String introduction, @Nullable List<@Valid @NotNull Partner> partnerOrganisations,
            @Nullable @Valid Contact coordinator, @Nullable List<@Valid @NotNull Column> columns)
            implements PlanEvent, PlanHeader {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PlanUpdated(@NotNull UUID aggregateId, @Positive long aggregateVersion, @NotBlank String organisationId,
            @NotBlank String title, @NotNull @Valid Period period, @Nullable String legalBasis,
            @Nullable String introduction, @Nullable List<@Valid @NotNull Partner> partnerOrganisations,
            @Nullable @Valid Contact coordinator, @Nullable List<@Valid @NotNull Column> columns)
            implements PlanEvent, PlanHeader {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PlanRevised(@NotNull UUID aggregateId, @Positive long aggregateVersion, @NotBlank String organisationId,
            @NotNull UUID seriesId, @Positive int revision, @NotNull UUID previousRevisionId, @NotBlank String title,
            @NotNull @Valid Period period, @Nullable String legalBasis, @Nullable String introduction,
            @Nullable List<@Valid @NotNull Partner> partnerOrganisations, @Nullable @Valid Contact coordinator,
            @Nullable List<@Valid @NotNull Column> columns) implements PlanEvent, PlanHeader {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Decision(@NotBlank String decidingBody, @NotNull LocalDate decisionDate, @Nullable String reference) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PlanAdopted(@NotNull UUID aggregateId, @Positive long aggregateVersion, @NotBlank String organisationId,
            @NotNull UUID seriesId, @Positive int revision, @NotNull @Valid Decision decision,
            @Nullable UUID supersedesPlanId) implements PlanEvent {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PlanArchived(@NotNull UUID aggregateId, @Positive long aggregateVersion, @NotBlank String organisationId,
            @NotBlank String reason, @Nullable UUID supersededByPlanId) implements PlanEvent {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Indicator(@NotBlank String text, @Nullable String dataSource, @Nullable Boolean higherIsBetter) {
    }

    /** focus-area-added and focus-area-changed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FocusAreaState(@NotNull UUID aggregateId, @Positive long aggregateVersion, @NotBlank String organisationId,
            @NotNull UUID focusAreaId, @NotBlank String name, @Nullable String rationale,
            @Nullable List<@Valid @NotNull Indicator> indicators) implements PlanEvent {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FocusAreaRemoved(@NotNull UUID aggregateId, @Positive long aggregateVersion, @NotBlank String organisationId,
            @NotNull UUID focusAreaId) implements PlanEvent {
    }

    /** problem-added and problem-changed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProblemState(@NotNull UUID aggregateId, @Positive long aggregateVersion, @NotBlank String organisationId,
            @NotNull UUID focusAreaId, @NotNull UUID problemId, @NotBlank String title, @Nullable String placeName,
            @Nullable String description) implements PlanEvent {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProblemRemoved(@NotNull UUID aggregateId, @Positive long aggregateVersion, @NotBlank String organisationId,
            @NotNull UUID problemId) implements PlanEvent {
    }

    /** cause-added and cause-changed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CauseState(@NotNull UUID aggregateId, @Positive long aggregateVersion, @NotBlank String organisationId,
            @NotNull UUID problemId, @NotNull UUID causeId, @NotBlank String text) implements PlanEvent {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CauseRemoved(@NotNull UUID aggregateId, @Positive long aggregateVersion, @NotBlank String organisationId,
            @NotNull UUID causeId) implements PlanEvent {
    }

    /** goal-added and goal-changed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record GoalState(@NotNull UUID aggregateId, @Positive long aggregateVersion, @NotBlank String organisationId,
            @NotNull UUID problemId, @NotNull UUID goalId, @NotBlank String text, @Nullable String indicator,
            @Nullable String baseline, @Nullable String targetValue, @Nullable LocalDate targetDate) implements PlanEvent {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record GoalRemoved(@NotNull UUID aggregateId, @Positive long aggregateVersion, @NotBlank String organisationId,
            @NotNull UUID goalId) implements PlanEvent {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Recurrence(@Positive int times, @NotBlank String per, @Nullable List<@NotNull Month> exceptMonths) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Schedule(@NotBlank String type, @Nullable String text, @Nullable LocalDate dueDate,
            @Nullable LocalDate startDate, @Nullable LocalDate endDate, @Nullable @Valid Recurrence recurrence) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Responsibility(@NotNull UUID unitId, @Nullable String role) {
    }

    /** A responsible unit as the directory had it when the measure event was made. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ResponsibleUnit(@NotNull UUID unitId, @Nullable String name, @Nullable String abbreviation,
            @Nullable List<String> contactEmails, @Nullable String managerEmail, @Nullable String role) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ExtraColumn(@NotBlank String name, @NotNull String value) {
    }

    /** measure-added and measure-changed: the measure's whole state. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MeasureState(@NotNull UUID aggregateId, @Positive long aggregateVersion, @NotBlank String organisationId,
            @NotNull UUID measureId, @NotNull UUID focusAreaId, @NotNull UUID problemId, @NotBlank String title,
            @Nullable String description, @Nullable String kind, @Nullable @Valid Schedule schedule,
            @Nullable LocalDate dueDate, @NotNull List<@Valid @NotNull ResponsibleUnit> responsibleUnits,
            @Nullable List<@Valid @NotNull Responsibility> responsible, @Nullable List<String> partners,
            @Nullable List<UUID> causeIds, @Nullable List<UUID> goalIds, @Nullable List<String> followUpCriteria,
            @Nullable String purpose, @Nullable String expectedResult, @Nullable String responsibilityNote,
            @Nullable List<@Valid @NotNull ExtraColumn> extraColumns) implements PlanEvent {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MeasureRemoved(@NotNull UUID aggregateId, @Positive long aggregateVersion, @NotBlank String organisationId,
            @NotNull UUID measureId) implements PlanEvent {
    }

    /** org-unit-registered and org-unit-changed: the unit's whole state; keyed by the unit id. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrgUnitState(@NotNull UUID aggregateId, @Positive long aggregateVersion, @NotBlank String organisationId,
            @NotBlank String name, @Nullable String abbreviation, @Nullable List<String> contactEmails,
            @Nullable String managerEmail) {
    }
}
