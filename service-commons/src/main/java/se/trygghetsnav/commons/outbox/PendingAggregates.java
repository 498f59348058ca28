package se.trygghetsnav.commons.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The outbox's work list: which aggregates have pending events ({@code outbox_pending}, one small document per
 * aggregate), so that the relay reads those aggregates by id instead of searching every aggregate collection for
 * pending events. That search is a full scan where no index on the pending events exists, which is always the case
 * on the embedded MongoDB server (it builds no non-unique index); it made every relay pass cost as much as the
 * collection is large, and a burst of new aggregates cost the square of their number.
 *
 * <p>A writer marks the aggregate <em>after</em> its write (which stores the events), and every mark raises the
 * marker's {@code stamp}. The relay removes a marker only with the stamp it read before reading the aggregate, and
 * only once everything it read was published and removed: events written while it worked came with a mark that
 * either raised the stamp (the removal misses, the marker stays) or came after the removal (the marker is back).
 * The one gap, a process dying between the write and the mark, is closed by the relay's sweep, which still searches
 * the collections, but at a long interval ({@link OutboxProperties#sweepInterval()}).
 */
public class PendingAggregates {

    private static final Logger log = LoggerFactory.getLogger(PendingAggregates.class);

    public static final String COLLECTION = "outbox_pending";
    /** What the relay assumes of an aggregate the sweep found: as many events as a plan import brings. */
    static final int UNKNOWN_EVENTS = 500;

    private final MongoOperations mongo;
    private volatile boolean indexed;

    public PendingAggregates(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * An aggregate with pending events, as last marked.
     *
     * @param events about how many events wait: those marked since the marker was made (some may be published
     *        already), or {@value #UNKNOWN_EVENTS} for what the sweep found
     */
    public record Marker(String id, String collection, Object aggregateId, long stamp, int events) {
    }

    static String keyOf(String collection, Object aggregateId) {
        return collection + "/" + aggregateId;
    }

    /**
     * Marks aggregates of {@code collection} that were just stored with new pending events.
     *
     * @param newEvents how many events each aggregate got (by id): the relay reads few aggregates per reply where
     *        many events wait, many where few do
     */
    public void mark(String collection, Map<?, Integer> newEvents) {
        try {
            write(collection, newEvents);
        }
        catch (RuntimeException failed) {
            // The events are stored already and the caller's write succeeded: failing it now would have it retried.
            // The relay's sweep finds them instead, within its interval.
            log.warn("Could not mark {} aggregates of {} for the outbox relay; its sweep will find them: {}",
                    newEvents.size(), collection, failed.toString());
        }
    }

    private void write(String collection, Map<?, Integer> newEvents) {
        if (newEvents.size() == 1) {
            Map.Entry<?, Integer> only = newEvents.entrySet().iterator().next();
            mongo.upsert(byKey(collection, only.getKey()), markUpdate(collection, only.getKey(), only.getValue()),
                    COLLECTION);
            return;
        }
        if (!newEvents.isEmpty()) {
            BulkOperations marks = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
            newEvents.forEach((id, events) -> marks.upsert(byKey(collection, id), markUpdate(collection, id, events)));
            marks.execute();
        }
    }

    /** Marks the aggregates unless they are marked already (the sweep's finds). */
    void markIfAbsent(String collection, Collection<?> aggregateIds) {
        if (aggregateIds.isEmpty()) {
            return;
        }
        BulkOperations marks = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        aggregateIds.forEach(id -> marks.upsert(byKey(collection, id), new Update().setOnInsert("collection", collection)
                .setOnInsert("aggregateId", id).setOnInsert("stamp", 0L).setOnInsert("events", UNKNOWN_EVENTS)));
        marks.execute();
    }

    private static Query byKey(String collection, Object id) {
        return Query.query(Criteria.where("_id").is(keyOf(collection, id)));
    }

    private static Update markUpdate(String collection, Object id, int events) {
        return new Update().inc("stamp", 1L).inc("events", events).set("collection", collection).set("aggregateId", id);
    }

    /** Up to {@code limit} marked aggregates. */
    List<Marker> next(int limit) {
        ensureIndex();
        Query all = new Query().limit(limit);
        List<Marker> markers = new ArrayList<>();
        for (Document marker : mongo.find(all, Document.class, COLLECTION)) {
            markers.add(new Marker(marker.getString("_id"), marker.getString("collection"), marker.get("aggregateId"),
                    ((Number) marker.get("stamp")).longValue(),
                    marker.get("events") instanceof Number events ? events.intValue() : UNKNOWN_EVENTS));
        }
        return markers;
    }

    /** Removes the markers unless they were marked again since they were read. */
    void settle(Collection<Marker> markers) {
        if (markers.isEmpty()) {
            return;
        }
        BulkOperations removals = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        markers.forEach(marker -> removals.remove(
                Query.query(Criteria.where("_id").is(marker.id()).and("stamp").is(marker.stamp()))));
        removals.execute();
    }

    /**
     * The removal's guard reads exactly the keys of a unique index, the only kind the embedded server answers from
     * an index rather than by reading the whole collection.
     */
    private void ensureIndex() {
        if (!indexed) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("_id", Sort.Direction.ASC).on("stamp", Sort.Direction.ASC)
                    .unique().named("stamp_guard"));
            indexed = true;
        }
    }
}
