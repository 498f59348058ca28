package se.trygghetsnav.plan.actionplan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import se.trygghetsnav.commons.aggregate.AggregateRoot;
import se.trygghetsnav.commons.aggregate.EventContext;
import se.trygghetsnav.plan.actionplan.events.CauseAdded;
import se.trygghetsnav.plan.actionplan.events.CauseChanged;
import se.trygghetsnav.plan.actionplan.events.CauseRemoved;
import se.trygghetsnav.plan.actionplan.events.FocusAreaAdded;
import se.trygghetsnav.plan.actionplan.events.FocusAreaChanged;
import se.trygghetsnav.plan.actionplan.events.FocusAreaRemoved;
import se.trygghetsnav.plan.actionplan.events.GoalAdded;
import se.trygghetsnav.plan.actionplan.events.GoalChanged;
import se.trygghetsnav.plan.actionplan.events.GoalRemoved;
import se.trygghetsnav.plan.actionplan.events.MeasureAdded;
import se.trygghetsnav.plan.actionplan.events.MeasureChanged;
import se.trygghetsnav.plan.actionplan.events.MeasureRemoved;
import se.trygghetsnav.plan.actionplan.events.MeasureState;
import se.trygghetsnav.plan.actionplan.events.PlanAdopted;
import se.trygghetsnav.plan.actionplan.events.PlanArchived;
import se.trygghetsnav.plan.actionplan.events.PlanCreated;
import se.trygghetsnav.plan.actionplan.events.PlanRevised;
import se.trygghetsnav.plan.actionplan.events.PlanUpdated;
import se.trygghetsnav.plan.actionplan.events.ProblemAdded;
import se.trygghetsnav.plan.actionplan.events.ProblemChanged;
import se.trygghetsnav.plan.actionplan.events.ProblemRemoved;
import se.trygghetsnav.plan.orgunit.OrgUnit;

/**
 * One revision of an åtgärdsplan under lag (2023:196): focus areas, their problems, and per problem the
 * causes, operational goals and measures. One MongoDB document holds the whole tree, so a change and the
 * event announcing it are stored atomically, and reading a plan is one read.
 *
 * <p>Revisions of the same plan share a {@code seriesId}; each is its own aggregate, so an adopted revision
 * never changes again and every revision stays readable. Element ids (focus areas down to measures) stay
 * the same from one revision to the next.
 *
 * <p>Every change raises one event; removing an element first announces the removal (or unlinking) of what
 * depended on it, so consumers never hold a measure whose problem is gone.
 */
// The embedded MongoDB server uses an index only when a query's keys equal the index's keys, and tenancy adds the
// owner to every query: these let reads by id ({_id, organisationId}) and guarded saves ({_id, version,
// organisationId}) look up instead of scanning every organisation's documents.
@CompoundIndex(name = "tenant_read", def = "{'_id': 1, 'organisationId': 1}", unique = true)
@CompoundIndex(name = "tenant_write", def = "{'_id': 1, 'version': 1, 'organisationId': 1}", unique = true)
@Document("action_plans")
public class ActionPlan extends AggregateRoot {

    private UUID seriesId;

    private int revision;

    private @Nullable UUID previousRevisionId;

    private @Nullable UUID copiedFromPlanId;

    private PlanHeader header;

    private PlanStatus status;

    private @Nullable AdoptionDecision adoption;

    private @Nullable Instant adoptedAt;

    private @Nullable ArchiveReason archiveReason;

    private @Nullable UUID supersededByPlanId;

    private List<FocusArea> focusAreas = new ArrayList<>();

    /**
     * The units the measures name, kept beside the tree so a reader can tell whether a rendered view of the
     * plan is still current (plan version plus these units' versions) without loading the tree.
     */
    private List<UUID> responsibleUnitIds = new ArrayList<>();

    private Instant createdAt;

    private Instant updatedAt;

    protected ActionPlan() {
    }

    private ActionPlan(UUID id, String organisationId, Instant now) {
        super(id, organisationId);
        this.createdAt = now;
        this.updatedAt = now;
        this.status = PlanStatus.DRAFT;
    }

