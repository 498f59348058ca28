package se.trygghetsnav.followup.round;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import se.trygghetsnav.commons.aggregate.AggregateStore;
import se.trygghetsnav.commons.aggregate.EventContext;
import se.trygghetsnav.commons.problem.ApiProblem;
import se.trygghetsnav.commons.problem.ResourceNotFoundException;
import se.trygghetsnav.commons.security.Caller;
import se.trygghetsnav.commons.security.Role;
import se.trygghetsnav.commons.web.ETags;
import se.trygghetsnav.followup.planprojection.ProjectedPlan;
import se.trygghetsnav.followup.planprojection.ProjectedUnit;
import se.trygghetsnav.followup.planprojection.UnitDirectory;
import se.trygghetsnav.followup.text.FreeTextGuard;

/**
 * The use cases of follow-up rounds: opening one for a plan, reporting on its measures, correcting reports while
 * it is open, and closing it. Access follows the caller: a coordinator may do everything in the organisation; a
 * unit user reports on and reads the reports of the measures their unit is responsible for.
 */
@Service
public class FollowupRounds {

    private static final Logger log = LoggerFactory.getLogger(FollowupRounds.class);
    private static final int ATTEMPTS = 5;
    private static final java.time.ZoneId STOCKHOLM = java.time.ZoneId.of("Europe/Stockholm");

    private final AggregateStore<FollowupRound> store;
    private final MongoOperations mongo;
    private final RoundIndex index;
    private final ReportHistory history;
    private final EventContext context;
    private final FreeTextGuard freeText;
    private final UnitDirectory units;
    private final List<RoundListener> listeners;

    public FollowupRounds(AggregateStore<FollowupRound> store, MongoOperations mongo, RoundIndex index,
            ReportHistory history, EventContext context, FreeTextGuard freeText, UnitDirectory units,
            List<RoundListener> listeners) {
        this.units = units;
        this.store = store;
        this.mongo = mongo;
        this.index = index;
        this.history = history;
        this.context = context;
        this.freeText = freeText;
        this.listeners = listeners;
    }

