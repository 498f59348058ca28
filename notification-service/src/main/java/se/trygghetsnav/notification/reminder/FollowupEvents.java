package se.trygghetsnav.notification.reminder;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The tolerant records of the {@code followup.events} notification-service reads: only the fields it uses. */
public final class FollowupEvents {

    private FollowupEvents() {
    }

    /** {@code round-opened.v1}; aggregateId is the round. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RoundOpened(@NotNull UUID aggregateId, @NotBlank String organisationId, @NotNull UUID planId,
            @NotBlank String name, @NotNull LocalDate dueDate, @NotNull List<@Valid @NotNull RoundMeasure> measures) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RoundMeasure(@NotNull UUID measureId, @NotBlank String title, @NotNull List<@NotNull UUID> responsibleUnitIds) {
    }

    /** {@code measure-report-submitted.v1} and {@code measure-report-corrected.v1}; aggregateId is the round. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MeasureReported(@NotNull UUID aggregateId, @NotBlank String organisationId, @NotNull UUID planId,
            @NotNull UUID measureId, @NotBlank String status) {

        /** DONE and CANCELLED end the measure: no more reminders or escalations. */
        public boolean endsTheMeasure() {
            return "DONE".equals(status) || "CANCELLED".equals(status);
        }
    }

    /** {@code measure-overdue.v1}; aggregateId is the measure. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MeasureOverdue(@NotNull UUID aggregateId, @NotBlank String organisationId, @NotNull UUID measureId,
            @NotNull UUID planId, @NotBlank String title, @NotNull LocalDate deadline, @NotNull LocalDate overdueSince,
            LocalDate detectedOn, @NotNull List<@NotNull UUID> responsibleUnitIds) {
    }

    /** {@code measure-overdue-cleared.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MeasureOverdueCleared(@NotNull UUID aggregateId, @NotBlank String organisationId,
            @NotNull UUID measureId, @NotNull LocalDate overdueSince, String reason) {
    }

    /** {@code report-missing.v1}; aggregateId is the round, one event per responsible unit. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReportMissing(@NotNull UUID aggregateId, @NotBlank String organisationId, @NotNull UUID planId,
            @NotNull UUID measureId, @NotBlank String measureTitle, @NotNull UUID unitId, @NotNull LocalDate dueDate) {
    }
}