    /** Starts a new plan, revision 1, as a draft. */
    public static ActionPlan start(String organisationId, PlanHeader header, EventContext context) {
        ActionPlan plan = new ActionPlan(context.newId(), organisationId, context.now());
        plan.seriesId = plan.getId();
        plan.revision = 1;
        plan.header = header;
        plan.raise(version -> new PlanCreated(context.newId(), plan.getId(), version, organisationId, plan.createdAt,
                plan.seriesId, plan.revision, plan.status, null, header));
        return plan;
    }

    /**
     * Drafts the next revision of this adopted plan: a new plan in the same series with the same tree and
     * element ids, announced as revised followed by every element it starts with.
     */
    public ActionPlan draftRevision(Units units, EventContext context) {
        requireStatus(PlanStatus.ADOPTED, "plan-not-adopted");
        ActionPlan next = new ActionPlan(context.newId(), getOrganisationId(), context.now());
        next.seriesId = seriesId;
        next.revision = revision + 1;
        next.previousRevisionId = getId();
        next.header = header;
        next.raise(version -> new PlanRevised(context.newId(), next.getId(), version, next.getOrganisationId(),
                next.createdAt, next.seriesId, next.revision, getId(), next.status, next.header));
        next.addTree(focusAreas, Function.identity(), units, context);
        return next;
    }

    /** Starts a new plan for another period from this one's content: a new series, with new element ids. */
    public ActionPlan copyForPeriod(PlanPeriod period, Units units, EventContext context) {
        ActionPlan copy = new ActionPlan(context.newId(), getOrganisationId(), context.now());
        copy.seriesId = copy.getId();
        copy.revision = 1;
        copy.copiedFromPlanId = getId();
        copy.header = header.forPeriod(period);
        copy.raise(version -> new PlanCreated(context.newId(), copy.getId(), version, copy.getOrganisationId(),
                copy.createdAt, copy.seriesId, copy.revision, copy.status, getId(), copy.header));
        Map<UUID, UUID> newIds = new HashMap<>();
        copy.addTree(focusAreas, id -> newIds.computeIfAbsent(id, ignored -> context.newId()), units, context);
        return copy;
    }

    private void addTree(List<FocusArea> tree, Function<UUID, UUID> idMapping, Units units, EventContext context) {
        for (FocusArea area : tree) {
            UUID areaId = idMapping.apply(area.id());
            addFocusArea(areaId, area.content(), context);
            for (Problem problem : area.problems()) {
                UUID problemId = idMapping.apply(problem.id());
                addProblem(areaId, problemId, problem.content(), context);
                problem.causes().forEach(cause -> addCause(problemId, idMapping.apply(cause.id()), cause.content(), context));
                problem.goals().forEach(goal -> addGoal(problemId, idMapping.apply(goal.id()), goal.content(), context));
                for (Measure measure : problem.measures()) {
                    MeasureContent content = measure.content().withLinks(
                            measure.content().causeIds().stream().map(idMapping).toList(),
                            measure.content().goalIds().stream().map(idMapping).toList());
                    addMeasure(problemId, idMapping.apply(measure.id()), content, units, context);
                }
            }
        }
    }

    public void updateHeader(PlanHeader newHeader, EventContext context) {
        requireDraft();
        header = newHeader;
        touched(context);
        raise(version -> new PlanUpdated(context.newId(), getId(), version, getOrganisationId(), updatedAt, newHeader));
    }

    /**
     * Adopts this draft with the board's decision. The caller has checked readiness and supersedes the
     * series' previously adopted revision.
     */
    public void adopt(AdoptionDecision decision, @Nullable UUID supersedesPlanId, EventContext context) {
        requireDraft();
        List<ReadinessViolation> violations = Readiness.of(this);
        if (!violations.isEmpty()) {
            throw new PlanNotReadyException(violations);
        }
        status = PlanStatus.ADOPTED;
        adoption = decision;
        touched(context);
        adoptedAt = updatedAt;
        raise(version -> new PlanAdopted(context.newId(), getId(), version, getOrganisationId(), updatedAt, seriesId,
                revision, decision, supersedesPlanId));
    }

