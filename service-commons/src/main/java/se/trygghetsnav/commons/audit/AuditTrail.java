package se.trygghetsnav.commons.audit;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;

import se.trygghetsnav.commons.outbox.PendingEvent;

/**
 * Records the audit entry of each write. The outbox relay does it from the pending events, which are stored
 * atomically with the change: no write can happen without its entry, even if the process dies right after.
 */
public class AuditTrail {

    private final MongoOperations mongo;

    public AuditTrail(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Records the write an event announces; a second call for the same event changes nothing. */
    public void record(PendingEvent event, String organisationId, String aggregateType) {
        try {
            mongo.insert(new AuditEntry(event.eventId(), organisationId, aggregateType, event.aggregateId(),
                    event.aggregateVersion(), event.type(), event.actorSubject(), event.actorOrganisation(),
                    event.occurredAt()));
        }
        catch (DuplicateKeyException alreadyRecorded) {
            // Recorded by an earlier pass whose publication did not complete.
        }
    }
}
