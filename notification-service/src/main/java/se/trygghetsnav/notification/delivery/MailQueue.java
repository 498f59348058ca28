package se.trygghetsnav.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import se.trygghetsnav.commons.worker.WakeUpSignal;

/**
 * Queues mails exactly once per key and wakes the dispatcher. A mail is stored in {@code outgoing_mails} under its
 * key (a second mail with the key cannot be stored) and listed in the queue ({@link MailBuckets}) first.
 */
public class MailQueue {

    private static final Logger log = LoggerFactory.getLogger(MailQueue.class);
    /** Keys looked up, and mails inserted, per round trip: a reply of 500 rendered mails stays far below 16 MB. */
    private static final int PER_ROUND_TRIP = 500;

    private final MongoOperations mongo;
    private final MailTemplates templates;
    private final MailBuckets buckets;
    private final WakeUpSignal dispatcherSignal;
    private final Clock clock;

    public MailQueue(MongoOperations mongo, MailTemplates templates, WakeUpSignal dispatcherSignal, Clock clock) {
        this(mongo, templates, new MailBuckets(mongo), dispatcherSignal, clock);
    }

    public MailQueue(MongoOperations mongo, MailTemplates templates, MailBuckets buckets, WakeUpSignal dispatcherSignal,
            Clock clock) {
        this.mongo = mongo;
        this.templates = templates;
        this.buckets = buckets;
        this.dispatcherSignal = dispatcherSignal;
        this.clock = clock;
    }

    /**
     * Queues the mail unless a mail with the same key was queued before.
     *
     * @return whether this call queued it
     */
    public boolean enqueue(MailRequest request) {
        return !enqueueAll(List.of(request)).isEmpty();
    }

    /**
     * Queues each mail unless a mail with its key was queued before, with a few round trips per few hundred mails
     * rather than several per mail (a reminder burst queues 100,000 at once).
     *
     * @return the keys this call queued
     */
    public Set<String> enqueueAll(List<MailRequest> requests) {
        Set<String> queued = new LinkedHashSet<>();
        for (int i = 0; i < requests.size(); i += PER_ROUND_TRIP) {
            queued.addAll(enqueueBatch(requests.subList(i, Math.min(requests.size(), i + PER_ROUND_TRIP))));
        }
        if (!queued.isEmpty()) {
            dispatcherSignal.wakeUp();
        }
        return queued;
    }

    private Set<String> enqueueBatch(List<MailRequest> requests) {
        Map<String, MailRequest> fresh = new LinkedHashMap<>();
        requests.forEach(request -> fresh.putIfAbsent(request.key(), request));
        Query existing = Query.query(Criteria.where("_id").in(fresh.keySet()));
        existing.fields().include("_id");
        mongo.find(existing, Document.class, OutgoingMail.COLLECTION).forEach(mail -> fresh.remove(mail.getString("_id")));
        if (fresh.isEmpty()) {
            return Set.of();
        }
        // Milliseconds, as stored: the creation time tells this call's mails from ones stored meanwhile by another.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<OutgoingMail> mails = new ArrayList<>();
        Map<String, List<String>> byBucket = new LinkedHashMap<>();
        for (MailRequest request : fresh.values()) {
            MailTemplates.Rendered mail = templates.render(request.template(), request.model());
            mails.add(OutgoingMail.pending(request, mail, now));
            byBucket.computeIfAbsent(buckets.minuteFor(now, now), bucket -> new ArrayList<>())
                    .add(request.key());
        }
        // Listed before stored: a crash in between leaves a listed key without a mail, which the dispatcher skips.
        buckets.add(byBucket);
        Set<String> queued = insert(mails);
        queued.forEach(key -> log.info("Mail {} queued (event {})", key, fresh.get(key).sourceEventId()));
        return queued;
    }

    /** Inserts the mails; one stored meanwhile by another instance or thread under the same key is not queued again. */
    private Set<String> insert(List<OutgoingMail> mails) {
        Set<String> inserted = new LinkedHashSet<>();
        if (mails.size() == 1) {
            insertOneByOne(mails, inserted);
            return inserted;
        }
        mails.forEach(mail -> inserted.add(mail.key()));
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, OutgoingMail.class).insert(mails).execute();
        }
        catch (DuplicateKeyException someQueuedBefore) {
            // Translated without saying which were refused: the ones stored with another creation time were.
            Query stored = Query.query(Criteria.where("_id").in(inserted));
            stored.fields().include("_id", "createdAt");
            Instant createdAt = mails.getFirst().createdAt();
            for (Document mail : mongo.find(stored, Document.class, OutgoingMail.COLLECTION)) {
                if (!createdAt.equals(mail.getDate("createdAt").toInstant())) {
                    inserted.remove(mail.getString("_id"));
                }
            }
        }
        catch (BulkOperationException someQueuedBefore) {
            Set<Integer> refused = new HashSet<>();
            someQueuedBefore.getErrors().forEach(error -> refused.add(error.getIndex()));
            if (someQueuedBefore.getErrors().stream().anyMatch(error -> error.getCategory()
                    != com.mongodb.ErrorCategory.DUPLICATE_KEY)) {
                throw someQueuedBefore;
            }
            for (int i = 0; i < mails.size(); i++) {
                if (refused.contains(i)) {
                    inserted.remove(mails.get(i).key());
                }
            }
        }
        return inserted;
    }

    private void insertOneByOne(List<OutgoingMail> mails, Set<String> inserted) {
        for (OutgoingMail mail : mails) {
            try {
                mongo.insert(mail);
                inserted.add(mail.key());
            }
            catch (DuplicateKeyException alreadyQueued) {
                // Queued meanwhile under the same key: not again.
            }
        }
    }
}
