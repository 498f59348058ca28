package se.trygghetsnav.commons.idempotency;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import se.trygghetsnav.commons.events.InboundEvent;

/**
 * The ids of events a consumer has processed, one document each with the id as {@code _id} (unique by
 * construction, on real MongoDB and on the embedded server alike).
 *
 * <p>Used by consumers whose effect has no aggregate version to compare, e.g. "send a mail". Recording
 * happens after the handler succeeded, so a failed handler is retried; a crash between the two repeats the
 * handler once, which its own storage must absorb.
 */
public class ProcessedEventLog {

    public static final String COLLECTION = "processed_events";

    private final MongoOperations mongo;
    private final Clock clock;

    public ProcessedEventLog(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public boolean contains(String consumer, String eventId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(key(consumer, eventId))), COLLECTION);
    }

    public void record(String consumer, InboundEvent event) {
        Document entry = new Document("_id", key(consumer, event.id()))
                .append("consumer", consumer)
                .append("type", event.type())
                .append("subject", event.subject())
                .append("processedAt", Date.from(Instant.now(clock)));
        try {
            mongo.insert(entry, COLLECTION);
        }
        catch (DuplicateKeyException alreadyRecorded) {
            // A concurrent delivery of the same event recorded it first; nothing to do.
        }
    }

    private static String key(String consumer, String eventId) {
        return consumer + "/" + eventId;
    }
}
