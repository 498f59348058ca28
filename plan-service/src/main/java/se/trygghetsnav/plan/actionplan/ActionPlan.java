package se.trygghetsnav.plan.actionplan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.mongodb.core.mapping.Document;

import se.trygghetsnav.commons.aggregate.AggregateRoot;
import se.trygghetsnav.commons.aggregate.EventContext;
import se.trygghetsnav.plan.orgunit.OrgUnit;

/**
 * An åtgärdsplan under lag (2023:196): the measures an organisation has decided, for a period. One MongoDB
 * document holds the whole plan, so a change and the event announcing it are stored atomically.
 */
@Document("action_plans")
public class ActionPlan extends AggregateRoot {

    private String title;

    private PlanPeriod period;

    private PlanStatus status;

    private List<Measure> measures = new ArrayList<>();

    private Instant createdAt;

    protected ActionPlan() {
    }

    private ActionPlan(UUID id, String organisationId) {
        super(id, organisationId);
    }

    /** Starts a new plan as a draft. */
    public static ActionPlan start(String organisationId, String title, PlanPeriod period, EventContext context) {
        ActionPlan plan = new ActionPlan(context.newId(), organisationId);
        plan.title = title;
        plan.period = period;
        plan.status = PlanStatus.DRAFT;
        plan.createdAt = context.now();
        plan.raise(version -> new PlanCreated(context.newId(), plan.getId(), version, organisationId, plan.createdAt,
                title, period, plan.status));
        return plan;
    }

    /**
     * Adds a measure with its responsible units (already checked to belong to this plan's organisation).
     */
    public Measure addMeasure(String measureTitle, String description, LocalDate dueDate, List<OrgUnit> responsibleUnits,
            EventContext context) {
        Instant now = context.now();
        Measure measure = new Measure(context.newId(), measureTitle, description, dueDate,
                responsibleUnits.stream().map(OrgUnit::getId).toList(), now);
        measures.add(measure);
        raise(version -> new MeasureAdded(context.newId(), getId(), version, getOrganisationId(), now, measure.id(),
                title, measureTitle, dueDate, responsibleUnits.stream()
                        .map(unit -> new MeasureAdded.ResponsibleUnit(unit.getId(), unit.getName(),
                                unit.getAbbreviation(), unit.getContactEmails()))
                        .toList()));
        return measure;
    }

    public Optional<Measure> measure(UUID measureId) {
        return measures.stream().filter(measure -> measure.id().equals(measureId)).findFirst();
    }

    public String getTitle() {
        return title;
    }

    public PlanPeriod getPeriod() {
        return period;
    }

    public PlanStatus getStatus() {
        return status;
    }

    public List<Measure> getMeasures() {
        return List.copyOf(measures);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
