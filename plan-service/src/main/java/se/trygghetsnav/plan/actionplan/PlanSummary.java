package se.trygghetsnav.plan.actionplan;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.plandocument.MeasureKind;

/**
 * The plan in figures: per focus area the problems, causes, goals and measures (as seed 002's
 * "Sammanställning över prioriterade områden"), and per responsible unit its measures by kind and by due
 * window.
 */
public record PlanSummary(List<AreaCount> focusAreas, AreaCount total, List<UnitLoad> responsibleUnits) {

    public record AreaCount(@Nullable UUID focusAreaId, String name, int problems, int causes, int goals, int measures) {
    }

    /** @param byKind keys POINT_EFFORT, ORDINARY_WORK and UNSPECIFIED */
    public record UnitLoad(UUID unitId, int measures, Map<String, Integer> byKind, Map<DueWindow, Integer> byDueWindow) {
    }

    public static PlanSummary of(ActionPlan plan, LocalDate today) {
        List<AreaCount> areas = plan.getFocusAreas().stream().map(area -> new AreaCount(area.id(), area.content().name(),
                area.problems().size(),
                area.problems().stream().mapToInt(problem -> problem.causes().size()).sum(),
                area.problems().stream().mapToInt(problem -> problem.goals().size()).sum(),
                area.problems().stream().mapToInt(problem -> problem.measures().size()).sum())).toList();
        AreaCount total = new AreaCount(null, "Totalt", areas.stream().mapToInt(AreaCount::problems).sum(),
                areas.stream().mapToInt(AreaCount::causes).sum(), areas.stream().mapToInt(AreaCount::goals).sum(),
                areas.stream().mapToInt(AreaCount::measures).sum());
        Map<UUID, Tally> tallies = new LinkedHashMap<>();
        plan.measures().forEach(measure -> {
            MeasureContent content = measure.content();
            String kind = content.kind() == null ? "UNSPECIFIED" : content.kind().name();
            DueWindow window = DueWindow.of(content.schedule() == null ? null : content.schedule().deadline(), today);
            content.responsibleUnitIds().forEach(unitId -> tallies.computeIfAbsent(unitId, id -> new Tally()).count(kind, window));
        });
        return new PlanSummary(areas, total, tallies.entrySet().stream()
                .map(entry -> entry.getValue().toLoad(entry.getKey())).toList());
    }

    private static final class Tally {

        private int measures;
        private final Map<String, Integer> byKind = new LinkedHashMap<>();
        private final Map<DueWindow, Integer> byDueWindow = new EnumMap<>(DueWindow.class);

        private Tally() {
            for (MeasureKind kind : MeasureKind.values()) {
                byKind.put(kind.name(), 0);
            }
            byKind.put("UNSPECIFIED", 0);
            for (DueWindow window : DueWindow.values()) {
                byDueWindow.put(window, 0);
            }
        }

        void count(String kind, DueWindow window) {
            measures++;
            byKind.merge(kind, 1, Integer::sum);
            byDueWindow.merge(window, 1, Integer::sum);
        }

        UnitLoad toLoad(UUID unitId) {
            return new UnitLoad(unitId, measures, Map.copyOf(byKind), Map.copyOf(byDueWindow));
        }
    }
}
