package se.trygghetsnav.followup.overdue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What falls due on which day, so that a sweep reads only the days since the last one instead of every measure
 * stored (the embedded MongoDB server never builds the non-unique index a query by deadline would need).
 *
 * <p>Documents are keyed by {@code <day>#<bucket>}, the day being the one on which something is to be checked
 * (the day after a deadline); the 16 buckets spread a busy day such as 31 December over several small documents.
 * Each holds a set of entries: {@code M:<measureId>} (a measure's deadline has passed), {@code R:<roundId>} (a
 * round's due date or period end has passed). Entries are hints: the sweep checks the measure or round as it is
 * then, so an entry left behind by a moved deadline does nothing. Not owned by an organisation: entries hold ids
 * only.
 */
@Component
public class DueCalendar {

    public static final String COLLECTION = "due_calendar";
    static final int BUCKETS = 16;

    private final MongoOperations mongo;

    public DueCalendar(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public void measureFallsDue(UUID measureId, LocalDate checkDay) {
        add(checkDay, "M:" + measureId, measureId);
    }

    /** Many measures at once (a plan's adoption): one write per calendar document they fall into. */
    public void measuresFallDue(Map<UUID, LocalDate> checkDays) {
        Map<String, List<String>> entriesByDocument = new LinkedHashMap<>();
        checkDays.forEach((measureId, day) -> entriesByDocument
                .computeIfAbsent(documentId(day, measureId), id -> new ArrayList<>()).add("M:" + measureId));
        if (entriesByDocument.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        entriesByDocument.forEach((id, entries) -> bulk.upsert(Query.query(Criteria.where("_id").is(id)),
                new Update().addToSet("entries").each(entries.toArray())));
        bulk.execute();
    }

    public void roundFallsDue(UUID roundId, LocalDate checkDay) {
        add(checkDay, "R:" + roundId, roundId);
    }

    private void add(LocalDate day, String entry, UUID id) {
        mongo.upsert(Query.query(Criteria.where("_id").is(documentId(day, id))), new Update().addToSet("entries", entry),
                COLLECTION);
    }

    private static String documentId(LocalDate day, UUID id) {
        return day + "#" + Math.floorMod(id.hashCode(), BUCKETS);
    }

    /** The entries of the days from {@code first} to {@code last}, inclusive, each once. */
    public Set<String> entries(LocalDate first, LocalDate last) {
        Set<String> entries = new LinkedHashSet<>();
        List<String> ids = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (int bucket = 0; bucket < BUCKETS; bucket++) {
                ids.add(day + "#" + bucket);
            }
            if (ids.size() >= 31 * BUCKETS) {
                read(ids, entries);
                ids.clear();
            }
        }
        read(ids, entries);
        return entries;
    }

    private void read(Collection<String> ids, Set<String> into) {
        if (!ids.isEmpty()) {
            for (Document day : mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION)) {
                into.addAll(day.getList("entries", String.class, List.of()));
            }
        }
    }
}
