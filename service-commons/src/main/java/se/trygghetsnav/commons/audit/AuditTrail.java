package se.trygghetsnav.commons.audit;

import java.util.List;

import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;

import se.trygghetsnav.commons.outbox.PendingEvent;

/**
 * Records the audit entry of each write. The outbox relay does it from the pending events, which are stored
 * atomically with the change: no write can happen without its entry, even if the process dies right after.
 */
public class AuditTrail {

    private static final int DUPLICATE_KEY = 11000;

    private final MongoOperations mongo;

    public AuditTrail(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** The entries of the writes that one aggregate's events announce. */
    public static List<AuditEntry> entriesOf(List<PendingEvent> events, String organisationId, String aggregateType) {
        return events.stream().map(event -> new AuditEntry(event.eventId(), organisationId, aggregateType,
                event.aggregateId(), event.aggregateVersion(), event.type(), event.actorSubject(),
                event.actorOrganisation(), event.occurredAt())).toList();
    }

    /**
     * Records the entries in one unordered bulk insert (an import of a whole plan brings hundreds, a relay pass
     * those of hundreds of aggregates); entries an earlier pass recorded stay as they are.
     */
    public void recordAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, AuditEntry.class);
        entries.forEach(bulk::insert);
        try {
            bulk.execute();
        }
        catch (BulkOperationException partly) {
            // Entries recorded by an earlier pass whose publication did not complete are refused as duplicates.
            boolean onlyDuplicates = partly.getErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw partly;
            }
        }
    }
}
