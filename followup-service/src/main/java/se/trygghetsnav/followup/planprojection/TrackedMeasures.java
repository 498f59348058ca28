package se.trygghetsnav.followup.planprojection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link TrackedMeasure}s in step with the plans' lifecycle: adoption puts a revision's measures in
 * force, withdrawal and supersession take them out. Every write is guarded by the stamp (see
 * {@link TrackedMeasure}), so it is idempotent and never overrides a later revision; a revision's measures are
 * read and written in bulk (one round trip each), not one by one.
 */
@Component
public class TrackedMeasures {

    private static final Logger log = LoggerFactory.getLogger(TrackedMeasures.class);
    private static final int ATTEMPTS = 5;
    private static final int CHUNK = 1_000;

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
        Map<UUID, ProjectedPlan.Measure> measures = plan.getMeasures().stream()
                .collect(Collectors.toMap(ProjectedPlan.Measure::measureId, measure -> measure, (a, b) -> b, LinkedHashMap::new));
        Set<UUID> changed = new LinkedHashSet<>(write(measures.keySet(), stamp, stored -> true, id -> new Update()
                .set("organisationId", plan.getOrganisationId())
                .set("planId", plan.getId())
                .set("seriesId", plan.getSeriesId())
                .set("revision", plan.getRevision())
                .set("stamp", stamp)
                .set("planTitle", plan.getTitle())
                .set("inForce", true)
                .unset("notInForceReason")
                .set("measure", mongo.getConverter().convertToMongoType(measures.get(id))), true));
        predecessor.ifPresent(earlier -> changed.addAll(notInForce(earlier.getMeasures().stream()
                .map(ProjectedPlan.Measure::measureId).filter(id -> !measures.containsKey(id)).toList(), earlier.getId(),
                stamp, "REMOVED")));
        log.info("Plan {} revision {} adopted: {} measure(s) in force", plan.getId(), plan.getRevision(), measures.size());
        return Set.copyOf(changed);
    }

    /** Takes a withdrawn or superseded revision's measures out of force, unless a later revision holds them. */
    Set<UUID> archived(ProjectedPlan plan, long eventVersion, String reason) {
        long stamp = TrackedMeasure.stamp(plan.getRevision(), eventVersion);
        return Set.copyOf(notInForce(plan.getMeasures().stream().map(ProjectedPlan.Measure::measureId).toList(), plan.getId(),
                stamp, reason));
    }

    private Set<UUID> notInForce(Collection<UUID> measureIds, UUID planId, long stamp, String reason) {
        return write(measureIds, stamp, stored -> planId.equals(stored.get("planId", UUID.class)),
                id -> new Update().set("inForce", false).set("notInForceReason", reason).set("stamp", stamp), false);
    }

    /**
     * Writes {@code update} to each measure whose document is older than or as old as {@code stamp} and passes
     * {@code applies} (or is absent, when {@code insert}), in one bulk write per attempt. Each write is guarded by
     * the stamp read ({@code _id} and {@code stamp} exactly: a unique index the embedded server can use, where
     * a range on the stamp would scan every measure), so a concurrent write wins and the measure is decided again.
     *
     * @return the measures written (or found already written with {@code stamp})
     */
    private Set<UUID> write(Collection<UUID> measureIds, long stamp, Predicate<Document> applies,
            Function<UUID, Update> update, boolean insert) {
        Set<UUID> written = new LinkedHashSet<>();
        Set<UUID> undecided = new LinkedHashSet<>(measureIds);
        for (int attempt = 1; attempt <= ATTEMPTS && !undecided.isEmpty(); attempt++) {
            Map<UUID, Document> stored = stored(undecided);
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, TrackedMeasure.COLLECTION);
            int writes = 0;
            for (UUID id : List.copyOf(undecided)) {
                Document current = stored.get(id);
                if (current == null) {
                    if (!insert) {
                        undecided.remove(id);
                        continue;
                    }
                    Document document = new Document("_id", id);
                    update.apply(id).getUpdateObject().get("$set", Document.class).forEach(document::append);
                    bulk.insert(document);
                }
                else if (current.get("stamp", Long.class) > stamp || !applies.test(current)) {
                    // A later revision (or event) already decided, or the measure is another revision's now.
                    undecided.remove(id);
                    continue;
                }
                else {
                    bulk.updateOne(Query.query(Criteria.where("_id").is(id).and("stamp").is(current.get("stamp", Long.class))),
                            update.apply(id));
                }
                writes++;
            }
            if (writes > 0) {
                try {
                    bulk.execute();
                }
                catch (BulkOperationException someRaced) {
                    log.debug("{} tracked measure write(s) raced with another writer; deciding them again",
                            someRaced.getErrors().size());
                }
            }
            // What is now stored with this stamp was written (by us, or by an earlier delivery of the same event).
            stored(undecided).forEach((id, document) -> {
                if (document.get("stamp", Long.class) == stamp && applies.test(document)) {
                    written.add(id);
                    undecided.remove(id);
                }
            });
        }
        if (!undecided.isEmpty()) {
            throw new OptimisticLockingFailureException(undecided.size() + " tracked measure(s) kept changing while written");
        }
        return written;
    }

    /** The stored stamp and plan of each measure, read by {@code _id} alone (the index). */
    private Map<UUID, Document> stored(Collection<UUID> measureIds) {
        Map<UUID, Document> stored = new HashMap<>();
        for (List<UUID> chunk : chunks(measureIds)) {
            Query query = Query.query(Criteria.where("_id").in(chunk));
            query.fields().include("stamp").include("planId");
            mongo.find(query, Document.class, TrackedMeasure.COLLECTION)
                    .forEach(document -> stored.put(document.get("_id", UUID.class), document));
        }
        return stored;
    }

    private static List<List<UUID>> chunks(Collection<UUID> ids) {
        List<UUID> all = List.copyOf(ids);
        List<List<UUID>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }
}
