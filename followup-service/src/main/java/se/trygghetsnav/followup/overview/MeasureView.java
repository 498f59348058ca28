package se.trygghetsnav.followup.overview;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.followup.evidence.MeasureEvidence;
import se.trygghetsnav.followup.planprojection.ProjectedPlan;
import se.trygghetsnav.followup.planprojection.ProjectedUnit;

/**
 * A measure with its follow-up state, as the follow-up views show it.
 *
 * @param deadline the day it must be done by (Europe/Stockholm), absent for continuous work
 * @param responsibleUnits its units with their names and contacts as the directory has them now
 * @param evidence the EST decisions that serve it, newest first, with their follow-ups
 */
public record MeasureView(UUID measureId, UUID focusAreaId, UUID problemId, String title, @Nullable String description,
        @Nullable String kind, ProjectedPlan.@Nullable Schedule schedule, @Nullable LocalDate deadline,
        List<UnitView> responsibleUnits, List<String> partners, List<UUID> causeIds, List<UUID> goalIds,
        List<String> followUpCriteria, FollowUpState followUp, List<EvidenceView> evidence) {

    static MeasureView of(ProjectedPlan.Measure measure, Map<UUID, ProjectedUnit> units, FollowUpState followUp,
            List<MeasureEvidence> evidence) {
        return new MeasureView(measure.measureId(), measure.focusAreaId(), measure.problemId(), measure.title(),
                measure.description(), measure.kind(), measure.schedule(), measure.dueDate(),
                measure.responsible().stream().map(r -> UnitView.of(r.unitId(), r.role(), units.get(r.unitId()))).toList(),
                measure.partners(), measure.causeIds(), measure.goalIds(), measure.followUpCriteria(), followUp,
                evidence.stream().map(EvidenceView::of).toList());
    }

    /** A responsible unit; name and contacts absent while followup-service has not heard of the unit. */
    public record UnitView(UUID unitId, @Nullable String name, @Nullable String abbreviation, List<String> contactEmails,
            @Nullable String managerEmail, @Nullable String role) {

        static UnitView of(UUID unitId, @Nullable String role, @Nullable ProjectedUnit unit) {
            return unit == null ? new UnitView(unitId, null, null, List.of(), null, role)
                    : new UnitView(unitId, unit.name(), unit.abbreviation(), unit.contactEmails(), unit.managerEmail(), role);
        }
    }
}
