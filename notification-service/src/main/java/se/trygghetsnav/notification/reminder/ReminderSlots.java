package se.trygghetsnav.notification.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The fire-time index: one document per hour (UTC), its {@code _id} the hour ({@code 2026-05-29T06}), listing what
 * is due in that hour: reminders ({@code r:<key>}) and digests ({@code d:<id>}). The dispatcher reads the hours
 * from its cursor to now by {@code _id}, which every MongoDB (and the embedded server, which builds no non-unique
 * index) serves from the unique {@code _id} index: the cost of a pass grows with the hours passed and the entries
 * due, never with the number of reminders stored.
 *
 * <p>The cursor ({@link #CURSOR}) is the first hour not yet completely handled. Hours behind it are never read
 * again, so an entry is always added to the hour of its fire time or the current hour, whichever is later, and
 * the cursor never passes the hour before the current one.
 */
public class ReminderSlots {

    public static final String COLLECTION = "reminder_slots";
    public static final String CURSOR = "reminder_dispatch_cursor";
    static final String REMINDER = "r:";
    static final String DIGEST = "d:";

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);
    private static final int IDS_PER_QUERY = 500;

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
        mongo.upsert(Query.query(Criteria.where("_id").is(slot)), new Update().addToSet("entries", entry), COLLECTION);
    }

    /**
     * The entries of the hours from {@code from} to {@code to}, hour by hour, oldest first: the dispatcher's "find
     * due" step (public for the benchmark that times it).
     */
    public Map<String, List<String>> between(Instant from, Instant to) {
        List<String> hours = new ArrayList<>();
        for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); !hour.isAfter(to); hour = hour.plus(Duration.ofHours(1))) {
            hours.add(slotOf(hour));
        }
        Map<String, List<String>> found = new LinkedHashMap<>();
        hours.forEach(hour -> found.put(hour, null));
        for (int i = 0; i < hours.size(); i += IDS_PER_QUERY) {
            List<String> batch = hours.subList(i, Math.min(hours.size(), i + IDS_PER_QUERY));
            for (Document slot : mongo.find(Query.query(Criteria.where("_id").in(batch)), Document.class, COLLECTION)) {
                found.put(slot.getString("_id"), slot.getList("entries", String.class, List.of()));
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
