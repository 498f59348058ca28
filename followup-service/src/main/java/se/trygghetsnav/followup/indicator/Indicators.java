package se.trygghetsnav.followup.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import se.trygghetsnav.commons.aggregate.AggregateStore;
import se.trygghetsnav.commons.aggregate.EventContext;
import se.trygghetsnav.commons.problem.ApiProblem;
import se.trygghetsnav.commons.security.Caller;
import se.trygghetsnav.followup.planprojection.ProjectedPlan;
import se.trygghetsnav.followup.text.FreeTextGuard;

/** Recording indicator values and comparing them with the plan's baselines and targets. */
@Service
public class Indicators {

    private static final Logger log = LoggerFactory.getLogger(Indicators.class);
    private static final int ATTEMPTS = 5;

    private final AggregateStore<IndicatorSeries> store;
    private final MongoOperations mongo;
    private final EventContext context;
    private final FreeTextGuard freeText;

    public Indicators(AggregateStore<IndicatorSeries> store, MongoOperations mongo, EventContext context,
            FreeTextGuard freeText) {
        this.store = store;
        this.mongo = mongo;
        this.context = context;
        this.freeText = freeText;
    }

    /** What a value is recorded for: a goal, or a focus area's indicator by its position. */
    public record Target(@Nullable UUID goalId, @Nullable UUID focusAreaId, @Nullable Integer indicatorIndex) {
    }

    /** What a recorded value says. */
    public record Value(BigDecimal value, @Nullable String unit, @Nullable LocalDate date, @Nullable LocalDate periodStart,
            @Nullable LocalDate periodEnd, String source, @Nullable String note) {
    }

    /** Records a value for a goal or focus-area indicator of the plan; returns the series as compared now. */
    public IndicatorComparison record(ProjectedPlan plan, Target target, Value value, Caller caller) {
        freeText.refusePersonalIdentityNumbers(Map.of("note", value.note() == null ? "" : value.note()));
        Located located = locate(plan, target);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            IndicatorSeries series = store.findById(located.target().seriesId())
                    .orElseGet(() -> IndicatorSeries.start(located.target(), plan.getOrganisationId(), plan.getSeriesId()));
            IndicatorValue recorded = new IndicatorValue(context.newId(), value.value(), value.unit(), value.date(),
                    value.periodStart(), value.periodEnd(), value.source().strip(), value.note(), caller.subject(),
                    context.now());
            series.record(recorded, plan.getId(), context);
            try {
                store.save(series);
                log.info("Indicator {} of plan {}: value {} recorded ({})", series.getId(), plan.getId(), recorded.valueId(),
                        recorded.source());
                return located.compared(series.getValues());
            }
            catch (OptimisticLockingFailureException | DuplicateKeyException concurrent) {
                log.debug("Indicator {} changed while recording; trying again", series.getId());
            }
        }
        throw new OptimisticLockingFailureException("Indicator kept changing while recording");
    }

    /** Every goal and focus-area indicator of the plan with its values and comparison, in the plan's order. */
    public List<IndicatorComparison> compare(ProjectedPlan plan) {
        List<Located> all = new ArrayList<>();
        for (ProjectedPlan.FocusArea area : plan.getFocusAreas()) {
            for (int i = 0; i < area.indicators().size(); i++) {
                all.add(locate(plan, new Target(null, area.focusAreaId(), i)));
            }
            plan.getProblems().stream().filter(problem -> problem.focusAreaId().equals(area.focusAreaId()))
                    .flatMap(problem -> plan.getGoals().stream().filter(goal -> goal.problemId().equals(problem.problemId())))
                    .forEach(goal -> all.add(locate(plan, new Target(goal.goalId(), null, null))));
        }
        Map<UUID, IndicatorSeries> series = all.isEmpty() ? Map.of()
                : mongo.find(Query.query(Criteria.where("_id").in(all.stream().map(l -> l.target().seriesId()).toList())),
                        IndicatorSeries.class).stream().collect(Collectors.toMap(IndicatorSeries::getId, Function.identity()));
        return all.stream().map(located -> located.compared(series.containsKey(located.target().seriesId())
                ? series.get(located.target().seriesId()).getValues() : List.of())).toList();
    }

    private static Located locate(ProjectedPlan plan, Target target) {
        if (target.goalId() != null) {
            ProjectedPlan.Goal goal = plan.goal(target.goalId())
                    .orElseThrow(() -> new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-indicator", target.goalId()));
            UUID areaId = plan.getProblems().stream().filter(problem -> problem.problemId().equals(goal.problemId()))
                    .map(ProjectedPlan.Problem::focusAreaId).findFirst().orElse(null);
            ProjectedPlan.FocusArea area = areaId == null ? null : plan.focusArea(areaId).orElse(null);
            IndicatorTarget indicator = new IndicatorTarget(IndicatorTarget.Kind.GOAL, areaId, goal.goalId(),
                    goal.indicator() != null ? goal.indicator() : goal.text());
            return new Located(indicator, area == null ? "" : area.name(), null, null, null, goal.baseline(),
                    goal.targetValue(), goal.targetDate());
        }
        ProjectedPlan.FocusArea area = target.focusAreaId() == null ? null : plan.focusArea(target.focusAreaId()).orElse(null);
        if (area == null || target.indicatorIndex() == null || target.indicatorIndex() < 0
                || target.indicatorIndex() >= area.indicators().size()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-indicator",
                    target.focusAreaId() + "/" + target.indicatorIndex());
        }
        ProjectedPlan.Indicator indicator = area.indicators().get(target.indicatorIndex());
        return new Located(new IndicatorTarget(IndicatorTarget.Kind.FOCUS_AREA_INDICATOR, area.focusAreaId(), null,
                indicator.text()), area.name(), target.indicatorIndex(), indicator.dataSource(), indicator.higherIsBetter(),
                null, null, null);
    }

    private record Located(IndicatorTarget target, String focusAreaName, @Nullable Integer indicatorIndex,
            @Nullable String dataSource, @Nullable Boolean higherIsBetter, @Nullable String baseline,
            @Nullable String targetText, @Nullable LocalDate targetDate) {

        IndicatorComparison compared(List<IndicatorValue> values) {
            return IndicatorComparison.of(target, focusAreaName, indicatorIndex, dataSource, higherIsBetter, baseline,
                    targetText, targetDate, values);
        }
    }
}
