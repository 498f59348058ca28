package se.trygghetsnav.followup.planprojection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.mongodb.client.result.UpdateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link TrackedMeasure}s in step with the plans' lifecycle: adoption puts a revision's measures in
 * force, withdrawal and supersession take them out. Every write is guarded by the stamp (see
 * {@link TrackedMeasure}), so it is idempotent and never overrides a later revision.
 */
@Component
public class TrackedMeasures {

    private static final Logger log = LoggerFactory.getLogger(TrackedMeasures.class);

    private final MongoOperations mongo;

    public TrackedMeasures(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public Optional<TrackedMeasure> find(UUID measureId) {
        return Optional.ofNullable(mongo.findById(measureId, TrackedMeasure.class));
    }

    public List<TrackedMeasure> findAll(Collection<UUID> measureIds) {
        if (measureIds.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(measureIds)), TrackedMeasure.class);
    }

    /**
     * Puts an adopted revision's measures in force and takes out those of the revision it supersedes that it
     * no longer has.
     *
     * @return the measures whose tracking changed (or was confirmed by a repeat of the same event)
     */
    Set<UUID> adopted(ProjectedPlan plan, long eventVersion, Optional<ProjectedPlan> predecessor) {
        long stamp = TrackedMeasure.stamp(plan.getRevision(), eventVersion);
        List<UUID> changed = new ArrayList<>();
        for (ProjectedPlan.Measure measure : plan.getMeasures()) {
            Update update = new Update()
                    .set("organisationId", plan.getOrganisationId())
                    .set("planId", plan.getId())
                    .set("seriesId", plan.getSeriesId())
                    .set("revision", plan.getRevision())
                    .set("stamp", stamp)
                    .set("planTitle", plan.getTitle())
                    .set("inForce", true)
                    .unset("notInForceReason")
                    .set("measure", mongo.getConverter().convertToMongoType(measure));
            if (write(Query.query(Criteria.where("_id").is(measure.measureId()).and("stamp").lte(stamp)), update, true)) {
                changed.add(measure.measureId());
            }
        }
        predecessor.ifPresent(earlier -> {
            Set<UUID> kept = plan.getMeasures().stream().map(ProjectedPlan.Measure::measureId).collect(Collectors.toSet());
            earlier.getMeasures().stream().map(ProjectedPlan.Measure::measureId).filter(id -> !kept.contains(id))
                    .filter(id -> notInForce(id, earlier.getId(), stamp, "REMOVED"))
                    .forEach(changed::add);
        });
        log.info("Plan {} revision {} adopted: {} measure(s) in force", plan.getId(), plan.getRevision(),
                plan.getMeasures().size());
        return Set.copyOf(changed);
    }

    /** Takes a withdrawn or superseded revision's measures out of force, unless a later revision holds them. */
    Set<UUID> archived(ProjectedPlan plan, long eventVersion, String reason) {
        long stamp = TrackedMeasure.stamp(plan.getRevision(), eventVersion);
        return plan.getMeasures().stream().map(ProjectedPlan.Measure::measureId)
                .filter(id -> notInForce(id, plan.getId(), stamp, reason))
                .collect(Collectors.toUnmodifiableSet());
    }

    private boolean notInForce(UUID measureId, UUID planId, long stamp, String reason) {
        return write(Query.query(Criteria.where("_id").is(measureId).and("planId").is(planId).and("stamp").lte(stamp)),
                new Update().set("inForce", false).set("notInForceReason", reason).set("stamp", stamp), false);
    }

    private boolean write(Query query, Update update, boolean upsert) {
        try {
            UpdateResult result = upsert ? mongo.upsert(query, update, TrackedMeasure.class)
                    : mongo.updateFirst(query, update, TrackedMeasure.class);
            return result.getMatchedCount() > 0 || result.getUpsertedId() != null;
        }
        catch (DuplicateKeyException newerRevision) {
            // The document exists with a later stamp: a later revision (or event) already decided.
            return false;
        }
    }
}
