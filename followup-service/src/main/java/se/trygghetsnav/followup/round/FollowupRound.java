package se.trygghetsnav.followup.round;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.HttpStatus;

import se.trygghetsnav.commons.aggregate.AggregateRoot;
import se.trygghetsnav.commons.aggregate.EventContext;
import se.trygghetsnav.commons.problem.ApiProblem;
import se.trygghetsnav.followup.round.events.MeasureReportCorrected;
import se.trygghetsnav.followup.round.events.MeasureReportSubmitted;
import se.trygghetsnav.followup.round.events.OccurrencesFellShort;
import se.trygghetsnav.followup.round.events.ReportMissing;
import se.trygghetsnav.followup.round.events.ReportFigures;
import se.trygghetsnav.followup.round.events.RoundClosed;
import se.trygghetsnav.followup.round.events.RoundOpened;

/**
 * A follow-up round (uppföljningsomgång) of one plan revision: the year-end follow-up, a tertial or a custom
 * period, with a due date by which every responsible unit must have reported on its measures. The measures in
 * scope are fixed when it opens. It holds each measure's current report; corrections are allowed until the
 * round closes, and every earlier revision is kept in the report history.
 *
 * <p>One document per round, so opening, every report and closing are each one atomic write with their event,
 * and one round's events stay in order on {@code followup.events} (keyed by the round id).
 */
@Document("followup_rounds")
// Exactly the keys of reads and versioned saves, by the system and within a tenant: the only indexes the embedded
// server uses (architecture.md).
@CompoundIndex(name = "version_guard", def = "{'_id': 1, 'version': 1}", unique = true)
@CompoundIndex(name = "tenant_read", def = "{'_id': 1, 'organisationId': 1}", unique = true)
@CompoundIndex(name = "tenant_write", def = "{'_id': 1, 'version': 1, 'organisationId': 1}", unique = true)
public class FollowupRound extends AggregateRoot {

    private UUID planId;

    private UUID seriesId;

    private RoundKind kind;

    private String name;

    private LocalDate periodStart;

    private LocalDate periodEnd;

    private LocalDate dueDate;

    private RoundStatus status;

    private Instant openedAt;

    private @Nullable Instant closedAt;

    private List<MeasureInScope> scope = new ArrayList<>();

    private List<MeasureReport> reports = new ArrayList<>();

    /** "unitId|measureId" of every missing report announced after the due date: each is announced once. */
    private List<String> missingAnnounced = new ArrayList<>();

    /** Recurring measures announced as having fallen short of their planned occurrences: each once. */
    private List<UUID> shortfallsAnnounced = new ArrayList<>();

    /** For the object mapper. */
    protected FollowupRound() {
    }

    private FollowupRound(UUID id, String organisationId) {
        super(id, organisationId);
    }

    /** Opens a round for a plan with the measures it follows up. */
    public static FollowupRound open(UUID id, String organisationId, UUID planId, UUID seriesId, RoundKind kind, String name,
            LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate, List<MeasureInScope> scope, EventContext context) {
        FollowupRound round = new FollowupRound(id, organisationId);
        round.planId = planId;
        round.seriesId = seriesId;
        round.kind = kind;
        round.name = name;
        round.periodStart = periodStart;
        round.periodEnd = periodEnd;
        round.dueDate = dueDate;
        round.status = RoundStatus.OPEN;
        round.openedAt = context.now();
        round.scope = new ArrayList<>(scope);
        round.raise(version -> new RoundOpened(context.newId(), id, version, organisationId, round.openedAt, planId,
                seriesId, kind.name(), name, periodStart, periodEnd, dueDate, scope.stream()
                        .map(measure -> new RoundOpened.Measure(measure.measureId(), measure.title(),
                                measure.responsibleUnitIds(), measure.plannedOccurrences()))
                        .toList()));
        return round;
    }