    /** Sets this revision aside: a discarded draft, a withdrawn plan, or one a later revision superseded. */
    public void archive(ArchiveReason reason, @Nullable UUID supersededBy, EventContext context) {
        boolean allowed = switch (reason) {
            case DISCARDED -> status == PlanStatus.DRAFT;
            case WITHDRAWN -> status == PlanStatus.DRAFT || status == PlanStatus.ADOPTED;
            case SUPERSEDED -> status == PlanStatus.ADOPTED;
        };
        if (!allowed) {
            throw new PlanStateException("plan-cannot-be-archived", status);
        }
        status = reason == ArchiveReason.SUPERSEDED ? PlanStatus.SUPERSEDED : PlanStatus.ARCHIVED;
        archiveReason = reason;
        supersededByPlanId = supersededBy;
        touched(context);
        raise(version -> new PlanArchived(context.newId(), getId(), version, getOrganisationId(), updatedAt, reason,
                supersededBy));
    }

    // --- focus areas

    public FocusArea addFocusArea(FocusAreaContent content, EventContext context) {
        return addFocusArea(context.newId(), content, context);
    }

    private FocusArea addFocusArea(UUID id, FocusAreaContent content, EventContext context) {
        requireDraft();
        FocusArea area = new FocusArea(id, content, List.of());
        focusAreas.add(area);
        touched(context);
        raise(version -> new FocusAreaAdded(context.newId(), getId(), version, getOrganisationId(), updatedAt, id, content));
        return area;
    }

    public FocusArea changeFocusArea(UUID focusAreaId, FocusAreaContent content, EventContext context) {
        requireDraft();
        FocusArea changed = requiredFocusArea(focusAreaId).with(content);
        replaceFocusArea(changed);
        touched(context);
        raise(version -> new FocusAreaChanged(context.newId(), getId(), version, getOrganisationId(), updatedAt,
                focusAreaId, content));
        return changed;
    }

    public void removeFocusArea(UUID focusAreaId, EventContext context) {
        requireDraft();
        for (Problem problem : requiredFocusArea(focusAreaId).problems()) {
            removeProblem(problem.id(), context);
        }
        focusAreas.removeIf(area -> area.id().equals(focusAreaId));
        touched(context);
        raise(version -> new FocusAreaRemoved(context.newId(), getId(), version, getOrganisationId(), updatedAt,
                focusAreaId));
    }

    // --- problems

    public Problem addProblem(UUID focusAreaId, ProblemContent content, EventContext context) {
        return addProblem(focusAreaId, context.newId(), content, context);
    }

    private Problem addProblem(UUID focusAreaId, UUID problemId, ProblemContent content, EventContext context) {
        requireDraft();
        FocusArea area = requiredFocusArea(focusAreaId);
        Problem problem = new Problem(problemId, content, List.of(), List.of(), List.of());
        replaceFocusArea(area.withProblems(append(area.problems(), problem)));
        touched(context);
        raise(version -> new ProblemAdded(context.newId(), getId(), version, getOrganisationId(), updatedAt,
                focusAreaId, problemId, content));
        return problem;
    }

    public Problem changeProblem(UUID problemId, ProblemContent content, EventContext context) {
        requireDraft();
        Problem changed = updateProblem(problemId, problem -> problem.with(content));
        touched(context);
        raise(version -> new ProblemChanged(context.newId(), getId(), version, getOrganisationId(), updatedAt,
                focusAreaOf(problemId).id(), problemId, content));
        return changed;
    }

    public void removeProblem(UUID problemId, EventContext context) {
        requireDraft();
        Problem removed = requiredProblem(problemId);
        for (Measure measure : removed.measures()) {
            removeMeasure(measure.id(), context);
        }
        for (Cause cause : removed.causes()) {
            removeCause(cause.id(), Units.of(List.of()), context);
        }
        for (OperationalGoal goal : removed.goals()) {
            removeGoal(goal.id(), Units.of(List.of()), context);
        }
        FocusArea area = focusAreaOf(problemId);
        replaceFocusArea(area.withProblems(area.problems().stream().filter(problem -> !problem.id().equals(problemId)).toList()));
        touched(context);
        raise(version -> new ProblemRemoved(context.newId(), getId(), version, getOrganisationId(), updatedAt,
                area.id(), problemId));
    }

