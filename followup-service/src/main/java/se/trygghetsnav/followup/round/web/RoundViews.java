package se.trygghetsnav.followup.round.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.followup.planprojection.ProjectedUnit;
import se.trygghetsnav.followup.round.FollowupRound;
import se.trygghetsnav.followup.round.MeasureInScope;
import se.trygghetsnav.followup.round.MeasureReport;
import se.trygghetsnav.followup.round.ReportStatus;
import se.trygghetsnav.followup.round.RoundKind;

/** The round resources as the API shows them. */
final class RoundViews {

    private RoundViews() {
    }

    /** A round with the measures it follows up (for a unit user: their unit's measures) and their report state. */
    record RoundView(UUID id, UUID planId, UUID seriesId, RoundKind kind, String name, LocalDate periodStart,
            LocalDate periodEnd, LocalDate dueDate, FollowupRound.RoundStatus status, Instant openedAt,
            @Nullable Instant closedAt, List<ScopeEntry> measures) {

        static RoundView of(FollowupRound round, Map<UUID, ProjectedUnit> units, Predicate<MeasureInScope> visible) {
            return new RoundView(round.getId(), round.getPlanId(), round.getSeriesId(), round.getKind(), round.getName(),
                    round.getPeriodStart(), round.getPeriodEnd(), round.getDueDate(), round.getStatus(),
                    round.getOpenedAt(), round.getClosedAt(), round.getScope().stream().filter(visible)
                            .map(measure -> ScopeEntry.of(measure, round.currentReport(measure.measureId()), units))
                            .toList());
        }
    }

    /** A round in a list: its figures without its measures. */
    record RoundSummary(UUID id, UUID planId, RoundKind kind, String name, LocalDate periodStart, LocalDate periodEnd,
            LocalDate dueDate, FollowupRound.RoundStatus status, int measuresInScope, int measuresReported) {

        static RoundSummary of(FollowupRound round) {
            return new RoundSummary(round.getId(), round.getPlanId(), round.getKind(), round.getName(),
                    round.getPeriodStart(), round.getPeriodEnd(), round.getDueDate(), round.getStatus(),
                    round.getScope().size(), round.getReports().size());
        }
    }

    record ScopeEntry(UUID measureId, UUID focusAreaId, UUID problemId, String title, @Nullable LocalDate deadline,
            List<UnitRef> responsibleUnits, List<String> followUpCriteria, @Nullable Integer plannedOccurrences,
            @Nullable ReportState report) {

        static ScopeEntry of(MeasureInScope measure, Optional<MeasureReport> report, Map<UUID, ProjectedUnit> units) {
            return new ScopeEntry(measure.measureId(), measure.focusAreaId(), measure.problemId(), measure.title(),
                    measure.deadline(), UnitRef.all(measure.responsibleUnitIds(), units), measure.followUpCriteria(),
                    measure.plannedOccurrences(), report.map(r -> new ReportState(r.status(), r.revision(), r.submittedAt()))
                            .orElse(null));
        }
    }

    /** Where a measure's report stands, without its text. */
    record ReportState(ReportStatus status, int revision, Instant submittedAt) {
    }

    record UnitRef(UUID unitId, @Nullable String name) {

        static List<UnitRef> all(List<UUID> unitIds, Map<UUID, ProjectedUnit> units) {
            return unitIds.stream().map(id -> new UnitRef(id, units.containsKey(id) ? units.get(id).name() : null)).toList();
        }
    }

    /** One revision of a measure's report. The ETag of the current revision is its revision number. */
    record ReportView(UUID roundId, UUID measureId, String measureTitle, int revision, ReportStatus status,
            @Nullable String narrative, List<AnswerView> answers, @Nullable Integer occurrencesHeld,
            @Nullable Integer occurrencesPlanned, String submittedBy, @Nullable UUID submittedByUnitId, Instant submittedAt) {

        static ReportView of(UUID roundId, MeasureInScope measure, MeasureReport report) {
            return new ReportView(roundId, measure.measureId(), measure.title(), report.revision(), report.status(),
                    report.narrative(), report.answers().stream().map(AnswerView::of).toList(), report.occurrencesHeld(),
                    report.occurrencesPlanned(), report.submittedBy(), report.submittedByUnitId(), report.submittedAt());
        }
    }

    record AnswerView(int criterionIndex, String criterion, @Nullable BigDecimal number, @Nullable String text) {

        static AnswerView of(MeasureReport.Answer answer) {
            return new AnswerView(answer.criterionIndex(), answer.criterion(), answer.number(), answer.text());
        }
    }

    /**
     * How complete a round's reporting is, per responsible unit: a measure counts as reported for each of its
     * units once anyone has reported on it.
     */
    record Completeness(UUID roundId, FollowupRound.RoundStatus status, LocalDate dueDate, int measuresInScope,
            int measuresReported, boolean complete, List<UnitCompleteness> units) {

        static Completeness of(FollowupRound round, Map<UUID, ProjectedUnit> units, Predicate<UUID> visibleUnit) {
            Map<UUID, List<MeasureInScope>> byUnit = new java.util.LinkedHashMap<>();
            for (MeasureInScope measure : round.getScope()) {
                for (UUID unit : measure.responsibleUnitIds()) {
                    byUnit.computeIfAbsent(unit, ignored -> new java.util.ArrayList<>()).add(measure);
                }
            }
            List<UnitCompleteness> perUnit = byUnit.entrySet().stream().filter(entry -> visibleUnit.test(entry.getKey()))
                    .map(entry -> UnitCompleteness.of(entry.getKey(), units.get(entry.getKey()), entry.getValue(), round))
                    .sorted(Comparator.comparing((UnitCompleteness unit) -> unit.name() == null ? "" : unit.name())
                            .thenComparing(UnitCompleteness::unitId))
                    .toList();
            int reported = (int) round.getScope().stream()
                    .filter(measure -> round.currentReport(measure.measureId()).isPresent()).count();
            return new Completeness(round.getId(), round.getStatus(), round.getDueDate(), round.getScope().size(), reported,
                    reported == round.getScope().size(), perUnit);
        }
    }

    record UnitCompleteness(UUID unitId, @Nullable String name, int measures, int reported, boolean complete,
            List<MissingReport> missing) {

        static UnitCompleteness of(UUID unitId, @Nullable ProjectedUnit unit, List<MeasureInScope> measures,
                FollowupRound round) {
            List<MissingReport> missing = measures.stream()
                    .filter(measure -> round.currentReport(measure.measureId()).isEmpty())
                    .map(measure -> new MissingReport(measure.measureId(), measure.title())).toList();
            return new UnitCompleteness(unitId, unit == null ? null : unit.name(), measures.size(),
                    measures.size() - missing.size(), missing.isEmpty(), missing);
        }
    }

    record MissingReport(UUID measureId, String title) {
    }
}
