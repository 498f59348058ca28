package se.trygghetsnav.followup.overdue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import se.trygghetsnav.commons.aggregate.AggregateStore;
import se.trygghetsnav.commons.aggregate.EventContext;
import se.trygghetsnav.commons.autoconfigure.ServiceCommonsAutoConfiguration;
import se.trygghetsnav.followup.planprojection.TrackedMeasure;
import se.trygghetsnav.followup.planprojection.TrackedMeasures;
import se.trygghetsnav.followup.round.LatestReports;
import se.trygghetsnav.followup.round.ReportStatus;

/**
 * Decides whether a measure is overdue and stores the transition: overdue when it is in force, its deadline is
 * before today (Europe/Stockholm) and its latest report in any round of its plan series is neither DONE nor
 * CANCELLED.
 *
 * <p>Safe to run anywhere at any time, as often as wanted: by the sweep, after a plan was adopted or archived,
 * after a report. Each transition is written with its event under the watch's version, so of two concurrent
 * judges only one stores it. After storing, the judge reads the facts again: a report stored meanwhile, whose
 * own judge saw the measure before this transition, is caught here, so the two writers cannot both miss each
 * other.
 */
@Component
public class OverdueJudge {

    private static final Logger log = LoggerFactory.getLogger(OverdueJudge.class);
    private static final int ATTEMPTS = 8;

    private final AggregateStore<DeadlineWatch> watches;
    private final TrackedMeasures trackedMeasures;
    private final LatestReports latestReports;
    private final EventContext context;
    private final Clock clock;
    private final MeterRegistry meters;

    public OverdueJudge(AggregateStore<DeadlineWatch> watches, TrackedMeasures trackedMeasures, LatestReports latestReports,
            EventContext context, Clock clock, MeterRegistry meters) {
        this.meters = meters;
        this.watches = watches;
        this.trackedMeasures = trackedMeasures;
        this.latestReports = latestReports;
        this.context = context;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ServiceCommonsAutoConfiguration.STOCKHOLM);
    }

    /** Judges one measure and stores any transition; repeats until the stored state matches the facts. */
    public void judge(UUID measureId) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<TrackedMeasure> found = trackedMeasures.find(measureId);
            if (found.isEmpty()) {
                return;
            }
            TrackedMeasure measure = found.get();
            Optional<DeadlineWatch> stored = watches.findById(measureId);
            boolean overdue = stored.map(DeadlineWatch::isOverdue).orElse(false);
            LocalDate today = today();
            Optional<LatestReports.LatestReport> latest = latestReports.of(measure.seriesId(), measureId);
            Verdict verdict = verdict(measure, latest.orElse(null), today);
            boolean shouldBeOverdue = verdict == Verdict.OVERDUE;
            if (verdict == Verdict.KEEP || shouldBeOverdue == overdue) {
                return;
            }
            DeadlineWatch watch = stored.orElseGet(() -> DeadlineWatch.first(measure));
            if (verdict == Verdict.OVERDUE) {
                watch.becameOverdue(measure, today, context);
            }
            else {
                ClearReason reason = reasonToClear(measure, latest.orElse(null), today);
                watch.cleared(measure, reason, reason.name().startsWith("REPORTED") ? latest.get().roundId() : null, today,
                        context);
            }
            try {
                watches.save(watch);
                Counter.builder("trygghetsnav.followup.overdue.transitions")
                        .description("Measures becoming overdue, or no longer overdue")
                        .tag("to", watch.isOverdue() ? "overdue" : "cleared")
                        .tag("organisation", measure.organisationId())
                        .register(meters).increment();
                log.info("Measure {} of plan {} {} ({})", measureId, measure.planId(), watch.isOverdue() ? "is overdue"
                        : "is no longer overdue", watch.isOverdue() ? "deadline " + measure.deadline() : watch.getClearReason());
            }
            catch (OptimisticLockingFailureException | DuplicateKeyException judgedMeanwhile) {
                log.debug("Measure {} was judged by someone else meanwhile; judging again", measureId);
            }
        }
        log.warn("Measure {} kept changing while being judged; the next sweep judges it again", measureId);
    }

    private enum Verdict {
        OVERDUE, NOT_OVERDUE, KEEP
    }

    private static Verdict verdict(TrackedMeasure measure, LatestReports.@Nullable LatestReport latest, LocalDate today) {
        if (!measure.inForce()) {
            // A superseded revision's measures wait for the successor's adoption, which says whether they continue.
            return TrackedMeasure.SUPERSEDED.equals(measure.notInForceReason()) ? Verdict.KEEP : Verdict.NOT_OVERDUE;
        }
        if (latest != null && latest.status().completes()) {
            return Verdict.NOT_OVERDUE;
        }
        return measure.deadline() != null && measure.deadline().isBefore(today) ? Verdict.OVERDUE : Verdict.NOT_OVERDUE;
    }

    private static ClearReason reasonToClear(TrackedMeasure measure, LatestReports.@Nullable LatestReport latest,
            LocalDate today) {
        if (!measure.inForce()) {
            return ClearReason.NO_LONGER_IN_FORCE;
        }
        if (latest != null && latest.status().completes()) {
            return latest.status() == ReportStatus.DONE ? ClearReason.REPORTED_DONE : ClearReason.REPORTED_CANCELLED;
        }
        return ClearReason.DEADLINE_MOVED;
    }
}
