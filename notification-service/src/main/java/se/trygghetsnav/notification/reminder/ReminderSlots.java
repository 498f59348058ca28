package se.trygghetsnav.notification.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The fire-time index: per hour (UTC), {@value #BUCKETS} documents, {@code _id} the hour and a bucket
 * ({@code 2026-05-29T06#07}, the bucket from the entry's hash), listing what is due in that hour: reminders
 * ({@code r:<key>}) and digests ({@code d:<id>}). The dispatcher reads the hours from its cursor to now by
 * {@code _id}, which every MongoDB (and the embedded server, which builds no non-unique index) serves from the unique
 * {@code _id} index: the cost of a pass grows with the hours passed and the entries due, never with the number of
 * reminders stored.
 *
 * <p>Buckets, because one document per hour grew with everything due in it: each added entry rewrote the whole list
 * (the embedded server's update cost grows with the document), and at about 200,000 entries an hour would pass
 * MongoDB's 16 MB document limit. Documents from before the buckets ({@code _id} the bare hour) are still read.
 *
 * <p>The cursor ({@link #CURSOR}) is the first hour not yet completely handled. Hours behind it are never read
 * again, so an entry is always added to the hour of its fire time or the current hour, whichever is later, and
 * the cursor never passes the hour before the current one.
 */
public class ReminderSlots {

    public static final String COLLECTION = "reminder_slots";
    public static final String CURSOR = "reminder_dispatch_cursor";
    public static final String REMINDER = "r:";
    static final String DIGEST = "d:";

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);
    static final int BUCKETS = 32;
    /** A third of an hour's buckets per query: the embedded server does not split a reply at 16 MB, and an hour with
     * 100,000 reminders due lists about 8 MB. */
    private static final int IDS_PER_QUERY = (BUCKETS + 1) / 3;

    private final MongoOperations mongo;

    public ReminderSlots(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public static String slotOf(Instant moment) {
        return HOUR.format(moment);
    }

    /** The slot an entry firing at {@code fireAt} goes in, seen at {@code now}: never one behind the current hour. */
    public static String slotFor(Instant fireAt, Instant now) {
        return slotOf(fireAt.isBefore(now) ? now : fireAt);
    }

    static Instant startOf(String slot) {
        return Instant.parse(slot + ":00:00Z");
    }

    public void add(String slot, String entry) {
        add(Map.of(slot, List.of(entry)));
    }

    /** Lists many entries with one write per bucket (public for the benchmark, which stores a million this way). */
    public void add(Map<String, ? extends Collection<String>> entriesBySlot) {
        Map<String, List<String>> byBucket = new LinkedHashMap<>();
        entriesBySlot.forEach((slot, entries) -> entries.forEach(entry -> byBucket
                .computeIfAbsent(bucketOf(slot, entry), bucket -> new ArrayList<>()).add(entry)));
        byBucket.forEach((bucket, entries) -> mongo.upsert(Query.query(Criteria.where("_id").is(bucket)),
                new Update().addToSet("entries").each(entries.toArray()), COLLECTION));
    }

    /**
     * Takes entries that are done with for good off their slot, so that the passes that reread the current hour
     * (every few seconds) read only what is still to do: a burst of 100,000 fired reminders was read again by each.
     */
    void remove(String slot, Collection<String> entries) {
        Map<String, List<String>> byBucket = new LinkedHashMap<>();
        entries.forEach(entry -> byBucket.computeIfAbsent(bucketOf(slot, entry), bucket -> new ArrayList<>()).add(entry));
        byBucket.forEach((bucket, done) -> mongo.updateFirst(Query.query(Criteria.where("_id").is(bucket)),
                new Update().pullAll("entries", done.toArray()), COLLECTION));
    }

    private static String bucketOf(String slot, String entry) {
        return slot + "#" + "%02d".formatted(Math.floorMod(entry.hashCode(), BUCKETS));
    }

    /**
     * The entries of the hours from {@code from} to {@code to}, hour by hour, oldest first: the dispatcher's "find
     * due" step (public for the benchmark that times it).
     */
    public Map<String, List<String>> between(Instant from, Instant to) {
        List<String> ids = new ArrayList<>();
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); !hour.isAfter(to); hour = hour.plus(Duration.ofHours(1))) {
            String slot = slotOf(hour);
            found.put(slot, null);
            ids.add(slot);
            for (int bucket = 0; bucket < BUCKETS; bucket++) {
                ids.add(slot + "#" + "%02d".formatted(bucket));
            }
        }
        for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
            List<String> batch = ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY));
            for (Document slot : mongo.find(Query.query(Criteria.where("_id").in(batch)), Document.class, COLLECTION)) {
                String id = slot.getString("_id");
                String hour = id.contains("#") ? id.substring(0, id.indexOf('#')) : id;
                List<String> entries = found.get(hour);
                if (entries == null) {
                    found.put(hour, entries = new ArrayList<>());
                }
                entries.addAll(slot.getList("entries", String.class, List.of()));
            }
        }
        found.values().removeIf(entries -> entries == null);
        return found;
    }

    Instant cursor() {
        Document cursor = mongo.findById("dispatch", Document.class, CURSOR);
        return cursor == null ? null : cursor.getDate("firstOpenHour").toInstant();
    }

    void moveCursor(Instant firstOpenHour) {
        mongo.upsert(Query.query(Criteria.where("_id").is("dispatch")),
                new Update().set("firstOpenHour", java.util.Date.from(firstOpenHour)), CURSOR);
    }
}
