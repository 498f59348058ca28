package se.trygghetsnav.notification.assignment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * What notification-service reads of {@code se.trygghetsnav.plan.measure-added.v1}: only the fields it uses;
 * anything else in the payload is ignored (consumers keep their own tolerant records).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MeasureAddedEvent(
        @NotNull UUID aggregateId,
        @NotBlank String organisationId,
        @NotNull UUID measureId,
        @NotBlank String planTitle,
        @NotBlank String title,
        LocalDate dueDate,
        @NotNull List<@Valid @NotNull ResponsibleUnit> responsibleUnits) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ResponsibleUnit(@NotNull UUID unitId, @NotBlank String name, String abbreviation,
            @NotNull List<@NotBlank String> contactEmails) {

        /** "Kommunstyrelsekontoret (KSK)" or just the name. */
        public String displayName() {
            return abbreviation == null || abbreviation.isBlank() ? name : name + " (" + abbreviation + ")";
        }
    }
}