    // --- causes

    public Cause addCause(UUID problemId, CauseContent content, EventContext context) {
        return addCause(problemId, context.newId(), content, context);
    }

    private Cause addCause(UUID problemId, UUID causeId, CauseContent content, EventContext context) {
        requireDraft();
        Cause cause = new Cause(causeId, content);
        updateProblem(problemId, problem -> problem.withCauses(append(problem.causes(), cause)));
        touched(context);
        raise(version -> new CauseAdded(context.newId(), getId(), version, getOrganisationId(), updatedAt, problemId,
                causeId, content));
        return cause;
    }

    public Cause changeCause(UUID causeId, CauseContent content, EventContext context) {
        requireDraft();
        UUID problemId = problemOfCause(causeId).id();
        Cause cause = new Cause(causeId, content);
        updateProblem(problemId, problem -> problem.withCauses(problem.causes().stream()
                .map(existing -> existing.id().equals(causeId) ? cause : existing).toList()));
        touched(context);
        raise(version -> new CauseChanged(context.newId(), getId(), version, getOrganisationId(), updatedAt, problemId,
                causeId, content));
        return cause;
    }

    /** Removes a cause; measures that addressed it are unlinked first (so {@code units} must name theirs). */
    public void removeCause(UUID causeId, Units units, EventContext context) {
        requireDraft();
        Problem problem = problemOfCause(causeId);
        for (Measure measure : problem.measures()) {
            if (measure.content().causeIds().contains(causeId)) {
                changeMeasure(measure.id(), measure.content().withLinks(
                        without(measure.content().causeIds(), causeId), measure.content().goalIds()), units, context);
            }
        }
        updateProblem(problem.id(), current -> current.withCauses(current.causes().stream()
                .filter(cause -> !cause.id().equals(causeId)).toList()));
        touched(context);
        raise(version -> new CauseRemoved(context.newId(), getId(), version, getOrganisationId(), updatedAt,
                problem.id(), causeId));
    }

    // --- operational goals

    public OperationalGoal addGoal(UUID problemId, GoalContent content, EventContext context) {
        return addGoal(problemId, context.newId(), content, context);
    }

    private OperationalGoal addGoal(UUID problemId, UUID goalId, GoalContent content, EventContext context) {
        requireDraft();
        OperationalGoal goal = new OperationalGoal(goalId, content);
        updateProblem(problemId, problem -> problem.withGoals(append(problem.goals(), goal)));
        touched(context);
        raise(version -> new GoalAdded(context.newId(), getId(), version, getOrganisationId(), updatedAt, problemId,
                goalId, content));
        return goal;
    }

    public OperationalGoal changeGoal(UUID goalId, GoalContent content, EventContext context) {
        requireDraft();
        UUID problemId = problemOfGoal(goalId).id();
        OperationalGoal goal = new OperationalGoal(goalId, content);
        updateProblem(problemId, problem -> problem.withGoals(problem.goals().stream()
                .map(existing -> existing.id().equals(goalId) ? goal : existing).toList()));
        touched(context);
        raise(version -> new GoalChanged(context.newId(), getId(), version, getOrganisationId(), updatedAt, problemId,
                goalId, content));
        return goal;
    }

    /** Removes a goal; measures that served it are unlinked first. */
    public void removeGoal(UUID goalId, Units units, EventContext context) {
        requireDraft();
        Problem problem = problemOfGoal(goalId);
        for (Measure measure : problem.measures()) {
            if (measure.content().goalIds().contains(goalId)) {
                changeMeasure(measure.id(), measure.content().withLinks(measure.content().causeIds(),
                        without(measure.content().goalIds(), goalId)), units, context);
            }
        }
        updateProblem(problem.id(), current -> current.withGoals(current.goals().stream()
                .filter(goal -> !goal.id().equals(goalId)).toList()));
        touched(context);
        raise(version -> new GoalRemoved(context.newId(), getId(), version, getOrganisationId(), updatedAt,
                problem.id(), goalId));
    }

    // --- measures

    /**
     * Adds a measure to a problem.
     *
     * @param units the organisation's units, to check the responsible ones and to tell consumers their contacts
     */
    public Measure addMeasure(UUID problemId, MeasureContent content, Units units, EventContext context) {
        return addMeasure(problemId, context.newId(), content, units, context);
    }

