package se.trygghetsnav.followup.planprojection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.validation.Validator;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import se.trygghetsnav.commons.events.EventDispatcher;
import se.trygghetsnav.commons.events.InboundEvent;
import se.trygghetsnav.commons.idempotency.VersionedProjection;
import se.trygghetsnav.commons.tenancy.TenantOwnedCollection;
import se.trygghetsnav.commons.tenancy.TenantScope;
import se.trygghetsnav.followup.planprojection.PlanEvents.PlanEvent;

/**
 * followup-service's copy of the plans, their trees and the organisations' units, built from
 * {@code plan.events}.
 *
 * <p>Plans ({@link ProjectedPlan}): one document per plan revision. The events of a Kafka poll are applied in
 * order ({@link #applyInOrder}); each plan they touch is read once, changed in memory and written back once,
 * guarded by the plan version it was read at (a plan of 300 measures arrives as 300-odd events: reading and
 * writing it per event made catching up quadratic). Each plan event is applied once, so duplicates and replays
 * change nothing. Units ({@link ProjectedUnit}): one document per unit, versioned by the unit's own events. Adoption,
 * withdrawal and supersession also update the measures in force ({@link TrackedMeasures}) and tell the
 * {@link MeasuresInForceListener}s, before the plan version is recorded, so a crash repeats rather than loses
 * them. Everything here can be rebuilt by replaying {@code plan.events} from its first offset (README).
 */
@Component
public class PlanProjection {

    private static final Logger log = LoggerFactory.getLogger(PlanProjection.class);

    private final MongoOperations mongo;
    private final VersionedProjection units;
    private final TrackedMeasures trackedMeasures;
    private final List<MeasuresInForceListener> listeners;
    /** The batch being applied on this (consumer) thread, if any. */
    private final ThreadLocal<PlanBatch> batch = new ThreadLocal<>();
    /**
     * Units known to be projected: a measure naming one of them need not write its snapshot of the unit (which
     * would change nothing), saving a write per measure event. Units are few (hundreds per organisation).
     */
    private final Set<UUID> knownUnits = ConcurrentHashMap.newKeySet();

    public PlanProjection(MongoOperations mongo, TrackedMeasures trackedMeasures, List<MeasuresInForceListener> listeners) {
        this.mongo = mongo;
        this.units = new VersionedProjection(mongo, ProjectedUnit.COLLECTION);
        this.trackedMeasures = trackedMeasures;
        this.listeners = listeners;
    }

    /** The projection also reads and writes these as raw documents; each belongs to its organisation. */
    @Bean
    static TenantOwnedCollection planProjectionOwnership() {
        return new TenantOwnedCollection(ProjectedPlan.COLLECTION, "organisationId");
    }

    @Bean
    static TenantOwnedCollection unitProjectionOwnership() {
        return new TenantOwnedCollection(ProjectedUnit.COLLECTION, "organisationId");
    }

