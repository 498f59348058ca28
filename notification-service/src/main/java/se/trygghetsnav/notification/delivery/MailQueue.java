package se.trygghetsnav.notification.delivery;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import se.trygghetsnav.commons.worker.WakeUpSignal;

/** Queues mails exactly once per key and wakes the dispatcher. */
public class MailQueue {

    private static final Logger log = LoggerFactory.getLogger(MailQueue.class);

    private final MongoOperations mongo;
    private final MailTemplates templates;
    private final WakeUpSignal dispatcherSignal;
    private final Clock clock;

    public MailQueue(MongoOperations mongo, MailTemplates templates, WakeUpSignal dispatcherSignal, Clock clock) {
        this.mongo = mongo;
        this.templates = templates;
        this.dispatcherSignal = dispatcherSignal;
        this.clock = clock;
    }

    /**
     * Queues the mail unless a mail with the same key was queued before.
     *
     * @return whether this call queued it
     */
    public boolean enqueue(MailRequest request) {
        if (mongo.exists(Query.query(Criteria.where("_id").is(request.key())), OutgoingMail.class)) {
            return false;
        }
        MailTemplates.Rendered mail = templates.render(request.template(), request.model());
        Instant now = clock.instant();
        try {
            mongo.insert(new OutgoingMail(request.key(), request.organisationId(), request.recipient(), mail.subject(),
                    mail.text(), mail.html(), request.reason(), request.itemRef(), request.sourceEventId(),
                    MailStatus.PENDING, 0, now, now, null, null, null, null));
        }
        catch (DuplicateKeyException alreadyQueued) {
            return false;
        }
        log.info("Mail {} queued (event {})", request.key(), request.sourceEventId());
        dispatcherSignal.wakeUp();
        return true;
    }
}