    private Measure addMeasure(UUID problemId, UUID measureId, MeasureContent content, Units units,
            EventContext context) {
        requireDraft();
        Problem problem = requiredProblem(problemId);
        checkLinks(problem, content);
        Measure measure = new Measure(measureId, content);
        updateProblem(problemId, current -> current.withMeasures(append(current.measures(), measure)));
        touched(context);
        collectResponsibleUnits();
        MeasureState state = stateOf(measure, units);
        raise(version -> new MeasureAdded(context.newId(), getId(), version, getOrganisationId(), updatedAt, state));
        return measure;
    }

    public Measure changeMeasure(UUID measureId, MeasureContent content, Units units, EventContext context) {
        requireDraft();
        Problem problem = problemOfMeasure(measureId);
        checkLinks(problem, content);
        Measure measure = new Measure(measureId, content);
        updateProblem(problem.id(), current -> current.withMeasures(current.measures().stream()
                .map(existing -> existing.id().equals(measureId) ? measure : existing).toList()));
        touched(context);
        collectResponsibleUnits();
        MeasureState state = stateOf(measure, units);
        raise(version -> new MeasureChanged(context.newId(), getId(), version, getOrganisationId(), updatedAt, state));
        return measure;
    }

    public void removeMeasure(UUID measureId, EventContext context) {
        requireDraft();
        Problem problem = problemOfMeasure(measureId);
        UUID areaId = focusAreaOf(problem.id()).id();
        updateProblem(problem.id(), current -> current.withMeasures(current.measures().stream()
                .filter(measure -> !measure.id().equals(measureId)).toList()));
        touched(context);
        collectResponsibleUnits();
        raise(version -> new MeasureRemoved(context.newId(), getId(), version, getOrganisationId(), updatedAt, areaId,
                problem.id(), measureId));
    }

    /** The measure as its events carry it: located in the tree, with its units' current contacts. */
    public MeasureState stateOf(Measure measure, Units units) {
        Problem problem = problemOfMeasure(measure.id());
        MeasureContent content = measure.content();
        List<MeasureState.ResponsibleUnit> responsible = content.responsible().stream().map(responsibility -> {
            OrgUnit unit = units.require(responsibility.unitId());
            return new MeasureState.ResponsibleUnit(unit.getId(), unit.getName(), unit.getAbbreviation(),
                    unit.getContactEmails(), unit.getManagerEmail(), responsibility.role());
        }).toList();
        return new MeasureState(measure.id(), focusAreaOf(problem.id()).id(), problem.id(), header.title(),
                content.schedule() == null ? null : content.schedule().deadline(), responsible, content);
    }

    private static void checkLinks(Problem problem, MeasureContent content) {
        List<UUID> unknownCauses = content.causeIds().stream()
                .filter(id -> problem.causes().stream().noneMatch(cause -> cause.id().equals(id))).toList();
        List<UUID> unknownGoals = content.goalIds().stream()
                .filter(id -> problem.goals().stream().noneMatch(goal -> goal.id().equals(id))).toList();
        if (!unknownCauses.isEmpty() || !unknownGoals.isEmpty()) {
            throw new UnknownLinkException(problem.id(), Stream.concat(unknownCauses.stream(), unknownGoals.stream()).toList());
        }
    }

    // --- reading the tree

    public Optional<FocusArea> focusArea(UUID focusAreaId) {
        return focusAreas.stream().filter(area -> area.id().equals(focusAreaId)).findFirst();
    }

    public Optional<Problem> problem(UUID problemId) {
        return problems().filter(problem -> problem.id().equals(problemId)).findFirst();
    }

    public Optional<Cause> cause(UUID causeId) {
        return problems().flatMap(problem -> problem.causes().stream()).filter(cause -> cause.id().equals(causeId)).findFirst();
    }

    public Optional<OperationalGoal> goal(UUID goalId) {
        return problems().flatMap(problem -> problem.goals().stream()).filter(goal -> goal.id().equals(goalId)).findFirst();
    }

