package se.trygghetsnav.followup.overdue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import se.trygghetsnav.followup.planprojection.MeasuresInForceListener;
import se.trygghetsnav.followup.planprojection.TrackedMeasure;
import se.trygghetsnav.followup.planprojection.TrackedMeasures;
import se.trygghetsnav.followup.round.FollowupRound;
import se.trygghetsnav.followup.round.RoundListener;

/**
 * Keeps the due calendar and the overdue state in step with plans and rounds: a deadline still ahead goes into
 * the calendar for the day after it; one already passed, a measure already overdue or one leaving force is judged
 * at once; a report is judged at once (a DONE or CANCELLED report clears an overdue measure); a round's due date
 * and period end go into the calendar.
 */
@Component
class OverdueWiring implements MeasuresInForceListener, RoundListener {

    private final DueCalendar calendar;
    private final OverdueJudge judge;
    private final TrackedMeasures trackedMeasures;
    private final MongoOperations mongo;

    OverdueWiring(DueCalendar calendar, OverdueJudge judge, TrackedMeasures trackedMeasures, MongoOperations mongo) {
        this.calendar = calendar;
        this.judge = judge;
        this.trackedMeasures = trackedMeasures;
        this.mongo = mongo;
    }

    @Override
    public void measuresChanged(Set<UUID> measureIds) {
        LocalDate today = judge.today();
        // By _id alone (the index), the overdue flag checked here: a query on both would scan every watch.
        Query watched = Query.query(Criteria.where("_id").in(measureIds));
        watched.fields().include("overdue");
        Set<UUID> overdueNow = mongo.find(watched, Document.class, DeadlineWatch.COLLECTION).stream()
                .filter(watch -> Boolean.TRUE.equals(watch.getBoolean("overdue")))
                .map(watch -> watch.get("_id", UUID.class)).collect(Collectors.toSet());
        Map<UUID, LocalDate> ahead = new LinkedHashMap<>();
        for (TrackedMeasure measure : trackedMeasures.findAll(measureIds)) {
            LocalDate deadline = measure.deadline();
            if (measure.inForce() && deadline != null && !deadline.isBefore(today)) {
                ahead.put(measure.id(), deadline.plusDays(1));
            }
            boolean passed = measure.inForce() && deadline != null && deadline.isBefore(today);
            if (passed || overdueNow.contains(measure.id())) {
                judge.judge(measure.id());
            }
        }
        calendar.measuresFallDue(ahead);
    }

    /** The round's due date and period end go into the calendar, before the round is stored. */
    @Override
    public void beforeRoundStored(FollowupRound round) {
        LocalDate today = judge.today();
        calendar.roundFallsDue(round.getId(), later(round.getDueDate().plusDays(1), today));
        calendar.roundFallsDue(round.getId(), later(round.getPeriodEnd().plusDays(1), today));
    }

    /**
     * A report may change whether its measure is overdue: it is judged right after it is stored, and marked for
     * today's sweep before, in case the process stops in between.
     */
    @Override
    public void beforeReportStored(FollowupRound round, UUID measureId) {
        calendar.measureFallsDue(measureId, judge.today());
    }

    @Override
    public void afterReportStored(FollowupRound round, UUID measureId) {
        judge.judge(measureId);
    }

    private static LocalDate later(LocalDate day, LocalDate other) {
        return day.isAfter(other) ? day : other;
    }
}
