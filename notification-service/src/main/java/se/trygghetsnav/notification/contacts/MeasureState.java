package se.trygghetsnav.notification.contacts;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * What notification-service reads of {@code se.trygghetsnav.plan.measure-added.v1} and {@code measure-changed.v1}
 * (both carry the measure's whole state): only the fields it uses; anything else is ignored.
 *
 * @param aggregateId the plan
 * @param dueDate the day the measure must be done by; absent for continuous work
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MeasureState(
        @NotNull UUID aggregateId,
        @NotNull Long aggregateVersion,
        @NotBlank String organisationId,
        @NotNull UUID measureId,
        @NotBlank String planTitle,
        @NotBlank String title,
        LocalDate dueDate,
        String kind,
        @Valid Schedule schedule,
        @NotNull List<@Valid @NotNull ResponsibleUnit> responsibleUnits) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ResponsibleUnit(@NotNull UUID unitId, @NotBlank String name, String abbreviation,
            @NotNull List<@NotBlank String> contactEmails, String managerEmail) {

        /** "Kommunstyrelsekontoret (KSK)" or just the name. */
        public String displayName() {
            return displayName(name, abbreviation);
        }

        public static String displayName(String name, String abbreviation) {
            return abbreviation == null || abbreviation.isBlank() ? name : name + " (" + abbreviation + ")";
        }
    }

    /** When the measure happens: DUE_DATE, PERIOD, RECURRENCE or CONTINUOUS (löpande). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Schedule(@NotBlank String type, String text, LocalDate dueDate, LocalDate startDate, LocalDate endDate) {
    }

    /** Continuous (löpande) work: no day it must be done by. */
    public boolean continuous() {
        return dueDate == null && (schedule == null || "CONTINUOUS".equals(schedule.type()) || schedule.endDate() == null);
    }

    public List<UUID> unitIds() {
        return responsibleUnits.stream().map(ResponsibleUnit::unitId).toList();
    }
}
