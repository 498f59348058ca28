package se.trygghetsnav.plan.actionplan;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import se.trygghetsnav.commons.aggregate.AggregateStore;
import se.trygghetsnav.commons.aggregate.EventContext;
import se.trygghetsnav.commons.problem.ResourceNotFoundException;
import se.trygghetsnav.commons.web.ETags;
import se.trygghetsnav.plan.actionplan.persistence.ActionPlanRepository;
import se.trygghetsnav.plan.orgunit.OrgUnitDirectory;
import se.trygghetsnav.plan.orgunit.persistence.OrgUnitRepository;

/**
 * The use cases of action plans: the plan tree, its lifecycle and queries. Every change reads the plan of
 * the caller's organisation, checks the caller's {@code If-Match} when given, changes the aggregate and
 * stores it with its events (a concurrent change in between is refused by the store's version guard).
 */
@Service
public class ActionPlans {

    private static final Logger log = LoggerFactory.getLogger(ActionPlans.class);

    private final AggregateStore<ActionPlan> store;
    private final ActionPlanRepository plans;
    private final MongoOperations mongo;
    private final OrgUnitDirectory directory;
    private final OrgUnitRepository unitRepository;
    private final EventContext context;

    public ActionPlans(AggregateStore<ActionPlan> store, ActionPlanRepository plans, MongoOperations mongo,
            OrgUnitDirectory directory, OrgUnitRepository unitRepository, EventContext context) {
        this.store = store;
        this.plans = plans;
        this.mongo = mongo;
        this.directory = directory;
        this.unitRepository = unitRepository;
        this.context = context;
    }

    public ActionPlan start(String organisationId, PlanHeader header) {
        ActionPlan plan = store.save(ActionPlan.start(organisationId, header, context));
        log.info("Plan {} started for organisation {}", plan.getId(), organisationId);
        return plan;
    }

    /** Stores a plan built elsewhere (an import) with all its events. */
    public ActionPlan store(ActionPlan plan) {
        return store.save(plan);
    }

    /** A plan of the caller's organisation; another organisation's plan is not found. */
    public ActionPlan get(UUID planId) {
        return plans.findById(planId).orElseThrow(() -> new ResourceNotFoundException("plan", planId));
    }

    /**
     * The caller's organisation's plans, filtered.
     *
     * @param statuses empty for drafts and adopted plans (the ones in play)
     * @param year only plans whose period covers this year
     */
    public Page<ActionPlan> list(Collection<PlanStatus> statuses, @Nullable Integer year, Pageable pageable) {
        Criteria criteria = Criteria.where("status")
                .in(statuses.isEmpty() ? List.of(PlanStatus.DRAFT, PlanStatus.ADOPTED) : statuses);
        if (year != null) {
            criteria = criteria.and("header.period.startYear").lte(year).and("header.period.endYear").gte(year);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, ActionPlan.class);
        List<ActionPlan> page = mongo.find(query.with(pageable), ActionPlan.class);
        return new PageImpl<>(page, pageable, total);
    }

    /** Every revision of the plan's series, oldest first. */
    public List<ActionPlan> revisions(UUID planId) {
        ActionPlan plan = get(planId);
        return mongo.find(Query.query(Criteria.where("seriesId").is(plan.getSeriesId()))
                .with(Sort.by("revision")), ActionPlan.class);
    }

    /** The measures of the caller's organisation's plans in play (drafts and adopted), with where they sit. */
    public Stream<PlanMeasure> measuresInPlay() {
        return mongo.stream(Query.query(Criteria.where("status").in(PlanStatus.DRAFT, PlanStatus.ADOPTED))
                .with(Sort.by("createdAt")), ActionPlan.class).flatMap(ActionPlans::located);
    }

    /** The measures of one plan revision, whatever its status. */
    public Stream<PlanMeasure> measuresOf(UUID planId) {
        return located(get(planId));
    }