    /** Routes every plan event this projection uses; other types are ignored. */
    public EventDispatcher dispatcher(JsonMapper jsonMapper, Validator validator) {
        String plan = "se.trygghetsnav.plan.";
        return EventDispatcher.builder("followup-service/plan-projection", jsonMapper, validator)
                .on(plan + "plan-created.v1", PlanEvents.PlanCreated.class, (e, p) -> apply(p, projected ->
                        projected.created(p.seriesId(), p.revision(), p.copiedFromPlanId(), p.title(), period(p.period()),
                                header(p))))
                .on(plan + "plan-revised.v1", PlanEvents.PlanRevised.class, (e, p) -> apply(p, projected ->
                        projected.revised(p.seriesId(), p.revision(), p.previousRevisionId(), p.title(), period(p.period()),
                                header(p))))
                .on(plan + "plan-updated.v1", PlanEvents.PlanUpdated.class, (e, p) -> apply(p, projected ->
                        projected.headerUpdated(p.title(), period(p.period()), header(p))))
                .on(plan + "plan-adopted.v1", PlanEvents.PlanAdopted.class, this::onAdopted)
                .on(plan + "plan-archived.v1", PlanEvents.PlanArchived.class, this::onArchived)
                .on(plan + "focus-area-added.v1", PlanEvents.FocusAreaState.class, this::onFocusArea)
                .on(plan + "focus-area-changed.v1", PlanEvents.FocusAreaState.class, this::onFocusArea)
                .on(plan + "focus-area-removed.v1", PlanEvents.FocusAreaRemoved.class, (e, p) -> apply(p, projected ->
                        projected.removeFocusArea(p.focusAreaId())))
                .on(plan + "problem-added.v1", PlanEvents.ProblemState.class, this::onProblem)
                .on(plan + "problem-changed.v1", PlanEvents.ProblemState.class, this::onProblem)
                .on(plan + "problem-removed.v1", PlanEvents.ProblemRemoved.class, (e, p) -> apply(p, projected ->
                        projected.removeProblem(p.problemId())))
                .on(plan + "cause-added.v1", PlanEvents.CauseState.class, this::onCause)
                .on(plan + "cause-changed.v1", PlanEvents.CauseState.class, this::onCause)
                .on(plan + "cause-removed.v1", PlanEvents.CauseRemoved.class, (e, p) -> apply(p, projected ->
                        projected.removeCause(p.causeId())))
                .on(plan + "goal-added.v1", PlanEvents.GoalState.class, this::onGoal)
                .on(plan + "goal-changed.v1", PlanEvents.GoalState.class, this::onGoal)
                .on(plan + "goal-removed.v1", PlanEvents.GoalRemoved.class, (e, p) -> apply(p, projected ->
                        projected.removeGoal(p.goalId())))
                .on(plan + "measure-added.v1", PlanEvents.MeasureState.class, this::onMeasure)
                .on(plan + "measure-changed.v1", PlanEvents.MeasureState.class, this::onMeasure)
                .on(plan + "measure-removed.v1", PlanEvents.MeasureRemoved.class, (e, p) -> apply(p, projected ->
                        projected.removeMeasure(p.measureId())))
                .on(plan + "org-unit-registered.v1", PlanEvents.OrgUnitState.class, this::onOrgUnit)
                .on(plan + "org-unit-changed.v1", PlanEvents.OrgUnitState.class, this::onOrgUnit)
                .build();
    }

    private void onAdopted(InboundEvent event, PlanEvents.PlanAdopted adopted) {
        apply(adopted, plan -> plan.adopted(adopted.seriesId(), adopted.revision(), new ProjectedPlan.Adoption(
                adopted.decision().decidingBody(), adopted.decision().decisionDate(), adopted.decision().reference()),
                adopted.supersedesPlanId()), plan -> {
                    Optional<ProjectedPlan> predecessor = Optional.ofNullable(adopted.supersedesPlanId()).map(this::current);
                    notify(trackedMeasures.adopted(plan, adopted.aggregateVersion(), predecessor));
                });
    }

    private void onArchived(InboundEvent event, PlanEvents.PlanArchived archived) {
        apply(archived, plan -> plan.archived(archived.reason(), archived.supersededByPlanId()), plan -> {
            if (!"DISCARDED".equals(archived.reason())) {
                notify(trackedMeasures.archived(plan, archived.aggregateVersion(), archived.reason()));
            }
        });
    }

    private void onFocusArea(InboundEvent event, PlanEvents.FocusAreaState area) {
        apply(area, plan -> plan.putFocusArea(new ProjectedPlan.FocusArea(area.focusAreaId(), area.name(), area.rationale(),
                area.indicators() == null ? List.of() : area.indicators().stream()
                        .map(i -> new ProjectedPlan.Indicator(i.text(), i.dataSource(), i.higherIsBetter())).toList())));
    }

    private void onProblem(InboundEvent event, PlanEvents.ProblemState problem) {
        apply(problem, plan -> plan.putProblem(new ProjectedPlan.Problem(problem.problemId(), problem.focusAreaId(),
                problem.title(), problem.placeName(), problem.description())));
    }

    private void onCause(InboundEvent event, PlanEvents.CauseState cause) {
        apply(cause, plan -> plan.putCause(new ProjectedPlan.Cause(cause.causeId(), cause.problemId(), cause.text())));
    }

    private void onGoal(InboundEvent event, PlanEvents.GoalState goal) {
        apply(goal, plan -> plan.putGoal(new ProjectedPlan.Goal(goal.goalId(), goal.problemId(), goal.text(),
                goal.indicator(), goal.baseline(), goal.targetValue(), goal.targetDate())));
    }

