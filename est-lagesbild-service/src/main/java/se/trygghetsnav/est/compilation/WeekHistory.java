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
import se.trygghetsnav.est.week.Seriousness;
import se.trygghetsnav.est.week.WeekDocuments;
import se.trygghetsnav.est.week.WeekReport;
import se.trygghetsnav.est.week.WeekStatus;

/**
 * Reads what compiling needs of a group's weeks, the week itself and those it is compared with: per entry
 * only its id, category, place, seriousness and whether it was reviewed. One read by {@code _id} per week
 * (the ids follow from group and week), under tenancy, and one read of all their sealed entry buckets by
 * {@code _id}, each of just those fields and as plain documents, so a week of thousands of entries compiles
 * with its history in a handful of small reads whatever years of history lie behind it.
 */
@Component
class WeekHistory {

    private static final String[] FIELDS = { "entryId", "category", "placeId", "seriousness", "reviewedAt" };

    private final MongoTemplate mongo;
    private final WeekDocuments documents;

    WeekHistory(MongoTemplate mongo, WeekDocuments documents) {
        this.mongo = mongo;
        this.documents = documents;
    }

    /** A week as compiling sees it. */
    record WeekFacts(WeekStatus status, long version, List<EntryPoint> entries) {
    }

    /** Those of the weeks that were opened; weeks nothing happened in are absent. */
    Map<IsoWeek, WeekFacts> read(UUID groupId, Collection<IsoWeek> weeks) {
        String collection = mongo.getCollectionName(WeekReport.class);
        Map<IsoWeek, Document> reports = new LinkedHashMap<>();
        List<UUID> bucketIds = new ArrayList<>();
        for (IsoWeek week : weeks) {
            Query query = Query.query(Criteria.where("_id").is(WeekReport.idFor(groupId, week)));
            for (String field : FIELDS) {
                query.fields().include("entries." + field);
            }
            query.fields().include("sealedBuckets", "status", "version");
            Document report = mongo.findOne(query, Document.class, collection);
            if (report != null) {
                reports.put(week, report);
                bucketIds.addAll(report.getList("sealedBuckets", UUID.class, List.of()));
            }
        }
        // The weeks' sealed buckets in one read by _id: the weeks above were read under tenancy.
        Map<UUID, List<Document>> buckets = documents.sealedEntryFields(bucketIds, FIELDS);
        Map<IsoWeek, WeekFacts> facts = new LinkedHashMap<>();
        reports.forEach((week, report) -> {
            Map<Object, EntryPoint> newest = new LinkedHashMap<>();
            for (UUID bucketId : report.getList("sealedBuckets", UUID.class, List.of())) {
                buckets.getOrDefault(bucketId, List.of()).forEach(entry -> newest.put(entry.get("entryId"), point(entry)));
            }
            report.getList("entries", Document.class, List.of()).forEach(entry -> newest.put(entry.get("entryId"), point(entry)));
            facts.put(week, new WeekFacts(WeekStatus.valueOf(report.getString("status")),
                    ((Number) report.get("version")).longValue(), List.copyOf(newest.values())));
        });
        return facts;
    }

    private static EntryPoint point(Document entry) {
        return new EntryPoint((UUID) entry.get("entryId"), entry.getString("category"), (UUID) entry.get("placeId"),
                Seriousness.valueOf(entry.getString("seriousness")), entry.get("reviewedAt") != null);
    }
}
