package se.trygghetsnav.plan.actionplan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.plandocument.MeasureKind;

/**
 * What a measure (åtgärd) says.
 *
 * @param description how it is done ("Hur/Åtaganden", "Beskrivning")
 * @param purpose its syfte
 * @param expectedResult its målsättning
 * @param kind null when the plan does not say
 * @param schedule null while not yet decided (the readiness check asks for one)
 * @param responsibilityNote the plan's own words on who does what, when they say more than a list of units
 * @param causeIds the causes of the same problem it addresses
 * @param goalIds the goals of the same problem it serves
 * @param followUpCriteria the questions or figures its follow-up must answer
 * @param extraColumns columns the source table had and the model has no field for
 */
public record MeasureContent(@NotBlank @Size(max = 2_000) String title,
        @Nullable @Size(max = 20_000) String description,
        @Nullable @Size(max = 5_000) String purpose,
        @Nullable @Size(max = 5_000) String expectedResult,
        @Nullable MeasureKind kind,
        @Nullable @Valid Schedule schedule,
        @Nullable @Size(max = 30) List<@NotNull @Valid Responsibility> responsible,
        @Nullable @Size(max = 5_000) String responsibilityNote,
        @Nullable @Size(max = 50) List<@NotBlank @Size(max = 300) String> partners,
        @Nullable @Size(max = 100) List<@NotNull UUID> causeIds,
        @Nullable @Size(max = 100) List<@NotNull UUID> goalIds,
        @Nullable @Size(max = 50) List<@NotBlank @Size(max = 2_000) String> followUpCriteria,
        @Nullable @Size(max = 50) List<@NotNull @Valid ExtraColumn> extraColumns) {

    public MeasureContent {
        // A unit named twice would be reminded twice: keep its first mention.
        responsible = responsible == null ? List.of() : List.copyOf(responsible.stream()
                .collect(Collectors.toMap(Responsibility::unitId, r -> r, (first, again) -> first,
                        LinkedHashMap::new)).values());
        partners = Lists.orEmpty(partners);
        causeIds = Lists.distinct(causeIds);
        goalIds = Lists.distinct(goalIds);
        followUpCriteria = Lists.orEmpty(followUpCriteria);
        extraColumns = Lists.orEmpty(extraColumns);
    }

    MeasureContent withLinks(List<UUID> newCauseIds, List<UUID> newGoalIds) {
        return new MeasureContent(title, description, purpose, expectedResult, kind, schedule, responsible,
                responsibilityNote, partners, newCauseIds, newGoalIds, followUpCriteria, extraColumns);
    }

    public List<UUID> responsibleUnitIds() {
        return responsible.stream().map(Responsibility::unitId).distinct().toList();
    }
}
