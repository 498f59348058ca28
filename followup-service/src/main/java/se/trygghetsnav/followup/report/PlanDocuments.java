package se.trygghetsnav.followup.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.followup.planprojection.ProjectedPlan;
import se.trygghetsnav.followup.planprojection.ProjectedUnit;
import se.trygghetsnav.plandocument.ColumnField;
import se.trygghetsnav.plandocument.MeasureKind;
import se.trygghetsnav.plandocument.PlanDocument;
import se.trygghetsnav.plandocument.RecurrenceUnit;
import se.trygghetsnav.plandocument.ScheduleType;

/**
 * A projected plan revision as the portable {@link PlanDocument}, in the shape plan-service's export gives it:
 * element ids are the elements' UUIDs as strings, responsible units are named by abbreviation (or name) and
 * listed once, and a plan that never named its columns gets the same default columns plan-service exports.
 */
public final class PlanDocuments {

    /** plan-service's default columns (PlanDocuments.DEFAULT_COLUMNS there) for a plan that never named its own. */
    static final List<PlanDocument.Column> DEFAULT_COLUMNS = List.of(
            new PlanDocument.Column(ColumnField.PROBLEM, "Problemområde"), new PlanDocument.Column(ColumnField.CAUSE, "Orsak"),
            new PlanDocument.Column(ColumnField.GOAL, "Operativt mål"), new PlanDocument.Column(ColumnField.MEASURE, "Åtgärd"),
            new PlanDocument.Column(ColumnField.SCHEDULE, "När"), new PlanDocument.Column(ColumnField.RESPONSIBLE, "Ansvarig"));

    private PlanDocuments() {
    }

    /**
     * @param units the plan's responsible units as the unit projection has them; a unit it does not know is named
     *        by its id
     */
    public static PlanDocument of(ProjectedPlan plan, Map<UUID, ProjectedUnit> units) {
        ProjectedPlan.Header header = plan.getHeader();
        Map<UUID, PlanDocument.Unit> referenced = new LinkedHashMap<>();
        for (ProjectedPlan.Measure measure : plan.getMeasures()) {
            for (UUID unitId : measure.responsibleUnitIds()) {
                ProjectedUnit unit = units.get(unitId);
                referenced.putIfAbsent(unitId, unit == null ? new PlanDocument.Unit(unitId.toString(), null, List.of(), null)
                        : new PlanDocument.Unit(unit.name(), unit.abbreviation(), unit.contactEmails(), unit.managerEmail()));
            }
        }
        List<PlanDocument.FocusArea> areas = new ArrayList<>();
        for (ProjectedPlan.FocusArea area : plan.getFocusAreas()) {
            areas.add(new PlanDocument.FocusArea(area.focusAreaId().toString(), area.name(), area.rationale(),
                    area.indicators().stream().map(i -> new PlanDocument.Indicator(i.text(), i.dataSource(),
                            i.higherIsBetter())).toList(),
                    plan.getProblems().stream().filter(problem -> problem.focusAreaId().equals(area.focusAreaId()))
                            .map(problem -> problem(plan, problem, referenced)).toList()));
        }
        ProjectedPlan.Period period = plan.getPeriod();
        return new PlanDocument(PlanDocument.FORMAT, plan.getTitle() == null ? "" : plan.getTitle(),
                period == null ? null : new PlanDocument.Period(period.startYear(), period.endYear()), header.legalBasis(),
                header.introduction(), header.partnerOrganisations().stream()
                        .map(p -> new PlanDocument.Partner(p.name(), p.organisationId(), p.agreement())).toList(),
                header.coordinator() == null ? null : new PlanDocument.Contact(header.coordinator().name(),
                        header.coordinator().email(), header.coordinator().phone()),
                header.columns().isEmpty() ? DEFAULT_COLUMNS : header.columns().stream()
                        .map(c -> new PlanDocument.Column(ColumnField.valueOf(c.field()), c.heading())).toList(),
                List.copyOf(referenced.values()), areas);
    }

    private static PlanDocument.Problem problem(ProjectedPlan plan, ProjectedPlan.Problem problem,
            Map<UUID, PlanDocument.Unit> units) {
        UUID id = problem.problemId();
        return new PlanDocument.Problem(id.toString(), problem.title(), problem.placeName(), problem.description(),
                plan.getCauses().stream().filter(c -> c.problemId().equals(id))
                        .map(c -> new PlanDocument.Cause(c.causeId().toString(), c.text())).toList(),
                plan.getGoals().stream().filter(g -> g.problemId().equals(id))
                        .map(g -> new PlanDocument.Goal(g.goalId().toString(), g.text(), g.indicator(), g.baseline(),
                                g.targetValue(), g.targetDate())).toList(),
                plan.getMeasures().stream().filter(m -> m.problemId().equals(id)).map(m -> measure(m, units)).toList());
    }

    private static PlanDocument.Measure measure(ProjectedPlan.Measure measure, Map<UUID, PlanDocument.Unit> units) {
        return new PlanDocument.Measure(measure.measureId().toString(), measure.title(), measure.description(),
                measure.purpose(), measure.expectedResult(),
                measure.kind() == null ? null : MeasureKind.valueOf(measure.kind()), schedule(measure.schedule()),
                measure.responsible().stream().map(r -> new PlanDocument.Responsible(key(units.get(r.unitId())), r.role()))
                        .toList(),
                measure.responsibilityNote(), measure.partners(), measure.causeIds().stream().map(UUID::toString).toList(),
                measure.goalIds().stream().map(UUID::toString).toList(), measure.followUpCriteria(),
                measure.extraColumns().stream().map(e -> new PlanDocument.ExtraColumn(e.name(), e.value())).toList());
    }

    private static PlanDocument.@Nullable Schedule schedule(ProjectedPlan.@Nullable Schedule schedule) {
        if (schedule == null) {
            return null;
        }
        ProjectedPlan.Recurrence recurrence = schedule.recurrence();
        return new PlanDocument.Schedule(ScheduleType.valueOf(schedule.type()), schedule.text(), schedule.dueDate(),
                schedule.startDate(), schedule.endDate(), recurrence == null ? null
                        : new PlanDocument.Recurrence(recurrence.times(), RecurrenceUnit.valueOf(recurrence.per()),
                                recurrence.exceptMonths()));
    }

    /** How a document names a unit: its abbreviation, or its name when it has none (as plan-service does). */
    private static String key(PlanDocument.Unit unit) {
        return unit.abbreviation() == null || unit.abbreviation().isBlank() ? unit.name() : unit.abbreviation();
    }
}