    private void onMeasure(InboundEvent event, PlanEvents.MeasureState measure) {
        // Units seen for the first time are kept as the measure event describes them, until their own events say more.
        for (PlanEvents.ResponsibleUnit unit : measure.responsibleUnits()) {
            if (unit.name() != null && !knownUnits.contains(unit.unitId())) {
                units.apply(unit.unitId(), 0, unitUpdate(measure.organisationId(), unit.name(), unit.abbreviation(),
                        unit.contactEmails(), unit.managerEmail()));
                knownUnits.add(unit.unitId());
            }
        }
        List<ProjectedPlan.Responsibility> responsible = measure.responsible() != null
                ? measure.responsible().stream().map(r -> new ProjectedPlan.Responsibility(r.unitId(), r.role())).toList()
                : measure.responsibleUnits().stream().map(u -> new ProjectedPlan.Responsibility(u.unitId(), u.role())).toList();
        PlanEvents.Schedule schedule = measure.schedule();
        ProjectedPlan.Schedule projectedSchedule = schedule == null ? null : new ProjectedPlan.Schedule(schedule.type(),
                schedule.text(), schedule.dueDate(), schedule.startDate(), schedule.endDate(),
                schedule.recurrence() == null ? null : new ProjectedPlan.Recurrence(schedule.recurrence().times(),
                        schedule.recurrence().per(), schedule.recurrence().exceptMonths()));
        apply(measure, plan -> plan.putMeasure(new ProjectedPlan.Measure(measure.measureId(), measure.focusAreaId(),
                measure.problemId(), measure.title(), measure.description(), measure.kind(), projectedSchedule,
                measure.dueDate(), responsible, measure.partners(), measure.causeIds(), measure.goalIds(),
                measure.followUpCriteria(), measure.purpose(), measure.expectedResult(), measure.responsibilityNote(),
                measure.extraColumns() == null ? List.of() : measure.extraColumns().stream()
                        .map(extra -> new ProjectedPlan.ExtraColumn(extra.name(), extra.value())).toList())));
    }

    private void onOrgUnit(InboundEvent event, PlanEvents.OrgUnitState unit) {
        boolean applied = units.apply(unit.aggregateId(), unit.aggregateVersion(), unitUpdate(unit.organisationId(),
                unit.name(), unit.abbreviation(), unit.contactEmails(), unit.managerEmail()));
        knownUnits.add(unit.aggregateId());
        log.info("Unit {} v{} {}", unit.aggregateId(), unit.aggregateVersion(), applied ? "projected" : "already projected");
    }

    private static Update unitUpdate(String organisationId, String name, String abbreviation, List<String> contactEmails,
            String managerEmail) {
        return new Update().set("organisationId", organisationId)
                .set("name", name)
                .set("abbreviation", abbreviation)
                .set("contactEmails", contactEmails == null ? List.of() : contactEmails)
                .set("managerEmail", managerEmail);
    }

    private void apply(PlanEvent event, Consumer<ProjectedPlan> change) {
        apply(event, change, null);
    }

    /**
     * Applies one plan event, within {@link #applyInOrder}, to its plan unless the plan has applied that version or
     * a later one; the plan is stored at the batch's end. {@code sideEffects} run with the changed plan before it is
     * stored (at once: the plan's later events must not be stored before them), so a crash in between repeats them
     * with the redelivered event; they must be idempotent.
     */
    private void apply(PlanEvent event, Consumer<ProjectedPlan> change, @Nullable Consumer<ProjectedPlan> sideEffects) {
        PlanBatch plans = batch.get();
        if (plans == null) {
            throw new IllegalStateException("Plan events are applied a batch at a time, through applyInOrder");
        }
        WorkingPlan working = plans.get(event.aggregateId());
        if (working.appliedVersion() >= event.aggregateVersion()) {
            log.debug("Plan {} v{} already projected (at v{})", event.aggregateId(), event.aggregateVersion(),
                    working.appliedVersion());
            return;
        }
        if (working.plan == null) {
            working.plan = ProjectedPlan.first(event.aggregateId(), event.organisationId());
        }
        change.accept(working.plan);
        working.plan.appliedVersion(event.aggregateVersion());
        plans.changed(working);
        if (sideEffects != null) {
            sideEffects.accept(working.plan);
            store(working);
        }
    }

    /**
     * Applies a poll's worth of events in order, reading each plan they touch once and storing it once at the
     * end (and at an adoption or archiving, whose side effects must see the plan as it is then). Applied twice,
     * or again from any point, it changes nothing more: every plan records the last version it applied.
     *
     * @throws EventNotApplied naming the event that failed (or, when storing a plan failed, that plan's first
     *         unstored event); changes of the events before it may be unstored too, so the caller applies those
     *         again before the failed one is redelivered
     */
    public void applyInOrder(List<EventDispatcher.Prepared> events) {
        PlanBatch plans = new PlanBatch();
        batch.set(plans);
        try {
            for (int index = 0; index < events.size(); index++) {
                plans.current = index;
                try {
                    events.get(index).handle();
                }
                catch (RuntimeException ex) {
                    throw new EventNotApplied(index, ex);
                }
            }
            for (WorkingPlan working : plans.plans.values()) {
                try {
                    // Like the handlers, on behalf of no caller: the plans are any organisation's.
                    TenantScope.runAsSystem(() -> store(working));
                }
                catch (RuntimeException ex) {
                    throw new EventNotApplied(working.firstUnstoredEvent, ex);
                }
            }
        }
        finally {
            batch.remove();
        }
        log.info("Projected {} plan event(s) into {} plan(s)", events.size(), plans.plans.size());
    }

