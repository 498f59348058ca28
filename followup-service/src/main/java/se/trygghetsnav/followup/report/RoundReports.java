package se.trygghetsnav.followup.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;

import se.trygghetsnav.commons.security.Caller;
import se.trygghetsnav.followup.indicator.Indicators;
import se.trygghetsnav.followup.overview.FollowupOverview;
import se.trygghetsnav.followup.planprojection.ProjectedPlan;
import se.trygghetsnav.followup.planprojection.ProjectedUnit;
import se.trygghetsnav.followup.planprojection.UnitDirectory;
import se.trygghetsnav.followup.round.FollowupRound;
import se.trygghetsnav.followup.round.FollowupRounds;
import se.trygghetsnav.followup.round.MeasureInScope;
import se.trygghetsnav.followup.round.MeasureReport;
import se.trygghetsnav.plandocument.PlanDocument;

/**
 * Builds a round's {@link RoundReport} from the round, its plan revision as projected, the unit directory and the
 * plan's indicator series. Access follows the round's own reading: the coordinator and readers see every measure
 * and unit; a unit user sees their unit's reports (the plan's other measures keep the plan's own texts).
 */
@Service
public class RoundReports {

    private final FollowupRounds rounds;
    private final FollowupOverview overview;
    private final UnitDirectory unitDirectory;
    private final Indicators indicators;

    public RoundReports(FollowupRounds rounds, FollowupOverview overview, UnitDirectory unitDirectory,
            Indicators indicators) {
        this.rounds = rounds;
        this.overview = overview;
        this.unitDirectory = unitDirectory;
        this.indicators = indicators;
    }

    public RoundReport report(UUID roundId, Caller caller) {
        FollowupRound round = rounds.get(roundId);
        ProjectedPlan plan = overview.plan(round.getPlanId());
        Set<UUID> unitIds = new java.util.HashSet<>();
        plan.getMeasures().forEach(measure -> unitIds.addAll(measure.responsibleUnitIds()));
        round.getScope().forEach(measure -> unitIds.addAll(measure.responsibleUnitIds()));
        Map<UUID, ProjectedUnit> units = unitDirectory.units(unitIds);
        Set<UUID> ownUnits = rounds.callersUnits(caller, unitIds);
        boolean whole = FollowupRounds.seesWholeOrganisation(caller);
        Predicate<UUID> visibleUnit = whole ? unit -> true : ownUnits::contains;
        Predicate<MeasureInScope> visible = measure -> measure.responsibleUnitIds().stream().anyMatch(visibleUnit);

        List<MeasureInScope> scope = inPlanOrder(round.getScope(), plan);
        Map<String, String> texts = new LinkedHashMap<>();
        List<RoundReport.MeasureStatus> statuses = new ArrayList<>();
        for (MeasureInScope measure : scope) {
            if (!visible.test(measure)) {
                continue;
            }
            Optional<MeasureReport> report = round.currentReport(measure.measureId());
            String text = report.map(FollowUpTexts::of).orElse(null);
            if (text != null) {
                texts.put(measure.measureId().toString(), text);
            }
            statuses.add(new RoundReport.MeasureStatus(measure.measureId(), measure.title(),
                    measure.responsibleUnitIds().stream().map(id -> name(id, units)).toList(),
                    report.map(MeasureReport::status).orElse(null),
                    report.map(r -> FollowUpTexts.statusInSwedish(r.status())).orElse(null), text,
                    report.map(MeasureReport::revision).orElse(null), report.map(MeasureReport::submittedAt).orElse(null),
                    report.map(MeasureReport::occurrencesHeld).orElse(null),
                    report.map(MeasureReport::occurrencesPlanned).orElse(measure.plannedOccurrences())));
        }
        PlanDocument document = PlanDocuments.of(plan, units).withMeasureTexts(RoundReport.FOLLOW_UP_COLUMN, texts);
        return new RoundReport(round.getId(), round.getName(), round.getKind(), round.getPeriodStart(),
                round.getPeriodEnd(), round.getDueDate(), round.getStatus(), plan.getId(), document, statuses,
                unitReporting(round, scope, units, visibleUnit), indicators.compare(plan));
    }

    private static List<RoundReport.UnitReporting> unitReporting(FollowupRound round, List<MeasureInScope> scope,
            Map<UUID, ProjectedUnit> units, Predicate<UUID> visibleUnit) {
        Map<UUID, List<MeasureInScope>> byUnit = new LinkedHashMap<>();
        for (MeasureInScope measure : scope) {
            for (UUID unit : measure.responsibleUnitIds()) {
                byUnit.computeIfAbsent(unit, ignored -> new ArrayList<>()).add(measure);
            }
        }
        return byUnit.entrySet().stream().filter(entry -> visibleUnit.test(entry.getKey())).map(entry -> {
            List<String> missing = entry.getValue().stream()
                    .filter(measure -> round.currentReport(measure.measureId()).isEmpty())
                    .map(MeasureInScope::title).toList();
            return new RoundReport.UnitReporting(entry.getKey(), name(entry.getKey(), units), entry.getValue().size(),
                    entry.getValue().size() - missing.size(), missing);
        }).sorted(Comparator.comparing(RoundReport.UnitReporting::name).thenComparing(RoundReport.UnitReporting::unitId))
                .toList();
    }

    /** The round's measures in the order the plan's tables show them; measures the plan no longer has last. */
    private static List<MeasureInScope> inPlanOrder(List<MeasureInScope> scope, ProjectedPlan plan) {
        List<UUID> order = new ArrayList<>();
        for (ProjectedPlan.FocusArea area : plan.getFocusAreas()) {
            plan.getProblems().stream().filter(problem -> problem.focusAreaId().equals(area.focusAreaId()))
                    .forEach(problem -> plan.getMeasures().stream()
                            .filter(measure -> measure.problemId().equals(problem.problemId()))
                            .forEach(measure -> order.add(measure.measureId())));
        }
        Map<UUID, Integer> position = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.putIfAbsent(order.get(i), i);
        }
        return scope.stream().sorted(Comparator.comparing(
                (MeasureInScope measure) -> position.getOrDefault(measure.measureId(), Integer.MAX_VALUE))).toList();
    }

    private static String name(UUID unitId, Map<UUID, ProjectedUnit> units) {
        ProjectedUnit unit = units.get(unitId);
        return unit == null ? unitId.toString() : unit.name();
    }
}
