package se.trygghetsnav.followup.planprojection;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.validation.Validator;
import org.bson.Document;
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
import se.trygghetsnav.followup.planprojection.PlanEvents.PlanEvent;

/**
 * followup-service's copy of the plans, their trees and the organisations' units, built from
 * {@code plan.events}.
 *
 * <p>Plans ({@link ProjectedPlan}): one document per plan revision, read, changed and written back guarded by
 * the plan version it was read at; each plan event is applied once, in order, so duplicates and replays change
 * nothing. Units ({@link ProjectedUnit}): one document per unit, versioned by the unit's own events. Adoption,
 * withdrawal and supersession also update the measures in force ({@link TrackedMeasures}) and tell the
 * {@link MeasuresInForceListener}s, before the plan version is recorded, so a crash repeats rather than loses
 * them. Everything here can be rebuilt by replaying {@code plan.events} from its first offset (README).
 */
@Component
public class PlanProjection {

    private static final Logger log = LoggerFactory.getLogger(PlanProjection.class);
    private static final int ATTEMPTS = 5;

    private final MongoOperations mongo;
    private final VersionedProjection units;
    private final TrackedMeasures trackedMeasures;
    private final List<MeasuresInForceListener> listeners;

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
                    Optional<ProjectedPlan> predecessor = Optional.ofNullable(adopted.supersedesPlanId())
                            .map(id -> mongo.findById(id, ProjectedPlan.class));
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
            if (unit.name() != null) {
                units.apply(unit.unitId(), 0, unitUpdate(measure.organisationId(), unit.name(), unit.abbreviation(),
                        unit.contactEmails(), unit.managerEmail()));
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
        apply(event, change, plan -> {
        });
    }

    /**
     * Applies one plan event to its plan's document unless the document has applied that version or a later
     * one. {@code sideEffects} run with the changed plan before it is stored, so a crash in between repeats them
     * with the redelivered event; they must be idempotent.
     */
    private void apply(PlanEvent event, Consumer<ProjectedPlan> change, Consumer<ProjectedPlan> sideEffects) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            ProjectedPlan plan = mongo.findById(event.aggregateId(), ProjectedPlan.class);
            boolean first = plan == null;
            long loadedVersion = first ? 0 : plan.getAppliedVersion();
            if (loadedVersion >= event.aggregateVersion()) {
                log.info("Plan {} v{} already projected (at v{})", event.aggregateId(), event.aggregateVersion(), loadedVersion);
                return;
            }
            if (first) {
                plan = ProjectedPlan.first(event.aggregateId(), event.organisationId());
            }
            change.accept(plan);
            plan.appliedVersion(event.aggregateVersion());
            sideEffects.accept(plan);
            if (store(plan, first, loadedVersion)) {
                log.info("Plan {} v{} projected", event.aggregateId(), event.aggregateVersion());
                return;
            }
        }
        throw new OptimisticLockingFailureException("Plan " + event.aggregateId() + " v" + event.aggregateVersion()
                + " kept colliding with concurrent writes");
    }

    private boolean store(ProjectedPlan plan, boolean first, long loadedVersion) {
        Document document = new Document();
        mongo.getConverter().write(plan, document);
        if (first) {
            try {
                mongo.insert(document, ProjectedPlan.COLLECTION);
                return true;
            }
            catch (DuplicateKeyException concurrentFirst) {
                return false;
            }
        }
        return mongo.getCollection(ProjectedPlan.COLLECTION)
                .replaceOne(new Document("_id", plan.getId()).append("appliedVersion", loadedVersion), document)
                .getMatchedCount() == 1;
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