    private static Stream<PlanMeasure> located(ActionPlan plan) {
        return plan.problems().flatMap(problem -> problem.measures().stream()
                .map(measure -> new PlanMeasure(plan, plan.focusAreaOf(problem.id()), problem, measure)));
    }

    /** A measure with the plan, focus area and problem it belongs to. */
    public record PlanMeasure(ActionPlan plan, FocusArea focusArea, Problem problem, Measure measure) {
    }

    // --- the plan itself

    public ActionPlan updateHeader(UUID planId, @Nullable String ifMatch, PlanHeader header) {
        return change(planId, ifMatch, plan -> {
            plan.updateHeader(header, context);
            return plan;
        }).plan();
    }

    /**
     * Adopts a draft revision and supersedes the series' earlier adopted revisions, which stay readable.
     * Refused while the readiness check finds violations.
     */
    public ActionPlan adopt(UUID planId, @Nullable String ifMatch, AdoptionDecision decision) {
        ActionPlan plan = get(planId);
        ETags.checkIfPresent(ifMatch, plan.getVersion());
        List<ActionPlan> inForce = inForce(plan.getSeriesId());
        plan.adopt(decision, inForce.stream().map(ActionPlan::getId).findFirst().orElse(null), context);
        store.save(plan);
        // Two aggregates, two writes (no transactions on the embedded server): a crash here leaves the earlier
        // revision adopted too, until the next adoption in the series supersedes every adopted one it finds.
        for (ActionPlan earlier : inForce) {
            earlier.archive(ArchiveReason.SUPERSEDED, plan.getId(), context);
            store.save(earlier);
        }
        log.info("Plan {} revision {} adopted by {} on {}", planId, plan.getRevision(), decision.decidingBody(),
                decision.decisionDate());
        return plan;
    }

    private List<ActionPlan> inForce(UUID seriesId) {
        return mongo.find(Query.query(Criteria.where("seriesId").is(seriesId).and("status").is(PlanStatus.ADOPTED)),
                ActionPlan.class);
    }

    /** Drafts the next revision of an adopted plan; one draft per series at a time. */
    public ActionPlan draftRevision(UUID planId) {
        ActionPlan adopted = get(planId);
        boolean draftExists = mongo.exists(Query.query(Criteria.where("seriesId").is(adopted.getSeriesId())
                .and("status").is(PlanStatus.DRAFT)), ActionPlan.class);
        if (draftExists) {
            throw new PlanStateException("revision-draft-exists", PlanStatus.DRAFT);
        }
        ActionPlan next = store.save(adopted.draftRevision(unitsOf(adopted), context));
        log.info("Plan {} revision {} drafted from {}", next.getId(), next.getRevision(), planId);
        return next;
    }

    public ActionPlan copyForPeriod(UUID planId, PlanPeriod period) {
        ActionPlan source = get(planId);
        ActionPlan copy = store.save(source.copyForPeriod(period, unitsOf(source), context));
        log.info("Plan {} copied to {} for {}–{}", planId, copy.getId(), period.startYear(), period.endYear());
        return copy;
    }

    public ActionPlan archive(UUID planId, @Nullable String ifMatch, ArchiveReason reason) {
        return change(planId, ifMatch, plan -> {
            plan.archive(reason, null, context);
            return plan;
        }).plan();
    }

    // --- the tree

    public Changed<FocusArea> addFocusArea(UUID planId, @Nullable String ifMatch, FocusAreaContent content) {
        return change(planId, ifMatch, plan -> plan.addFocusArea(content, context));
    }

    public Changed<FocusArea> changeFocusArea(UUID planId, @Nullable String ifMatch, UUID focusAreaId,
            FocusAreaContent content) {
        return change(planId, ifMatch, plan -> plan.changeFocusArea(focusAreaId, content, context));
    }

    public ActionPlan removeFocusArea(UUID planId, @Nullable String ifMatch, UUID focusAreaId) {
        return change(planId, ifMatch, plan -> {
            plan.removeFocusArea(focusAreaId, context);
            return plan;
        }).plan();
    }

