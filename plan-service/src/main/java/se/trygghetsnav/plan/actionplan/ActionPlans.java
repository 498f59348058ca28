package se.trygghetsnav.plan.actionplan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

import se.trygghetsnav.commons.aggregate.AggregateStore;
import se.trygghetsnav.commons.aggregate.EventContext;
import se.trygghetsnav.commons.problem.ResourceNotFoundException;
import se.trygghetsnav.commons.web.ETags;
import se.trygghetsnav.plan.actionplan.persistence.ActionPlanRepository;
import se.trygghetsnav.plan.orgunit.OrgUnit;
import se.trygghetsnav.plan.orgunit.OrgUnitDirectory;

/** The use cases of action plans. */
@Service
public class ActionPlans {

    private static final Logger log = LoggerFactory.getLogger(ActionPlans.class);

    private final AggregateStore<ActionPlan> store;
    private final ActionPlanRepository plans;
    private final OrgUnitDirectory units;
    private final EventContext context;

    public ActionPlans(AggregateStore<ActionPlan> store, ActionPlanRepository plans, OrgUnitDirectory units,
            EventContext context) {
        this.store = store;
        this.plans = plans;
        this.units = units;
        this.context = context;
    }

    public ActionPlan start(String organisationId, String title, PlanPeriod period) {
        ActionPlan plan = store.save(ActionPlan.start(organisationId, title, period, context));
        log.info("Plan {} started for organisation {}", plan.getId(), organisationId);
        return plan;
    }

    /** A plan of the caller's organisation; another organisation's plan is not found. */
    public ActionPlan get(UUID planId) {
        return plans.findById(planId).orElseThrow(() -> new ResourceNotFoundException("plan", planId));
    }

    public Page<ActionPlan> list(Pageable pageable) {
        return plans.findAllBy(pageable);
    }

    /**
     * Adds a measure to a plan.
     *
     * @param ifMatch the plan's ETag as the caller read it, or null to add regardless of other changes
     */
    public Added addMeasure(UUID planId, @Nullable String ifMatch, String title, String description, LocalDate dueDate,
            List<UUID> responsibleUnitIds) {
        ActionPlan plan = get(planId);
        ETags.checkIfPresent(ifMatch, plan.getVersion());
        List<OrgUnit> responsible = units.resolve(responsibleUnitIds);
        Measure measure = plan.addMeasure(title, description, dueDate, responsible, context);
        store.save(plan);
        log.info("Measure {} added to plan {} (version {})", measure.id(), planId, plan.getVersion());
        return new Added(plan, measure);
    }

    /** The plan after the change, and the measure added. */
    public record Added(ActionPlan plan, Measure measure) {
    }
}
