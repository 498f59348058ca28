package se.trygghetsnav.followup.round;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The earlier revisions of measure reports, one document per revision with {@code _id}
 * {@code <roundId>|<measureId>|<revision>}. A revision is copied here just before a correction replaces it in
 * the round; the copy is idempotent, and a copy whose correction then failed is harmless because the revision
 * it holds is still the current one (readers list only revisions below the current).
 */
@Component
public class ReportHistory {

    public static final String COLLECTION = "measure_report_history";

    private final MongoOperations mongo;

    public ReportHistory(MongoOperations mongo) {
        this.mongo = mongo;
    }

    void keep(FollowupRound round, MeasureReport replaced) {
        mongo.upsert(Query.query(Criteria.where("_id").is(id(round.getId(), replaced.measureId(), replaced.revision()))),
                new Update().set("organisationId", round.getOrganisationId())
                        .set("roundId", round.getId())
                        .set("report", mongo.getConverter().convertToMongoType(replaced)),
                COLLECTION);
    }

    /** Every revision before {@code current}, oldest first. */
    List<MeasureReport> before(UUID roundId, UUID measureId, int current) {
        if (current <= 1) {
            return List.of();
        }
        List<String> ids = IntStream.range(1, current).mapToObj(revision -> id(roundId, measureId, revision)).toList();
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION).stream()
                .map(document -> mongo.getConverter().read(MeasureReport.class, document.get("report", Document.class)))
                .sorted(Comparator.comparingInt(MeasureReport::revision))
                .toList();
    }

    private static String id(UUID roundId, UUID measureId, int revision) {
        return roundId + "|" + measureId + "|" + revision;
    }
}