    /** The event at {@code index} of a batch, and maybe those after it, were not applied. */
    public static final class EventNotApplied extends RuntimeException {

        private final int index;

        EventNotApplied(int index, RuntimeException cause) {
            super("Plan event " + index + " of the batch was not applied: " + cause.getMessage(), cause);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    /** The plans one batch has read, each with what it has changed and not yet stored. */
    private final class PlanBatch {

        private final Map<UUID, WorkingPlan> plans = new LinkedHashMap<>();
        /** The index of the event being applied. */
        private int current;

        WorkingPlan get(UUID planId) {
            return plans.computeIfAbsent(planId, id -> {
                ProjectedPlan stored = mongo.findById(id, ProjectedPlan.class);
                return new WorkingPlan(stored, stored == null ? 0 : stored.getAppliedVersion());
            });
        }

        void changed(WorkingPlan working) {
            if (!working.changed) {
                working.changed = true;
                working.firstUnstoredEvent = current;
            }
        }
    }

    /** A plan as read (null: not projected yet) and changed since, with the version it was stored at. */
    private static final class WorkingPlan {

        @Nullable ProjectedPlan plan;
        long storedVersion;
        boolean changed;
        /** The first event of the batch whose change is not stored yet. */
        int firstUnstoredEvent;

        WorkingPlan(@Nullable ProjectedPlan plan, long storedVersion) {
            this.plan = plan;
            this.storedVersion = storedVersion;
        }

        long appliedVersion() {
            return plan == null ? 0 : plan.getAppliedVersion();
        }
    }

    /**
     * Stores a changed plan over the version it was read at ({@code _id} and {@code appliedVersion} exactly: a
     * unique index the embedded server can use); anyone else's write in between fails it, and the events are
     * applied again from the plan as then stored.
     */
    private void store(WorkingPlan working) {
        if (!working.changed) {
            return;
        }
        ProjectedPlan plan = working.plan;
        Document document = new Document();
        mongo.getConverter().write(plan, document);
        boolean stored;
        if (working.storedVersion == 0) {
            try {
                mongo.insert(document, ProjectedPlan.COLLECTION);
                stored = true;
            }
            catch (DuplicateKeyException concurrentFirst) {
                stored = false;
            }
        }
        else {
            stored = mongo.getCollection(ProjectedPlan.COLLECTION)
                    .replaceOne(new Document("_id", plan.getId()).append("appliedVersion", working.storedVersion), document)
                    .getMatchedCount() == 1;
        }
        if (!stored) {
            throw new OptimisticLockingFailureException("Plan " + plan.getId() + " was projected elsewhere meanwhile (stored at v"
                    + working.storedVersion + ", now applying up to v" + plan.getAppliedVersion() + ")");
        }
        working.storedVersion = plan.getAppliedVersion();
        working.changed = false;
        log.debug("Plan {} v{} projected", plan.getId(), plan.getAppliedVersion());
    }

    /** A plan as this thread's batch has it, possibly with changes not stored yet. */
    private @Nullable ProjectedPlan current(UUID planId) {
        return batch.get().get(planId).plan;
    }

    private void notify(Set<UUID> measureIds) {
        if (!measureIds.isEmpty()) {
            listeners.forEach(listener -> listener.measuresChanged(measureIds));
        }
    }

    private static ProjectedPlan.Header header(PlanEvents.PlanHeader header) {
        return new ProjectedPlan.Header(header.legalBasis(), header.introduction(),
                header.partnerOrganisations() == null ? List.of() : header.partnerOrganisations().stream()
                        .map(p -> new ProjectedPlan.Partner(p.name(), p.organisationId(), p.agreement())).toList(),
                header.coordinator() == null ? null : new ProjectedPlan.Contact(header.coordinator().name(),
                        header.coordinator().email(), header.coordinator().phone()),
                header.columns() == null ? List.of() : header.columns().stream()
                        .map(c -> new ProjectedPlan.Column(c.field(), c.heading())).toList());
    }

    private static ProjectedPlan.Period period(PlanEvents.Period period) {
        return new ProjectedPlan.Period(period.startYear(), period.endYear());
    }
}