    /**
     * Stores a measure's report: its first revision, or a correction of the current one.
     *
     * @return the new report
     */
    public MeasureReport report(UUID measureId, ReportContent content, String submittedBy, @Nullable UUID submittedByUnitId,
            EventContext context) {
        requireOpen();
        MeasureInScope measure = measureInScope(measureId)
                .orElseThrow(() -> new IllegalArgumentException("Measure " + measureId + " is not in round " + getId()));
        Optional<MeasureReport> current = currentReport(measureId);
        MeasureReport report = new MeasureReport(measureId, current.map(MeasureReport::revision).orElse(0) + 1,
                content.status(), content.narrative(), content.answers(), content.occurrencesHeld(),
                measure.plannedOccurrences(), submittedBy, submittedByUnitId, context.now());
        reports.removeIf(existing -> existing.measureId().equals(measureId));
        reports.add(report);
        List<ReportFigures> figures = report.answers().stream().filter(answer -> answer.number() != null)
                .map(answer -> new ReportFigures(answer.criterionIndex(), answer.number())).toList();
        if (current.isEmpty()) {
            raise(version -> new MeasureReportSubmitted(context.newId(), getId(), version, getOrganisationId(),
                    report.submittedAt(), planId, measureId, report.revision(), report.status().name(),
                    measure.responsibleUnitIds(), submittedByUnitId, figures, report.occurrencesHeld(),
                    report.occurrencesPlanned()));
        }
        else {
            raise(version -> new MeasureReportCorrected(context.newId(), getId(), version, getOrganisationId(),
                    report.submittedAt(), planId, measureId, report.revision(), report.status().name(),
                    current.get().status().name(), measure.responsibleUnitIds(), submittedByUnitId, figures,
                    report.occurrencesHeld(), report.occurrencesPlanned()));
        }
        return report;
    }

    /** Closes the round: its reports are final. */
    public void close(EventContext context) {
        requireOpen();
        status = RoundStatus.CLOSED;
        closedAt = context.now();
        raise(version -> new RoundClosed(context.newId(), getId(), version, getOrganisationId(), closedAt, planId,
                scope.size(), reports.size()));
    }

    /**
     * After the due date of an open round: announces each responsible unit's missing report on each measure
     * nobody has reported on, each once.
     *
     * @return how many were announced now
     */
    public int announceMissingReports(LocalDate today, EventContext context) {
        if (status != RoundStatus.OPEN || !today.isAfter(dueDate)) {
            return 0;
        }
        int announced = 0;
        for (MeasureInScope measure : scope) {
            if (currentReport(measure.measureId()).isPresent()) {
                continue;
            }
            for (UUID unit : measure.responsibleUnitIds()) {
                String key = unit + "|" + measure.measureId();
                if (!missingAnnounced.contains(key)) {
                    missingAnnounced.add(key);
                    raise(version -> new ReportMissing(context.newId(), getId(), version, getOrganisationId(), context.now(),
                            planId, measure.measureId(), measure.title(), unit, dueDate));
                    announced++;
                }
            }
        }
        return announced;
    }

    /**
     * After the round's period: announces each recurring measure reported with fewer occurrences than planned,
     * each once.
     *
     * @return how many were announced now
     */
    public int announceShortfalls(LocalDate today, EventContext context) {
        if (!today.isAfter(periodEnd)) {
            return 0;
        }
        int announced = 0;
        for (MeasureInScope measure : scope) {
            Optional<MeasureReport> report = currentReport(measure.measureId());
            if (measure.recurring() && report.isPresent() && report.get().occurrencesHeld() != null
                    && report.get().occurrencesHeld() < measure.plannedOccurrences()
                    && !shortfallsAnnounced.contains(measure.measureId())) {
                shortfallsAnnounced.add(measure.measureId());
                int held = report.get().occurrencesHeld();
                raise(version -> new OccurrencesFellShort(context.newId(), getId(), version, getOrganisationId(),
                        context.now(), planId, measure.measureId(), measure.title(), measure.responsibleUnitIds(),
                        periodStart, periodEnd, held, measure.plannedOccurrences()));
                announced++;
            }
        }
        return announced;
    }

    private void requireOpen() {
        if (status != RoundStatus.OPEN) {
            throw new ApiProblem(HttpStatus.CONFLICT, "round-closed", name);
        }
    }

    public Optional<MeasureInScope> measureInScope(UUID measureId) {
        return scope.stream().filter(measure -> measure.measureId().equals(measureId)).findFirst();
    }

    public Optional<MeasureReport> currentReport(UUID measureId) {
        return reports.stream().filter(report -> report.measureId().equals(measureId)).findFirst();
    }

    public UUID getPlanId() {
        return planId;
    }

    public UUID getSeriesId() {
        return seriesId;
    }

    public RoundKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public RoundStatus getStatus() {
        return status;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public @Nullable Instant getClosedAt() {
        return closedAt;
    }

    public List<MeasureInScope> getScope() {
        return List.copyOf(scope);
    }

    public List<MeasureReport> getReports() {
        return List.copyOf(reports);
    }

    /** What a report says, before the round gives it a revision and a time. */
    public record ReportContent(ReportStatus status, @Nullable String narrative, List<MeasureReport.Answer> answers,
            @Nullable Integer occurrencesHeld) {
    }

    public enum RoundStatus {
        OPEN, CLOSED
    }
}
