package se.trygghetsnav.commons.idempotency;

import com.mongodb.client.result.UpdateResult;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A projection kept as one document per aggregate, which applies each aggregate version at most once.
 *
 * <p>The document stores the last version it applied; an update is applied only to a document whose
 * applied version is lower, in the same single-document write that records the new version. A
 * duplicate or replayed event therefore changes nothing, without transactions. A first event creates the
 * document (upsert); if the document exists with a newer version, that upsert collides on {@code _id} and
 * is likewise skipped.
 */
public class VersionedProjection {

    public static final String APPLIED_VERSION = "appliedVersion";

    private final MongoOperations mongo;
    private final String collection;

    public VersionedProjection(MongoOperations mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    /**
     * Applies {@code change} to the aggregate's document unless it has applied {@code version} or a later one.
     *
     * @return whether the change was applied
     */
    public boolean apply(Object aggregateId, long version, Update change) {
        Query notYetApplied = Query.query(Criteria.where("_id").is(aggregateId).and(APPLIED_VERSION).lt(version));
        change.set(APPLIED_VERSION, version);
        try {
            UpdateResult result = mongo.upsert(notYetApplied, change, collection);
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        }
        catch (DuplicateKeyException alreadyApplied) {
            return false;
        }
    }
}
