package se.trygghetsnav.followup.overdue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import se.trygghetsnav.commons.tenancy.TenantScope;
import se.trygghetsnav.followup.round.FollowupRounds;

/**
 * The overdue sweep: judges the measures and rounds that fell due on the days since the last sweep, as the
 * {@link DueCalendar} lists them, so its cost grows with what falls due, not with everything stored.
 *
 * <p>One instance sweeps at a time (ShedLock, lock {@value #LOCK}); every transition it causes is guarded
 * again by the aggregate's version, so a sweep overlapping another (an expired lock) or a judge running after
 * a report still stores and announces each transition once. The last day swept is read again by the next
 * sweep, so an entry added for today after a sweep read today is still seen.
 */
@Component
public class OverdueSweep {

    static final String LOCK = "followup-overdue-sweep";
    static final String STATE_COLLECTION = "overdue_sweep";
    private static final String STATE_ID = "sweep";
    private static final Logger log = LoggerFactory.getLogger(OverdueSweep.class);

    private final DueCalendar calendar;
    private final OverdueJudge judge;
    private final FollowupRounds rounds;
    private final MongoOperations mongo;
    private final LockingTaskExecutor locks;
    private final OverdueProperties properties;

    public OverdueSweep(DueCalendar calendar, OverdueJudge judge, FollowupRounds rounds, MongoOperations mongo,
            LockingTaskExecutor locks, OverdueProperties properties) {
        this.calendar = calendar;
        this.judge = judge;
        this.rounds = rounds;
        this.mongo = mongo;
        this.locks = locks;
        this.properties = properties;
    }

    /**
     * Sweeps under the cluster-wide lock.
     *
     * @return what was swept; empty when another instance holds the lock
     */
    public Optional<SweepResult> sweep() {
        return TenantScope.callAsSystem(() -> {
            try {
                LockingTaskExecutor.TaskResult<SweepResult> result = locks.executeWithLock(
                        (LockingTaskExecutor.TaskWithResult<SweepResult>) this::sweepDaysSinceLast,
                        new LockConfiguration(Instant.now(), LOCK, properties.sweepLockAtMost(), Duration.ZERO));
                return result.wasExecuted() ? Optional.of(result.getResult()) : Optional.<SweepResult>empty();
            }
            catch (RuntimeException | Error ex) {
                throw ex;
            }
            catch (Throwable ex) {
                throw new IllegalStateException(ex);
            }
        });
    }

    /**
     * @param from the first day read from the due calendar
     * @param to the last day read (today)
     * @param entries the measures and rounds judged
     * @param failed how many of them could not be judged (the days are read again next time)
     */
    public record SweepResult(LocalDate from, LocalDate to, int entries, int failed) {
    }

    private SweepResult sweepDaysSinceLast() {
        LocalDate today = judge.today();
        Document state = mongo.findById(STATE_ID, Document.class, STATE_COLLECTION);
        LocalDate from = state == null ? today.minusDays(properties.firstSweepLookback().toDays())
                : LocalDate.parse(state.getString("lastSweptDay"));
        if (from.isAfter(today)) {
            // The clock went back (a corrected clock, or tests): sweep today.
            from = today;
        }
        Set<String> entries = calendar.entries(from, today);
        List<UUID> measures = new ArrayList<>();
        int failed = 0;
        for (String entry : entries) {
            UUID id = UUID.fromString(entry.substring(2));
            switch (entry.charAt(0)) {
                case 'M' -> measures.add(id);
                case 'R' -> {
                    try {
                        rounds.announceLateness(id);
                    }
                    catch (RuntimeException ex) {
                        failed++;
                        log.warn("Sweep could not judge {}: {}", entry, ex.toString());
                    }
                }
                default -> log.warn("Unknown due calendar entry {}", entry);
            }
        }
        // The day's measures together: their facts are read, and new overdue states stored, in bulk.
        failed += judge.judgeAll(measures);
        if (failed == 0) {
            mongo.upsert(Query.query(Criteria.where("_id").is(STATE_ID)), new Update().set("lastSweptDay", today.toString()),
                    STATE_COLLECTION);
        }
        log.info("Overdue sweep of {} to {}: {} entr(ies), {} failed", from, today, entries.size(), failed);
        return new SweepResult(from, today, entries.size(), failed);
    }
}
