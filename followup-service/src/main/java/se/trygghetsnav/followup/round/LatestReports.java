package se.trygghetsnav.followup.round;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Measures' current reports in the rounds of their plan series, read with only the few fields that say where
 * they stand (not the narratives): what overdue detection asks before and after every transition, and what the
 * follow-up overview shows.
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
        return Optional.ofNullable(byMeasure(seriesId).get(measureId));
    }

    /** The latest report of every measure reported on in the rounds of a plan series: one read for many measures. */
    public Map<UUID, LatestReport> byMeasure(UUID seriesId) {
        Map<UUID, LatestReport> latest = new HashMap<>();
        for (ReportStamp report : all(seriesId)) {
            latest.merge(report.measureId(), new LatestReport(report.roundId(), report.status(), report.submittedAt()),
                    (earlier, later) -> later.submittedAt().isAfter(earlier.submittedAt()) ? later : earlier);
        }
        return latest;
    }

    /** Every current report in the rounds of a plan series, without narratives or answers. */
    public List<ReportStamp> all(UUID seriesId) {
        List<UUID> roundIds = index.roundIds(seriesId);
        if (roundIds.isEmpty()) {
            return List.of();
        }
        Query query = Query.query(Criteria.where("_id").in(roundIds));
        query.fields().include("name").include("reports.measureId").include("reports.status").include("reports.revision")
                .include("reports.submittedAt");
        List<ReportStamp> stamps = new ArrayList<>();
        for (Document round : mongo.find(query, Document.class, "followup_rounds")) {
            for (Document report : round.getList("reports", Document.class, List.of())) {
                stamps.add(new ReportStamp(round.get("_id", UUID.class), round.getString("name"),
                        report.get("measureId", UUID.class), ReportStatus.valueOf(report.getString("status")),
                        report.getInteger("revision"), report.get("submittedAt", Date.class).toInstant()));
            }
        }
        return stamps;
    }

    /** A measure's current report in one round, as far as follow-up state needs it. */
    public record ReportStamp(UUID roundId, String roundName, UUID measureId, ReportStatus status, int revision,
            Instant submittedAt) {
    }

    public record LatestReport(UUID roundId, ReportStatus status, Instant submittedAt) {
    }
}
