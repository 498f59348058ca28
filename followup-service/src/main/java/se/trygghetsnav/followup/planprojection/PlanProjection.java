package se.trygghetsnav.followup.planprojection;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Validator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import se.trygghetsnav.commons.events.EventDispatcher;
import se.trygghetsnav.commons.events.InboundEvent;
import se.trygghetsnav.commons.idempotency.VersionedProjection;
import se.trygghetsnav.commons.tenancy.TenantOwnedCollection;

/**
 * followup-service's own copy of the plans and their measures, built from {@code plan.events}: one document
 * per plan, each plan version applied once, so duplicates and replays of the topic change nothing and the
 * whole projection can be rebuilt by replaying the topic from the start.
 */
@Component
public class PlanProjection {

    public static final String COLLECTION = "plan_projection";

    /** The projection is written as raw documents; each belongs to the plan's organisation. */
    @Bean
    static TenantOwnedCollection planProjectionOwnership() {
        return new TenantOwnedCollection(COLLECTION, "organisationId");
    }

    private static final Logger log = LoggerFactory.getLogger(PlanProjection.class);

    private final VersionedProjection plans;

    public PlanProjection(MongoTemplate mongo) {
        this.plans = new VersionedProjection(mongo, COLLECTION);
    }

    /** Routes the plan events this projection uses; the others are ignored. */
    public EventDispatcher dispatcher(JsonMapper jsonMapper, Validator validator) {
        return EventDispatcher.builder("followup-service/plan-projection", jsonMapper, validator)
                .on("se.trygghetsnav.plan.plan-created.v1", PlanEvents.PlanCreated.class, this::onPlanCreated)
                .on("se.trygghetsnav.plan.measure-added.v1", PlanEvents.MeasureAdded.class, this::onMeasureAdded)
                .build();
    }

    void onPlanCreated(InboundEvent event, PlanEvents.PlanCreated plan) {
        boolean applied = plans.apply(plan.aggregateId(), plan.aggregateVersion(), new Update()
                .set("organisationId", plan.organisationId())
                .set("title", plan.title()));
        log.info("Plan {} v{} {}", plan.aggregateId(), plan.aggregateVersion(), applied ? "projected" : "already projected");
    }

    void onMeasureAdded(InboundEvent event, PlanEvents.MeasureAdded measure) {
        boolean applied = plans.apply(measure.aggregateId(), measure.aggregateVersion(), new Update()
                .set("organisationId", measure.organisationId())
                .push("measures", new ProjectedMeasure(measure.measureId(), measure.title(), measure.dueDate(),
                        measure.responsibleUnits().stream().map(PlanEvents.Unit::unitId).toList())));
        log.info("Measure {} of plan {} v{} {}", measure.measureId(), measure.aggregateId(), measure.aggregateVersion(),
                applied ? "projected" : "already projected");
    }

    /** A measure as followup-service keeps it. */
    public record ProjectedMeasure(UUID measureId, String title, LocalDate dueDate, List<UUID> responsibleUnitIds) {
    }
}
