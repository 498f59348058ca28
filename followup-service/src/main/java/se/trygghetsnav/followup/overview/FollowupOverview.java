package se.trygghetsnav.followup.overview;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import se.trygghetsnav.commons.problem.ResourceNotFoundException;
import se.trygghetsnav.followup.evidence.MeasureEvidence;
import se.trygghetsnav.followup.evidence.MeasureEvidences;
import se.trygghetsnav.followup.overdue.DeadlineWatch;
import se.trygghetsnav.followup.planprojection.ProjectedPlan;
import se.trygghetsnav.followup.planprojection.ProjectedUnit;
import se.trygghetsnav.followup.planprojection.TrackedMeasure;
import se.trygghetsnav.followup.planprojection.TrackedMeasures;
import se.trygghetsnav.followup.planprojection.UnitDirectory;
import se.trygghetsnav.followup.round.LatestReports;

/** The read side of follow-up: plans and measures with where their follow-up stands. */
@Service
public class FollowupOverview {

    private final MongoOperations mongo;
    private final TrackedMeasures trackedMeasures;
    private final UnitDirectory unitDirectory;
    private final LatestReports latestReports;
    private final MeasureEvidences evidences;

    public FollowupOverview(MongoOperations mongo, TrackedMeasures trackedMeasures, UnitDirectory unitDirectory,
            LatestReports latestReports, MeasureEvidences evidences) {
        this.mongo = mongo;
        this.trackedMeasures = trackedMeasures;
        this.unitDirectory = unitDirectory;
        this.latestReports = latestReports;
        this.evidences = evidences;
    }

    /** A plan of the caller's organisation; another organisation's plan is not found. */
    public ProjectedPlan plan(UUID planId) {
        ProjectedPlan plan = mongo.findById(planId, ProjectedPlan.class);
        if (plan == null) {
            throw new ResourceNotFoundException("plan", planId);
        }
        return plan;
    }

    public PlanFollowup planFollowup(UUID planId) {
        ProjectedPlan plan = plan(planId);
        Map<UUID, ProjectedUnit> units = units(plan.getMeasures().stream()
                .flatMap(measure -> measure.responsibleUnitIds().stream()).collect(Collectors.toSet()));
        Map<UUID, List<FollowUpState.ReportSummary>> reports = reportsBySeries(plan.getSeriesId());
        List<UUID> measureIds = plan.getMeasures().stream().map(ProjectedPlan.Measure::measureId).toList();
        Map<UUID, DeadlineWatch> watches = watches(measureIds);
        Map<UUID, List<MeasureEvidence>> evidence = evidences.forMeasures(measureIds);
        List<MeasureView> measures = plan.getMeasures().stream()
                .map(measure -> MeasureView.of(measure, units, state(watches.get(measure.measureId()),
                        reports.getOrDefault(measure.measureId(), List.of())),
                        evidence.getOrDefault(measure.measureId(), List.of())))
                .toList();
        List<PlanFollowup.FocusAreaView> areas = plan.getFocusAreas().stream().map(area -> new PlanFollowup.FocusAreaView(
                area.focusAreaId(), area.name(), area.rationale(), area.indicators(),
                plan.getProblems().stream().filter(problem -> problem.focusAreaId().equals(area.focusAreaId()))
                        .map(problem -> problemView(plan, problem)).toList())).toList();
        return new PlanFollowup(plan.getId(), plan.getSeriesId(), plan.getRevision(), plan.getStatus(), plan.getTitle(),
                plan.getPeriod(), plan.getAdoption(), areas, measures);
    }

    public MeasureFollowup measureFollowup(UUID measureId) {
        TrackedMeasure tracked = trackedMeasures.find(measureId)
                .orElseThrow(() -> new ResourceNotFoundException("tracked-measure", measureId));
        Map<UUID, ProjectedUnit> units = units(tracked.measure().responsibleUnitIds());
        List<FollowUpState.ReportSummary> reports = reportsBySeries(tracked.seriesId()).getOrDefault(measureId, List.of());
        return new MeasureFollowup(tracked.planId(), tracked.seriesId(), tracked.revision(), tracked.planTitle(),
                tracked.inForce(), tracked.notInForceReason(),
                MeasureView.of(tracked.measure(), units, state(watches(List.of(measureId)).get(measureId), reports),
                        evidences.forMeasure(measureId)), reports);
    }

    private static FollowUpState state(@Nullable DeadlineWatch watch, List<FollowUpState.ReportSummary> reports) {
        boolean overdue = watch != null && watch.isOverdue();
        return new FollowUpState(overdue, overdue ? watch.getOverdueSince() : null, reports.isEmpty() ? null : reports.getFirst());
    }

    private Map<UUID, DeadlineWatch> watches(Collection<UUID> measureIds) {
        if (measureIds.isEmpty()) {
            return Map.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(measureIds)), DeadlineWatch.class).stream()
                .collect(Collectors.toMap(DeadlineWatch::getId, watch -> watch));
    }

    /** Every measure's reports in the rounds of a plan series, newest first (without their narratives). */
    private Map<UUID, List<FollowUpState.ReportSummary>> reportsBySeries(UUID seriesId) {
        Map<UUID, List<FollowUpState.ReportSummary>> byMeasure = new HashMap<>();
        for (LatestReports.ReportStamp report : latestReports.all(seriesId)) {
            byMeasure.computeIfAbsent(report.measureId(), ignored -> new ArrayList<>()).add(new FollowUpState.ReportSummary(
                    report.roundId(), report.roundName(), report.status().name(), report.revision(), report.submittedAt()));
        }
        byMeasure.values().forEach(list -> list.sort(Comparator.comparing(FollowUpState.ReportSummary::submittedAt).reversed()));
        return byMeasure;
    }

    private static PlanFollowup.ProblemView problemView(ProjectedPlan plan, ProjectedPlan.Problem problem) {
        return new PlanFollowup.ProblemView(problem.problemId(), problem.title(), problem.placeName(), problem.description(),
                plan.getCauses().stream().filter(cause -> cause.problemId().equals(problem.problemId()))
                        .map(cause -> new PlanFollowup.CauseView(cause.causeId(), cause.text())).toList(),
                plan.getGoals().stream().filter(goal -> goal.problemId().equals(problem.problemId()))
                        .map(goal -> new PlanFollowup.GoalView(goal.goalId(), goal.text(), goal.indicator(), goal.baseline(),
                                goal.targetValue(), goal.targetDate())).toList(),
                plan.getMeasures().stream().filter(measure -> measure.problemId().equals(problem.problemId()))
                        .map(ProjectedPlan.Measure::measureId).toList());
    }

    private Map<UUID, ProjectedUnit> units(Collection<UUID> unitIds) {
        return unitDirectory.units(unitIds);
    }
}
