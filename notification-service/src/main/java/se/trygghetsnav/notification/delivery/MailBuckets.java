package se.trygghetsnav.notification.delivery;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The queue of mails to send: {@code mail_queue} holds one document per listing ({@code _id}
 * {@code 2026-03-02T07:01#<uuid>}), with the keys of the mails one call queued that are due from that minute on.
 * A document is written once and then only shrinks, so listing and taking keys off cost what a batch costs: one
 * growing document per minute (or per minute and hash bucket, as before) was rewritten whole by every listing and
 * every removal, and the embedded MongoDB server's cost of an update grows with the document (it copies, compares
 * and measures it), which in a burst of 100,000 mails was more than the mails' own writes.
 *
 * <p>A document is deleted as soon as it lists nothing, so the collection holds only pending work: listing the due
 * documents reads a few hundred small documents however many mails were ever sent. That matters on the embedded
 * server, which never builds a non-unique index: a query on {@code outgoing_mails} by status reads every mail ever
 * stored, which made each claim cost O(stored) before this queue existed.
 *
 * <p>A dispatcher leases a document (an atomic compare-and-set on its lease, which expires, so a crashed instance's
 * document is taken over) and then claims its mails one batch at a time ({@link MailDispatcher}); instances lease
 * different documents. Keys are listed before their mail is stored, so a crash in between leaves a key without a
 * mail (skipped), never a mail that nothing lists. Documents of the earlier per-minute buckets ({@code
 * 2026-03-02T07:01#07}) are read and drained the same way.
 */
public class MailBuckets {

    public static final String COLLECTION = "mail_queue";
    /** Keys per document: a listing of more is split, so a lease hands out a few batches' worth. */
    static final int KEYS_PER_DOCUMENT = 500;

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
            .withZone(ZoneOffset.UTC);

    private final MongoOperations mongo;

    public MailBuckets(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** A bucket as listed: its id, the minute its mails are due from, and its lease. */
    public record Bucket(String id, Instant due, String leaseHolder, Instant leaseUntil) {

        boolean leasable(Instant now) {
            return leaseHolder == null || leaseUntil == null || !leaseUntil.isAfter(now);
        }
    }

    /**
     * The minute a mail first due at {@code dueAt} is listed under: the minute that starts at or after it (so a mail
     * is never found before it is due), or the current minute when that is later.
     */
    String minuteFor(Instant dueAt, Instant now) {
        return MINUTE.format(dueAt.isAfter(now) ? ceilingMinute(dueAt) : now.truncatedTo(ChronoUnit.MINUTES));
    }

    private static Instant ceilingMinute(Instant moment) {
        Instant floor = moment.truncatedTo(ChronoUnit.MINUTES);
        return floor.equals(moment) ? floor : floor.plus(1, ChronoUnit.MINUTES);
    }

    private static Instant dueOf(String bucketId) {
        return Instant.parse(bucketId.substring(0, bucketId.indexOf('#')) + ":00Z");
    }

    /**
     * Lists the keys under their minutes, in new documents (one per {@value #KEYS_PER_DOCUMENT} keys of a minute),
     * with one insert for all of them.
     *
     * @return the ids of the documents that list them
     */
    List<String> add(Map<String, ? extends Collection<String>> keysByMinute) {
        List<Document> listings = new ArrayList<>();
        keysByMinute.forEach((minute, keys) -> {
            List<String> all = List.copyOf(keys);
            for (int i = 0; i < all.size(); i += KEYS_PER_DOCUMENT) {
                listings.add(new Document("_id", minute + "#" + UUID.randomUUID())
                        .append("due", Date.from(dueOf(minute + "#")))
                        .append("mailIds", all.subList(i, Math.min(all.size(), i + KEYS_PER_DOCUMENT))));
            }
        });
        mongo.insert(listings, COLLECTION);
        return listings.stream().map(listing -> listing.getString("_id")).toList();
    }

    /** @return the id of the document that lists it */
    String add(String minute, String key) {
        return add(Map.of(minute, List.of(key))).getFirst();
    }

    /** The documents due at {@code now}, oldest first, without their keys. */
    List<Bucket> due(Instant now) {
        Query due = Query.query(Criteria.where("due").lte(Date.from(now)));
        due.fields().include("_id", "due", "leaseHolder", "leaseUntil");
        List<Bucket> buckets = new ArrayList<>();
        for (Document bucket : mongo.find(due, Document.class, COLLECTION)) {
            Date until = bucket.getDate("leaseUntil");
            buckets.add(new Bucket(bucket.getString("_id"), bucket.getDate("due").toInstant(),
                    bucket.getString("leaseHolder"), until == null ? null : until.toInstant()));
        }
        buckets.sort(Comparator.comparing(Bucket::due).thenComparing(Bucket::id));
        return buckets;
    }

    /**
     * Leases the bucket to {@code holder} until {@code until} if nobody holds a lease on it that is still running.
     *
     * @return the keys it lists; {@code null} when someone else holds it or it is gone
     */
    List<String> lease(String bucket, String holder, Instant now, Instant until) {
        Query free = Query.query(Criteria.where("_id").is(bucket).orOperator(
                Criteria.where("leaseUntil").exists(false), Criteria.where("leaseUntil").is(null),
                Criteria.where("leaseUntil").lte(Date.from(now))));
        Document leased = mongo.findAndModify(free,
                new Update().set("leaseHolder", holder).set("leaseUntil", Date.from(until)),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        return leased == null ? null : leased.getList("mailIds", String.class, List.of());
    }

    /** Takes handled keys off the bucket and deletes it if it lists nothing more. */
    void remove(String bucket, Collection<String> keys) {
        if (!keys.isEmpty()) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(bucket)),
                    new Update().pullAll("mailIds", keys.toArray()), COLLECTION);
        }
        // Nothing is added to a listing after its insert, so an empty one is done with.
        mongo.remove(Query.query(Criteria.where("_id").is(bucket).and("mailIds").size(0)), COLLECTION);
    }

    /** Gives the lease up early, so that mails left in the bucket (the SMTP server refused) are tried again soon. */
    void release(String bucket, String holder) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(bucket).and("leaseHolder").is(holder)),
                new Update().unset("leaseHolder").unset("leaseUntil"), COLLECTION);
    }
}
