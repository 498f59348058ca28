package se.trygghetsnav.est.compilation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import se.trygghetsnav.est.compilation.WeekCompiler.EntryPoint;
import se.trygghetsnav.est.week.IsoWeek;
import se.trygghetsnav.est.week.WeekDocuments;
import se.trygghetsnav.est.week.WeekReport;

/**
 * Reads the category and place of every entry of a group's earlier weeks: one read by {@code _id} per week
 * (the ids follow from group and week), under tenancy, and one read of all their sealed entry buckets by
 * {@code _id}, each of just those fields, so a week of thousands of entries compares with its history in a
 * handful of small reads whatever years of history lie behind it.
 */
@Component
class WeekHistory {

    private final MongoTemplate mongo;
    private final WeekDocuments documents;

    WeekHistory(MongoTemplate mongo, WeekDocuments documents) {
        this.mongo = mongo;
        this.documents = documents;
    }

    private static EntryPoint point(Document entry) {
        Object placeId = entry.get("placeId");
        return new EntryPoint(entry.getString("category"),
                placeId instanceof UUID uuid ? uuid : UUID.fromString(String.valueOf(placeId)));
    }

    /** The entries of those of the weeks that were opened; weeks nothing happened in are absent. */
    Map<IsoWeek, List<EntryPoint>> read(UUID groupId, Collection<IsoWeek> weeks) {
        String collection = mongo.getCollectionName(WeekReport.class);
        Map<IsoWeek, List<EntryPoint>> history = new LinkedHashMap<>();
        Map<IsoWeek, Document> reports = new LinkedHashMap<>();
        List<UUID> bucketIds = new ArrayList<>();
        for (IsoWeek week : weeks) {
            Query query = Query.query(Criteria.where("_id").is(WeekReport.idFor(groupId, week)));
            query.fields().include("entries.entryId", "entries.category", "entries.placeId", "sealedBuckets");
            Document report = mongo.findOne(query, Document.class, collection);
            if (report != null) {
                reports.put(week, report);
                report.getList("sealedBuckets", UUID.class, List.of()).forEach(bucketIds::add);
            }
        }
        // The weeks' sealed buckets in one read by _id: the weeks above were read under tenancy.
        Map<UUID, List<Document>> buckets = documents.sealedEntryFields(bucketIds, "entryId", "category", "placeId");
        reports.forEach((week, report) -> {
            Map<Object, EntryPoint> newest = new LinkedHashMap<>();
            for (UUID bucketId : report.getList("sealedBuckets", UUID.class, List.of())) {
                buckets.getOrDefault(bucketId, List.of()).forEach(entry -> newest.put(entry.get("entryId"), point(entry)));
            }
            report.getList("entries", Document.class, List.of()).forEach(entry -> newest.put(entry.get("entryId"), point(entry)));
            history.put(week, List.copyOf(newest.values()));
        });
        return history;
    }
}