    public Optional<Measure> measure(UUID measureId) {
        return measures().filter(measure -> measure.id().equals(measureId)).findFirst();
    }

    public Stream<Problem> problems() {
        return focusAreas.stream().flatMap(area -> area.problems().stream());
    }

    public Stream<Measure> measures() {
        return problems().flatMap(problem -> problem.measures().stream());
    }

    public FocusArea focusAreaOf(UUID problemId) {
        return focusAreas.stream().filter(area -> area.problems().stream().anyMatch(p -> p.id().equals(problemId)))
                .findFirst().orElseThrow(() -> new PlanElementNotFoundException("problem", problemId));
    }

    public Problem problemOfMeasure(UUID measureId) {
        return problems().filter(problem -> problem.measures().stream().anyMatch(m -> m.id().equals(measureId)))
                .findFirst().orElseThrow(() -> new PlanElementNotFoundException("measure", measureId));
    }

    private Problem problemOfCause(UUID causeId) {
        return problems().filter(problem -> problem.causes().stream().anyMatch(c -> c.id().equals(causeId)))
                .findFirst().orElseThrow(() -> new PlanElementNotFoundException("cause", causeId));
    }

    private Problem problemOfGoal(UUID goalId) {
        return problems().filter(problem -> problem.goals().stream().anyMatch(g -> g.id().equals(goalId)))
                .findFirst().orElseThrow(() -> new PlanElementNotFoundException("goal", goalId));
    }

    private FocusArea requiredFocusArea(UUID focusAreaId) {
        return focusArea(focusAreaId).orElseThrow(() -> new PlanElementNotFoundException("focus-area", focusAreaId));
    }

    private Problem requiredProblem(UUID problemId) {
        return problem(problemId).orElseThrow(() -> new PlanElementNotFoundException("problem", problemId));
    }

    private Problem updateProblem(UUID problemId, UnaryOperator<Problem> change) {
        FocusArea area = focusAreaOf(problemId);
        List<Problem> problems = new ArrayList<>();
        Problem changed = null;
        for (Problem problem : area.problems()) {
            if (problem.id().equals(problemId)) {
                changed = change.apply(problem);
                problems.add(changed);
            }
            else {
                problems.add(problem);
            }
        }
        replaceFocusArea(area.withProblems(problems));
        return changed;
    }

    private void replaceFocusArea(FocusArea changed) {
        focusAreas.replaceAll(area -> area.id().equals(changed.id()) ? changed : area);
    }

    private void requireDraft() {
        requireStatus(PlanStatus.DRAFT, "plan-not-draft");
    }

    private void requireStatus(PlanStatus required, String problemKind) {
        if (status != required) {
            throw new PlanStateException(problemKind, status);
        }
    }

    private void collectResponsibleUnits() {
        responsibleUnitIds = new ArrayList<>(
                measures().flatMap(measure -> measure.content().responsibleUnitIds().stream()).distinct().toList());
    }

    private void touched(EventContext context) {
        updatedAt = context.now();
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> appended = new ArrayList<>(list);
        appended.add(element);
        return appended;
    }

    private static List<UUID> without(List<UUID> ids, UUID removed) {
        return ids.stream().filter(id -> !id.equals(removed)).toList();
    }

    // --- accessors

    public UUID getSeriesId() {
        return seriesId;
    }

    public int getRevision() {
        return revision;
    }

    public @Nullable UUID getPreviousRevisionId() {
        return previousRevisionId;
    }

    public @Nullable UUID getCopiedFromPlanId() {
        return copiedFromPlanId;
    }

    public PlanHeader getHeader() {
        return header;
    }

    public PlanStatus getStatus() {
        return status;
    }

    public @Nullable AdoptionDecision getAdoption() {
        return adoption;
    }

    public @Nullable Instant getAdoptedAt() {
        return adoptedAt;
    }

    public @Nullable ArchiveReason getArchiveReason() {
        return archiveReason;
    }

    public @Nullable UUID getSupersededByPlanId() {
        return supersededByPlanId;
    }

    public List<UUID> getResponsibleUnitIds() {
        return List.copyOf(responsibleUnitIds);
    }

    public List<FocusArea> getFocusAreas() {
        return List.copyOf(focusAreas);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
