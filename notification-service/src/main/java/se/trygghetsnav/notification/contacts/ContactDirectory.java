package se.trygghetsnav.notification.contacts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import se.trygghetsnav.commons.idempotency.VersionedProjection;
import se.trygghetsnav.notification.calendar.WorkingCalendar;

/**
 * The contacts projection, from {@code plan.events}: units with their contact addresses and managers, plans with
 * their coordinator, and measures with their plan and units. Every write is versioned, so duplicate and replayed
 * events change nothing, and the whole projection can be rebuilt by replaying the topic into empty collections.
 *
 * <p>Units carry their own versions (org-unit events, keyed by the unit). A measure event also describes its
 * units as the directory had them; that fills in a unit nobody has heard of yet (at version 0) but never
 * overwrites what an org-unit event said.
 */
public class ContactDirectory {

    public static final String UNITS = "contact_units";
    public static final String PLANS = "contact_plans";
    public static final String MEASURES = "contact_measures";

    private static final Logger log = LoggerFactory.getLogger(ContactDirectory.class);

    private final MongoOperations mongo;
    private final VersionedProjection units;
    private final VersionedProjection plans;
    private final Clock clock;

    public ContactDirectory(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        this.units = new VersionedProjection(mongo, UNITS);
        this.plans = new VersionedProjection(mongo, PLANS);
    }

    public void onOrgUnit(PlanEvents.OrgUnit unit) {
        boolean applied = units.apply(unit.aggregateId(), unit.aggregateVersion(), new Update()
                .set("organisationId", unit.organisationId())
                .set("name", unit.name())
                .set("abbreviation", unit.abbreviation())
                .set("contactEmails", unit.contactEmails())
                .set("managerEmail", unit.managerEmail()));
        log.info("Unit {} v{} {}", unit.aggregateId(), unit.aggregateVersion(), applied ? "projected" : "already projected");
    }

    public void onPlanHeader(PlanEvents.PlanHeader plan) {
        Update change = new Update()
                .set("organisationId", plan.organisationId())
                .set("seriesId", plan.seriesId())
                .set("title", plan.title());
        if (plan.coordinator() != null) {
            change.set("coordinatorName", plan.coordinator().name()).set("coordinatorEmail", plan.coordinator().email());
        }
        plans.apply(plan.aggregateId(), plan.aggregateVersion(), change);
    }

    /** measure-added and measure-changed: the measure, and the units it names where not known yet. */
    public void onMeasure(MeasureState measure) {
        for (MeasureState.ResponsibleUnit unit : measure.responsibleUnits()) {
            Query unknown = Query.query(Criteria.where("_id").is(unit.unitId()).and(VersionedProjection.APPLIED_VERSION).lte(0));
            try {
                mongo.upsert(unknown, new Update()
                        .set("organisationId", measure.organisationId())
                        .set("name", unit.name())
                        .set("abbreviation", unit.abbreviation())
                        .set("contactEmails", unit.contactEmails())
                        .set("managerEmail", unit.managerEmail())
                        .set(VersionedProjection.APPLIED_VERSION, 0L), UNITS);
            }
            catch (DuplicateKeyException knownFromTheDirectory) {
                // An org-unit event has described the unit; it wins.
            }
        }
        applyToMeasure(measure.measureId(), measure.aggregateId(), measure.aggregateVersion(), new Update()
                .set("organisationId", measure.organisationId())
                .set("planTitle", measure.planTitle())
                .set("title", measure.title())
                .set("dueDate", measure.dueDate())
                .set("unitIds", measure.unitIds())
                .set("removed", false)
                .setOnInsert("firstSeen", today()));
    }

    public void onMeasureRemoved(PlanEvents.MeasureRemoved removed) {
        applyToMeasure(removed.measureId(), removed.aggregateId(), removed.aggregateVersion(), new Update()
                .set("organisationId", removed.organisationId())
                .set("removed", true)
                .setOnInsert("firstSeen", today()));
    }

    /**
     * A measure's events are keyed by its plan and versioned by the plan; a later revision of the plan is another
     * plan whose versions start again, so a version only counts against the same plan's.
     */
    private void applyToMeasure(UUID measureId, UUID planId, long planVersion, Update change) {
        Query notYetApplied = Query.query(Criteria.where("_id").is(measureId).orOperator(
                Criteria.where("planId").ne(planId),
                Criteria.where(VersionedProjection.APPLIED_VERSION).lt(planVersion)));
        change.set("planId", planId).set(VersionedProjection.APPLIED_VERSION, planVersion);
        try {
            mongo.upsert(notYetApplied, change, MEASURES);
        }
        catch (DuplicateKeyException alreadyApplied) {
            // This plan version (or a later one) is in the projection.
        }
    }

    public Optional<UnitContact> unit(UUID unitId) {
        return Optional.ofNullable(mongo.findById(unitId, UnitContact.class));
    }

    public List<UnitContact> units(Collection<UUID> unitIds) {
        List<UnitContact> found = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(unitIds)) {
            unit(id).ifPresent(found::add);
        }
        return found;
    }

    /** The units known of those asked for, with one query: a reminder burst asks for the units of hundreds at once. */
    public Map<UUID, UnitContact> unitsById(Collection<UUID> unitIds) {
        Map<UUID, UnitContact> found = new HashMap<>();
        if (!unitIds.isEmpty()) {
            mongo.find(Query.query(Criteria.where("_id").in(new LinkedHashSet<>(unitIds))), UnitContact.class)
                    .forEach(unit -> found.put(unit.unitId(), unit));
        }
        return found;
    }

    public Optional<MeasureContact> measure(UUID measureId) {
        return Optional.ofNullable(mongo.findById(measureId, MeasureContact.class));
    }

    public Optional<PlanContact> plan(UUID planId) {
        return planId == null ? Optional.empty() : Optional.ofNullable(mongo.findById(planId, PlanContact.class));
    }

    /** The coordinator of the plan, or of the plan the measure was last seen in when that plan is unknown here. */
    public Optional<PlanContact> coordinatorOf(UUID planId, UUID measureId) {
        Optional<PlanContact> plan = plan(planId).filter(found -> found.coordinatorEmail() != null);
        if (plan.isPresent() || measureId == null) {
            return plan;
        }
        return measure(measureId).flatMap(measure -> plan(measure.planId())).filter(found -> found.coordinatorEmail() != null);
    }

    /** Every contact address of the units, each once. */
    public Set<String> contactAddresses(Collection<UnitContact> units) {
        Set<String> addresses = new LinkedHashSet<>();
        units.forEach(unit -> unit.contactEmails().stream().filter(a -> a != null && !a.isBlank()).forEach(addresses::add));
        return addresses;
    }

    private LocalDate today() {
        return WorkingCalendar.dateOf(clock.instant());
    }
}
