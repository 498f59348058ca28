package se.trygghetsnav.est.week;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import se.trygghetsnav.commons.aggregate.AggregateStore;
import se.trygghetsnav.commons.tenancy.TenantScope;

/**
 * Reads week reports whole: the week document under tenancy, then the entry buckets it lists by {@code _id}.
 *
 * <p>Buckets are read in the system's tenant scope, by the ids the week document names: whoever could read
 * the week document may read its entries, and a lookup by {@code _id} alone is what the embedded MongoDB
 * answers from its index.
 */
@Component
public class WeekDocuments {

    private final AggregateStore<WeekReport> store;
    private final MongoTemplate mongo;

    public WeekDocuments(AggregateStore<WeekReport> store, MongoTemplate mongo) {
        this.store = store;
        this.mongo = mongo;
    }

    /** A week with all its entries; empty when it does not exist or belongs to no organisation of the caller. */
    public Optional<WeekReport> load(UUID weekReportId) {
        Optional<WeekReport> report = store.findById(weekReportId);
        report.ifPresent(found -> {
            if (!found.getSealedBuckets().isEmpty()) {
                found.attachSealed(sealedEntries(found.getSealedBuckets()));
            }
        });
        return report;
    }

    /** The entries of these buckets, in the buckets' order. */
    List<Entry> sealedEntries(List<UUID> bucketIds) {
        List<EntryBucket> buckets = TenantScope.callAsSystem(() -> mongo.find(
                Query.query(Criteria.where("_id").in(bucketIds)), EntryBucket.class));
        Map<UUID, EntryBucket> byId = new HashMap<>();
        buckets.forEach(bucket -> byId.put(bucket.id(), bucket));
        List<Entry> entries = new ArrayList<>();
        for (UUID id : bucketIds) {
            EntryBucket bucket = byId.get(id);
            if (bucket == null) {
                throw new IllegalStateException("Entry bucket " + id + " is missing");
            }
            entries.addAll(bucket.entries());
        }
        return entries;
    }

    /**
     * The raw entries of buckets with only the fields asked for, by bucket id (the compiled week's history reads
     * just category and place).
     */
    public Map<UUID, List<Document>> sealedEntryFields(Collection<UUID> bucketIds, String... fields) {
        if (bucketIds.isEmpty()) {
            return Map.of();
        }
        Query query = Query.query(Criteria.where("_id").in(bucketIds));
        for (String field : fields) {
            query.fields().include("entries." + field);
        }
        List<Document> buckets = TenantScope.callAsSystem(() -> mongo.find(query, Document.class,
                mongo.getCollectionName(EntryBucket.class)));
        Map<UUID, List<Document>> byId = new HashMap<>();
        buckets.forEach(bucket -> byId.put((UUID) bucket.get("_id"), bucket.getList("entries", Document.class, List.of())));
        return byId;
    }
}