    /**
     * Opens a round for an adopted (or superseded) plan of the caller's organisation with all the plan's measures
     * in scope. The round's id follows from the plan, kind, period and name, so opening the same round twice
     * (a double click, a retried request) is refused rather than doubled.
     */
    public FollowupRound open(ProjectedPlan plan, RoundKind kind, String name, LocalDate periodStart, LocalDate periodEnd,
            LocalDate dueDate) {
        if (!plan.isOrWasInForce()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "plan-not-in-force", plan.getStatus().name());
        }
        List<MeasureInScope> scope = plan.getMeasures().stream().map(measure -> new MeasureInScope(measure.measureId(),
                measure.focusAreaId(), measure.problemId(), measure.title(), measure.dueDate(), measure.responsibleUnitIds(),
                measure.followUpCriteria(), Occurrences.planned(measure.schedule(), periodStart, periodEnd))).toList();
        UUID id = UUID.nameUUIDFromBytes(String.join("|", "round", plan.getId().toString(), kind.name(),
                periodStart.toString(), periodEnd.toString(), name.strip().toLowerCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8));
        FollowupRound round = FollowupRound.open(id, plan.getOrganisationId(), plan.getId(), plan.getSeriesId(), kind,
                name.strip(), periodStart, periodEnd, dueDate, scope, context);
        // Indexed first: an index entry without its round is skipped by readers, a round without its entry is lost.
        index.add(plan.getSeriesId(), plan.getOrganisationId(), id);
        listeners.forEach(listener -> listener.beforeRoundStored(round));
        try {
            store.save(round);
        }
        catch (DuplicateKeyException exists) {
            throw new ApiProblem(HttpStatus.CONFLICT, "round-exists", "problem.round-exists.detail",
                    Map.of("roundId", id.toString()), name.strip());
        }
        log.info("Round {} ({}) opened for plan {} with {} measure(s), due {}", id, kind, plan.getId(), scope.size(), dueDate);
        return round;
    }

    /** A round of the caller's organisation; another organisation's is not found. */
    public FollowupRound get(UUID roundId) {
        return store.findById(roundId).orElseThrow(() -> new ResourceNotFoundException("round", roundId));
    }

    /** The rounds of a plan revision, oldest period first. */
    public List<FollowupRound> ofPlan(ProjectedPlan plan) {
        return ofSeries(plan.getSeriesId()).stream().filter(round -> round.getPlanId().equals(plan.getId())).toList();
    }

    /** The rounds of every revision of a plan series, oldest period first. */
    public List<FollowupRound> ofSeries(UUID seriesId) {
        List<UUID> ids = index.roundIds(seriesId);
        if (ids.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), FollowupRound.class).stream()
                .sorted(Comparator.comparing(FollowupRound::getPeriodStart).thenComparing(FollowupRound::getOpenedAt))
                .toList();
    }

    public FollowupRound close(UUID roundId, @Nullable String ifMatch) {
        FollowupRound round = get(roundId);
        ETags.checkIfPresent(ifMatch, round.getVersion());
        round.close(context);
        store.save(round);
        log.info("Round {} closed with {} of {} measure(s) reported", roundId, round.getReports().size(),
                round.getScope().size());
        return round;
    }

    /**
     * Stores a report on a measure of an open round: its first revision or a correction. {@code ifMatch} is
     * checked against the report's revision (not the round's version: other units report on other measures of
     * the same round meanwhile, and that must not make this caller's copy stale). Concurrent writes to the round
     * are retried.
     */
    public StoredReport report(UUID roundId, UUID measureId, Caller caller, @Nullable String ifMatch,
            FollowupRound.ReportContent content) {
        refusePersonalIdentityNumbers(content);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            FollowupRound round = get(roundId);
            MeasureInScope measure = reportable(round, measureId, caller);
            validateAgainst(measure, content);
            Optional<MeasureReport> current = round.currentReport(measureId);
            ETags.checkIfPresent(ifMatch, current.map(MeasureReport::revision).orElse(0));
            current.ifPresent(replaced -> history.keep(round, replaced));
            MeasureReport report = round.report(measureId, content, caller.subject(),
                    caller.has(Role.COORDINATOR) ? null
                            : callersUnits(caller, measure.responsibleUnitIds()).stream().findFirst().orElse(null),
                    context);
            listeners.forEach(listener -> listener.beforeReportStored(round, measureId));
            try {
                store.save(round);
            }
            catch (OptimisticLockingFailureException concurrentReport) {
                log.debug("Round {} changed while reporting on measure {}; trying again", roundId, measureId);
                continue;
            }
            log.info("Measure {} reported {} in round {} (revision {})", measureId, report.status(), roundId,
                    report.revision());
            listeners.forEach(listener -> notify(() -> listener.afterReportStored(round, measureId)));
            if (LocalDate.ofInstant(context.now(), STOCKHOLM).isAfter(round.getPeriodEnd())) {
                // Reported after the period: a recurring measure short of its plan is known now.
                notify(() -> announceLateness(roundId));
            }
            return new StoredReport(round, measure, report, current.isEmpty());
        }
        throw new OptimisticLockingFailureException("Round " + roundId + " kept changing while reporting");
    }

    /**
     * Announces the missing reports of a round past its due date and the recurring measures that fell short in its
     * ended period, each once (the sweep and report submissions call it; concurrent calls are retried).
     */
    public void announceLateness(UUID roundId) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<FollowupRound> found = store.findById(roundId);
            if (found.isEmpty()) {
                return;
            }
            FollowupRound round = found.get();
            LocalDate today = LocalDate.ofInstant(context.now(), STOCKHOLM);
            int missing = round.announceMissingReports(today, context);
            int short_ = round.announceShortfalls(today, context);
            if (missing + short_ == 0) {
                return;
            }
            try {
                store.save(round);
                log.info("Round {}: {} missing report(s) and {} shortfall(s) announced", roundId, missing, short_);
                return;
            }
            catch (OptimisticLockingFailureException changed) {
                log.debug("Round {} changed while announcing lateness; trying again", roundId);
            }
        }
        throw new OptimisticLockingFailureException("Round " + roundId + " kept changing while announcing lateness");
    }

    /** The current report on a measure, for a caller who may read it. */
    public StoredReport currentReport(UUID roundId, UUID measureId, Caller caller) {
        FollowupRound round = get(roundId);
        MeasureInScope measure = readable(round, measureId, caller);
        MeasureReport report = round.currentReport(measureId)
                .orElseThrow(() -> new ResourceNotFoundException("report", measureId));
        return new StoredReport(round, measure, report, false);
    }

    /** Every revision of a measure's report, oldest first, the current one last. */
    public List<MeasureReport> reportHistory(UUID roundId, UUID measureId, Caller caller) {
        FollowupRound round = get(roundId);
        readable(round, measureId, caller);
        MeasureReport current = round.currentReport(measureId)
                .orElseThrow(() -> new ResourceNotFoundException("report", measureId));
        List<MeasureReport> revisions = new ArrayList<>(history.before(roundId, measureId, current.revision()));
        revisions.add(current);
        return revisions;
    }

    /** Whether the caller sees every measure of the round, or only those of their unit. */
    public static boolean seesWholeOrganisation(Caller caller) {
        return caller.has(Role.COORDINATOR) || caller.has(Role.READER);
    }

    private MeasureInScope reportable(FollowupRound round, UUID measureId, Caller caller) {
        MeasureInScope measure = inScope(round, measureId);
        if (!caller.has(Role.COORDINATOR) && callersUnits(caller, measure.responsibleUnitIds()).isEmpty()) {
            throw notResponsible(measureId);
        }
        return measure;
    }

    private MeasureInScope readable(FollowupRound round, UUID measureId, Caller caller) {
        MeasureInScope measure = inScope(round, measureId);
        if (!seesWholeOrganisation(caller) && callersUnits(caller, measure.responsibleUnitIds()).isEmpty()) {
            throw notResponsible(measureId);
        }
        return measure;
    }

    /** A 403 of the common kind, saying why: the caller's unit is not responsible for the measure. */
    private static ApiProblem notResponsible(UUID measureId) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden.detail.not-responsible-unit", Map.of(),
                measureId);
    }

    private static MeasureInScope inScope(FollowupRound round, UUID measureId) {
        return round.measureInScope(measureId).orElseThrow(() -> new ResourceNotFoundException("measure-in-round", measureId));
    }

    /**
     * Which of {@code unitIds} are the caller's unit, from the token's {@code org_unit} claim: the unit's id, or
     * (as the demo sign-in server issues it) the unit's abbreviation in the organisation's directory, e.g. KSK.
     */
    public Set<UUID> callersUnits(Caller caller, Collection<UUID> unitIds) {
        String claim = caller.orgUnit();
        if (claim == null || claim.isBlank() || unitIds.isEmpty()) {
            return Set.of();
        }
        try {
            UUID id = UUID.fromString(claim.strip());
            return unitIds.contains(id) ? Set.of(id) : Set.of();
        }
        catch (IllegalArgumentException notAnId) {
            return units.units(unitIds).values().stream()
                    .filter(unit -> unit.abbreviation() != null && unit.abbreviation().equalsIgnoreCase(claim.strip()))
                    .map(ProjectedUnit::id).collect(Collectors.toSet());
        }
    }

    private static void validateAgainst(MeasureInScope measure, FollowupRound.ReportContent content) {
        for (MeasureReport.Answer answer : content.answers()) {
            if (answer.criterionIndex() >= measure.followUpCriteria().size()) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-criterion", answer.criterionIndex(),
                        measure.followUpCriteria().size());
            }
        }
        if (content.occurrencesHeld() != null && !measure.recurring()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "not-recurring", measure.title());
        }
    }

    /** Narratives and text answers are kept and shown to others: a personnummer in them is refused (422). */
    private void refusePersonalIdentityNumbers(FollowupRound.ReportContent content) {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        texts.put("narrative", content.narrative());
        for (int i = 0; i < content.answers().size(); i++) {
            texts.put("answers[" + i + "].text", content.answers().get(i).text());
        }
        freeText.refusePersonalIdentityNumbers(texts);
    }

    private static void notify(Runnable call) {
        try {
            call.run();
        }
        catch (RuntimeException ex) {
            log.warn("Follow-up work after a round change failed; the sweep will repair it: {}", ex.toString());
        }
    }

    /** A stored report with its round and measure; {@code created} for a first revision. */
    public record StoredReport(FollowupRound round, MeasureInScope measure, MeasureReport report, boolean created) {

        public String roundName() {
            return Objects.requireNonNull(round.getName());
        }
    }
}
