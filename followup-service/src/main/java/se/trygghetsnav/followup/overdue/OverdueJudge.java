package se.trygghetsnav.followup.overdue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
    private static final int CHUNK = 500;

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
                transitioned(measure, watch.isOverdue());
                log.info("Measure {} of plan {} {} ({})", measureId, measure.planId(), watch.isOverdue() ? "is overdue"
                        : "is no longer overdue", watch.isOverdue() ? "deadline " + measure.deadline() : watch.getClearReason());
            }
            catch (OptimisticLockingFailureException | DuplicateKeyException judgedMeanwhile) {
                log.debug("Measure {} was judged by someone else meanwhile; judging again", measureId);
            }
        }
        log.warn("Measure {} kept changing while being judged; the next sweep judges it again", measureId);
    }

    /**
     * Judges many measures (a sweep's), a chunk at a time, with the facts of a chunk read in bulk: measures,
     * watches and each plan series' reports once. Measures becoming overdue for the first time, the usual case on
     * a due day, are stored together in one bulk insert and then checked against the facts again, as
     * {@link #judge} does; anything else that changes, or whose facts moved meanwhile, is judged one by one.
     *
     * @return how many measures could not be judged (their chunk failed); the sweep reads their day again
     */
    public int judgeAll(Collection<UUID> measureIds) {
        List<UUID> all = List.copyOf(new LinkedHashSet<>(measureIds));
        int failed = 0;
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<UUID> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            try {
                judgeChunk(chunk);
            }
            catch (RuntimeException ex) {
                failed += chunk.size();
                log.warn("Could not judge {} measure(s) starting with {}: {}", chunk.size(), chunk.getFirst(), ex.toString());
            }
        }
        return failed;
    }

    private void judgeChunk(List<UUID> measureIds) {
        LocalDate today = today();
        Facts facts = facts(measureIds);
        List<DeadlineWatch> firstTimeOverdue = new ArrayList<>();
        List<UUID> oneByOne = new ArrayList<>();
        for (UUID measureId : measureIds) {
            TrackedMeasure measure = facts.measures().get(measureId);
            if (measure == null) {
                continue;
            }
            DeadlineWatch stored = facts.watches().get(measureId);
            Verdict verdict = verdict(measure, facts.latest(measure), today);
            boolean overdue = stored != null && stored.isOverdue();
            if (verdict == Verdict.KEEP || (verdict == Verdict.OVERDUE) == overdue) {
                continue;
            }
            if (stored == null && verdict == Verdict.OVERDUE) {
                DeadlineWatch watch = DeadlineWatch.first(measure);
                watch.becameOverdue(measure, today, context);
                firstTimeOverdue.add(watch);
            }
            else {
                oneByOne.add(measureId);
            }
        }
        List<DeadlineWatch> notStored = watches.insertAll(firstTimeOverdue);
        Set<UUID> raced = notStored.stream().map(DeadlineWatch::getId).collect(Collectors.toSet());
        oneByOne.addAll(raced);
        List<UUID> stored = firstTimeOverdue.stream().map(DeadlineWatch::getId).filter(id -> !raced.contains(id)).toList();
        stored.forEach(id -> transitioned(facts.measures().get(id), true));
        // As after any transition: a report stored meanwhile, whose own judge saw no watch yet, is caught here.
        Facts after = facts(stored);
        for (UUID measureId : stored) {
            TrackedMeasure measure = after.measures().get(measureId);
            if (measure == null || verdict(measure, after.latest(measure), today()) != Verdict.OVERDUE) {
                oneByOne.add(measureId);
            }
        }
        oneByOne.forEach(this::judge);
    }

    /** What judging a chunk of measures needs, read in bulk. */
    private record Facts(Map<UUID, TrackedMeasure> measures, Map<UUID, DeadlineWatch> watches,
            Map<UUID, Map<UUID, LatestReports.LatestReport>> reportsBySeries) {

        LatestReports.@Nullable LatestReport latest(TrackedMeasure measure) {
            return reportsBySeries.getOrDefault(measure.seriesId(), Map.of()).get(measure.id());
        }
    }

    private Facts facts(List<UUID> measureIds) {
        Map<UUID, TrackedMeasure> measures = trackedMeasures.findAll(measureIds).stream()
                .collect(Collectors.toMap(TrackedMeasure::id, measure -> measure));
        Map<UUID, DeadlineWatch> stored = watches.findAllById(measureIds).stream()
                .collect(Collectors.toMap(DeadlineWatch::getId, watch -> watch));
        Map<UUID, Map<UUID, LatestReports.LatestReport>> reports = new HashMap<>();
        measures.values().stream().map(TrackedMeasure::seriesId).distinct()
                .forEach(series -> reports.put(series, latestReports.byMeasure(series)));
        return new Facts(measures, stored, reports);
    }

    private void transitioned(TrackedMeasure measure, boolean overdue) {
        Counter.builder("trygghetsnav.followup.overdue.transitions")
                .description("Measures becoming overdue, or no longer overdue")
                .tag("to", overdue ? "overdue" : "cleared")
                .tag("organisation", measure.organisationId())
                .register(meters).increment();
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
