package se.trygghetsnav.plan.actionplan.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import se.trygghetsnav.plan.actionplan.ActionPlan;
import se.trygghetsnav.plan.actionplan.ActionPlans.PlanMeasure;
import se.trygghetsnav.plan.actionplan.AdoptionDecision;
import se.trygghetsnav.plan.actionplan.ArchiveReason;
import se.trygghetsnav.plan.actionplan.FocusArea;
import se.trygghetsnav.plan.actionplan.Measure;
import se.trygghetsnav.plan.actionplan.MeasureContent;
import se.trygghetsnav.plan.actionplan.PlanHeader;
import se.trygghetsnav.plan.actionplan.PlanStatus;
import se.trygghetsnav.plan.orgunit.OrgUnit;
import se.trygghetsnav.plan.orgunit.persistence.OrgUnitRepository;

/**
 * The API's views of plans and measures. Responsible units are shown with their current names, looked up
 * at read time, so renaming a unit changes every plan's view of it.
 */
@Component
public class PlanViews {

    private final OrgUnitRepository units;

    PlanViews(OrgUnitRepository units) {
        this.units = units;
    }

    public PlanResponse plan(ActionPlan plan) {
        return new PlanResponse(plan.getId(), plan.getOrganisationId(), plan.getSeriesId(), plan.getRevision(),
                plan.getPreviousRevisionId(), plan.getCopiedFromPlanId(), plan.getStatus(), plan.getAdoption(),
                plan.getAdoptedAt(), plan.getArchiveReason(), plan.getSupersededByPlanId(), plan.getHeader(),
                plan.getFocusAreas(), unitsOf(plan.measures().toList()).values().stream().map(UnitRef::of).toList(),
                plan.getCreatedAt(), plan.getUpdatedAt(), plan.getVersion());
    }

    public MeasureResponse measure(ActionPlan plan, Measure measure) {
        return measure(new PlanMeasure(plan, plan.focusAreaOf(plan.problemOfMeasure(measure.id()).id()),
                plan.problemOfMeasure(measure.id()), measure), unitsOf(List.of(measure)));
    }

    public List<MeasureResponse> measures(List<PlanMeasure> measures) {
        Map<UUID, OrgUnit> named = unitsOf(measures.stream().map(PlanMeasure::measure).toList());
        return measures.stream().map(measure -> measure(measure, named)).toList();
    }

    private static MeasureResponse measure(PlanMeasure located, Map<UUID, OrgUnit> named) {
        Measure measure = located.measure();
        MeasureContent content = measure.content();
        return new MeasureResponse(measure.id(), located.plan().getId(), located.plan().getHeader().title(),
                located.plan().getStatus(), located.focusArea().id(), located.problem().id(),
                content.schedule() == null ? null : content.schedule().deadline(), content,
                content.responsible().stream().map(responsibility -> {
                    OrgUnit unit = named.get(responsibility.unitId());
                    return new ResponsibleUnitView(responsibility.unitId(), unit == null ? null : unit.getName(),
                            unit == null ? null : unit.getAbbreviation(), responsibility.role());
                }).toList());
    }

    private Map<UUID, OrgUnit> unitsOf(List<Measure> measures) {
        List<UUID> ids = measures.stream().flatMap(measure -> measure.content().responsibleUnitIds().stream())
                .distinct().toList();
        return units.findByIdIn(ids).stream().collect(Collectors.toMap(OrgUnit::getId, Function.identity()));
    }

    /**
     * A whole plan revision.
     *
     * @param units the units its measures name, with their current names
     */
    public record PlanResponse(UUID id, String organisationId, UUID seriesId, int revision,
            @Nullable UUID previousRevisionId, @Nullable UUID copiedFromPlanId, PlanStatus status,
            @Nullable AdoptionDecision adoption, @Nullable Instant adoptedAt, @Nullable ArchiveReason archiveReason,
            @Nullable UUID supersededByPlanId, @JsonUnwrapped PlanHeader header, List<FocusArea> focusAreas,
            List<UnitRef> units, Instant createdAt, Instant updatedAt, long version) {
    }

    /** A plan in a list. */
    public record PlanListItem(UUID id, String organisationId, UUID seriesId, int revision, String title,
            int startYear, int endYear, PlanStatus status, @Nullable AdoptionDecision adoption, int focusAreaCount,
            long measureCount, Instant updatedAt, long version) {

        static PlanListItem of(ActionPlan plan) {
            return new PlanListItem(plan.getId(), plan.getOrganisationId(), plan.getSeriesId(), plan.getRevision(),
                    plan.getHeader().title(), plan.getHeader().period().startYear(),
                    plan.getHeader().period().endYear(), plan.getStatus(), plan.getAdoption(),
                    plan.getFocusAreas().size(), plan.measures().count(), plan.getUpdatedAt(), plan.getVersion());
        }
    }

    /**
     * A measure with where it sits and its responsible units by name.
     *
     * @param deadline the day it must be done by, if its schedule has one
     */
    public record MeasureResponse(UUID id, UUID planId, String planTitle, PlanStatus planStatus, UUID focusAreaId,
            UUID problemId, @Nullable LocalDate deadline, @JsonUnwrapped MeasureContent content,
            List<ResponsibleUnitView> responsibleUnits) {
    }

    public record ResponsibleUnitView(UUID unitId, @Nullable String name, @Nullable String abbreviation,
            @Nullable String role) {
    }

    public record UnitRef(UUID id, String name, @Nullable String abbreviation) {

        static UnitRef of(OrgUnit unit) {
            return new UnitRef(unit.getId(), unit.getName(), unit.getAbbreviation());
        }
    }
}
