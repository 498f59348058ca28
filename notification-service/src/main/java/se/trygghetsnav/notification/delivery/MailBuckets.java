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

import org.bson.Document;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The queue of mails to send: {@code mail_queue} holds one document per minute and bucket ({@code _id}
 * {@code 2026-03-02T07:01#07}) listing the keys of the mails due from that minute on; the bucket is the key's hash,
 * so a burst of mails in one minute spreads over several documents that instances can lease separately.
 *
 * <p>A bucket is deleted as soon as it lists nothing, so the collection holds only pending work: listing the due
 * buckets reads a few documents however many mails were ever sent. That matters on the embedded MongoDB server,
 * which never builds a non-unique index: a query on {@code outgoing_mails} by status reads every mail ever stored,
 * which made each claim cost O(stored) before this queue existed.
 *
 * <p>A dispatcher leases a bucket (an atomic compare-and-set on its lease, which expires, so a crashed instance's
 * bucket is taken over) and then claims its mails one batch at a time ({@link MailDispatcher}). Keys are listed
 * before their mail is stored, so a crash in between leaves a key without a mail (skipped), never a mail that no
 * bucket lists.
 */
public class MailBuckets {

    public static final String COLLECTION = "mail_queue";
    /** As {@link DeliveryProperties#queueBuckets()} defaults. */
    static final int DEFAULT_PER_MINUTE = 16;

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
            .withZone(ZoneOffset.UTC);

    private final MongoOperations mongo;
    private final int bucketsPerMinute;

    public MailBuckets(MongoOperations mongo, int bucketsPerMinute) {
        this.mongo = mongo;
        this.bucketsPerMinute = bucketsPerMinute;
    }

    /** A bucket as listed: its id, the minute its mails are due from, and its lease. */
    public record Bucket(String id, Instant due, String leaseHolder, Instant leaseUntil) {

        boolean leasable(Instant now) {
            return leaseHolder == null || leaseUntil == null || !leaseUntil.isAfter(now);
        }
    }

    /**
     * The bucket for a mail first due at {@code dueAt}: the minute that starts at or after it (so a mail is never
     * found before it is due), or the current minute when that is later.
     */
    String bucketFor(String key, Instant dueAt, Instant now) {
        Instant minute = dueAt.isAfter(now) ? ceilingMinute(dueAt) : now.truncatedTo(ChronoUnit.MINUTES);
        return MINUTE.format(minute) + "#" + "%02d".formatted(Math.floorMod(key.hashCode(), bucketsPerMinute));
    }

    private static Instant ceilingMinute(Instant moment) {
        Instant floor = moment.truncatedTo(ChronoUnit.MINUTES);
        return floor.equals(moment) ? floor : floor.plus(1, ChronoUnit.MINUTES);
    }

    private static Instant dueOf(String bucketId) {
        return Instant.parse(bucketId.substring(0, bucketId.indexOf('#')) + ":00Z");
    }

    /** Lists the keys in their buckets: one upsert per bucket, however many keys go into it. */
    void add(Map<String, ? extends Collection<String>> keysByBucket) {
        keysByBucket.forEach((bucket, keys) -> mongo.upsert(Query.query(Criteria.where("_id").is(bucket)),
                new Update().addToSet("mailIds").each(keys.toArray()).setOnInsert("due", Date.from(dueOf(bucket))),
                COLLECTION));
    }

    void add(String bucket, String key) {
        add(Map.of(bucket, List.of(key)));
    }

    /** The buckets due at {@code now}, oldest first, without their keys (a burst's keys may be megabytes). */
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
        // Atomic on the server: a key added a moment ago keeps the bucket; one added a moment later upserts it again.
        mongo.remove(Query.query(Criteria.where("_id").is(bucket).and("mailIds").size(0)), COLLECTION);
    }

    /** Gives the lease up early, so that mails left in the bucket (the SMTP server refused) are tried again soon. */
    void release(String bucket, String holder) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(bucket).and("leaseHolder").is(holder)),
                new Update().unset("leaseHolder").unset("leaseUntil"), COLLECTION);
    }
}
