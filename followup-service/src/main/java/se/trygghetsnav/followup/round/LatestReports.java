package se.trygghetsnav.followup.round;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * A measure's most recent report in any round of its plan series, read with only the few fields that say so
 * (not the narratives): what overdue detection asks before and after every transition.
 */
@Component
public class LatestReports {

    private final MongoOperations mongo;
    private final RoundIndex index;

    public LatestReports(MongoOperations mongo, RoundIndex index) {
        this.mongo = mongo;
        this.index = index;
    }

    public Optional<LatestReport> of(UUID seriesId, UUID measureId) {
        List<UUID> roundIds = index.roundIds(seriesId);
        if (roundIds.isEmpty()) {
            return Optional.empty();
        }
        Query query = Query.query(Criteria.where("_id").in(roundIds));
        query.fields().include("reports.measureId").include("reports.status").include("reports.submittedAt");
        LatestReport latest = null;
        for (Document round : mongo.find(query, Document.class, "followup_rounds")) {
            for (Document report : round.getList("reports", Document.class, List.of())) {
                if (measureId.equals(report.get("measureId"))) {
                    Instant at = report.get("submittedAt", Date.class).toInstant();
                    if (latest == null || at.isAfter(latest.submittedAt())) {
                        latest = new LatestReport(round.get("_id", UUID.class), ReportStatus.valueOf(report.getString("status")),
                                at);
                    }
                }
            }
        }
        return Optional.ofNullable(latest);
    }

    public record LatestReport(UUID roundId, ReportStatus status, Instant submittedAt) {
    }
}
