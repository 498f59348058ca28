package se.trygghetsnav.followup.overview;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import se.trygghetsnav.commons.problem.ResourceNotFoundException;
import se.trygghetsnav.followup.planprojection.ProjectedPlan;
import se.trygghetsnav.followup.planprojection.ProjectedUnit;
import se.trygghetsnav.followup.planprojection.TrackedMeasure;
import se.trygghetsnav.followup.planprojection.TrackedMeasures;

/** The read side of follow-up: plans and measures with where their follow-up stands. */
@Service
public class FollowupOverview {

    private final MongoOperations mongo;
    private final TrackedMeasures trackedMeasures;

    public FollowupOverview(MongoOperations mongo, TrackedMeasures trackedMeasures) {
        this.mongo = mongo;
        this.trackedMeasures = trackedMeasures;
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
        List<MeasureView> measures = plan.getMeasures().stream()
                .map(measure -> MeasureView.of(measure, units, FollowUpState.NOTHING_YET)).toList();
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
        return new MeasureFollowup(tracked.planId(), tracked.seriesId(), tracked.revision(), tracked.planTitle(),
                tracked.inForce(), tracked.notInForceReason(),
                MeasureView.of(tracked.measure(), units, FollowUpState.NOTHING_YET), List.of());
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

    /** The units by id, as the directory has them now. */
    public Map<UUID, ProjectedUnit> units(Collection<UUID> unitIds) {
        if (unitIds.isEmpty()) {
            return Map.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(unitIds)), ProjectedUnit.class).stream()
                .collect(Collectors.toMap(ProjectedUnit::id, Function.identity()));
    }
}