    public Changed<Problem> addProblem(UUID planId, @Nullable String ifMatch, UUID focusAreaId, ProblemContent content) {
        return change(planId, ifMatch, plan -> plan.addProblem(focusAreaId, content, context));
    }

    public Changed<Problem> changeProblem(UUID planId, @Nullable String ifMatch, UUID problemId, ProblemContent content) {
        return change(planId, ifMatch, plan -> plan.changeProblem(problemId, content, context));
    }

    public ActionPlan removeProblem(UUID planId, @Nullable String ifMatch, UUID problemId) {
        return change(planId, ifMatch, plan -> {
            plan.removeProblem(problemId, context);
            return plan;
        }).plan();
    }

    public Changed<Cause> addCause(UUID planId, @Nullable String ifMatch, UUID problemId, CauseContent content) {
        return change(planId, ifMatch, plan -> plan.addCause(problemId, content, context));
    }

    public Changed<Cause> changeCause(UUID planId, @Nullable String ifMatch, UUID causeId, CauseContent content) {
        return change(planId, ifMatch, plan -> plan.changeCause(causeId, content, context));
    }

    public ActionPlan removeCause(UUID planId, @Nullable String ifMatch, UUID causeId) {
        return change(planId, ifMatch, plan -> {
            plan.removeCause(causeId, unitsOf(plan), context);
            return plan;
        }).plan();
    }

    public Changed<OperationalGoal> addGoal(UUID planId, @Nullable String ifMatch, UUID problemId, GoalContent content) {
        return change(planId, ifMatch, plan -> plan.addGoal(problemId, content, context));
    }

    public Changed<OperationalGoal> changeGoal(UUID planId, @Nullable String ifMatch, UUID goalId, GoalContent content) {
        return change(planId, ifMatch, plan -> plan.changeGoal(goalId, content, context));
    }

    public ActionPlan removeGoal(UUID planId, @Nullable String ifMatch, UUID goalId) {
        return change(planId, ifMatch, plan -> {
            plan.removeGoal(goalId, unitsOf(plan), context);
            return plan;
        }).plan();
    }

    /** Adds a measure; its responsible units must be in the caller's organisation's directory (else 422). */
    public Changed<Measure> addMeasure(UUID planId, @Nullable String ifMatch, UUID problemId, MeasureContent content) {
        return change(planId, ifMatch, plan -> plan.addMeasure(problemId, content, resolve(content), context));
    }

    public Changed<Measure> changeMeasure(UUID planId, @Nullable String ifMatch, UUID measureId, MeasureContent content) {
        return change(planId, ifMatch, plan -> plan.changeMeasure(measureId, content, resolve(content), context));
    }

    public ActionPlan removeMeasure(UUID planId, @Nullable String ifMatch, UUID measureId) {
        return change(planId, ifMatch, plan -> {
            plan.removeMeasure(measureId, context);
            return plan;
        }).plan();
    }

    /** The units a measure names; 422 when one is not in the caller's directory. */
    private Units resolve(MeasureContent content) {
        return Units.of(directory.resolve(content.responsibleUnitIds()));
    }

    /** The units the plan's measures name, as the directory has them now. */
    public Units unitsOf(ActionPlan plan) {
        return Units.of(unitRepository.findByIdIn(
                plan.measures().flatMap(measure -> measure.content().responsibleUnitIds().stream()).distinct().toList()));
    }

    private <R> Changed<R> change(UUID planId, @Nullable String ifMatch, Function<ActionPlan, R> change) {
        ActionPlan plan = get(planId);
        ETags.checkIfPresent(ifMatch, plan.getVersion());
        R result = change.apply(plan);
        store.save(plan);
        return new Changed<>(plan, result);
    }

    /** The plan after a change, and what the change made. */
    public record Changed<R>(ActionPlan plan, R result) {
    }
}
