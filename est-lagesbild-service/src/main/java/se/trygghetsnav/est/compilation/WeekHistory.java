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
import se.trygghetsnav.est.week.WeekReport;

/**
 * Reads the category and place of every entry of a group's earlier weeks: one read by {@code _id} per week
 * (the ids follow from group and week), under tenancy, of just those two fields, so a week of thousands of
 * entries compares with its history in a handful of small reads whatever years of history lie behind it.
 */
@Component
class WeekHistory {

    private final MongoTemplate mongo;

    WeekHistory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The entries of those of the weeks that were opened; weeks nothing happened in are absent. */
    Map<IsoWeek, List<EntryPoint>> read(UUID groupId, Collection<IsoWeek> weeks) {
        String collection = mongo.getCollectionName(WeekReport.class);
        Map<IsoWeek, List<EntryPoint>> history = new LinkedHashMap<>();
        for (IsoWeek week : weeks) {
            Query query = Query.query(Criteria.where("_id").is(WeekReport.idFor(groupId, week)));
            query.fields().include("entries.category", "entries.placeId");
            Document report = mongo.findOne(query, Document.class, collection);
            if (report != null) {
                List<EntryPoint> points = new ArrayList<>();
                for (Document entry : report.getList("entries", Document.class, List.of())) {
                    Object placeId = entry.get("placeId");
                    points.add(new EntryPoint(entry.getString("category"),
                            placeId instanceof UUID uuid ? uuid : UUID.fromString(String.valueOf(placeId))));
                }
                history.put(week, points);
            }
        }
        return history;
    }
}
