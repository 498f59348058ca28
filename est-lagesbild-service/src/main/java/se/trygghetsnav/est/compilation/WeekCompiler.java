package se.trygghetsnav.est.compilation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import se.trygghetsnav.est.compilation.Compilation.AreaTrend;
import se.trygghetsnav.est.compilation.Compilation.CategoryTrend;
import se.trygghetsnav.est.compilation.Compilation.CellSummary;
import se.trygghetsnav.est.compilation.Compilation.ComparedWeeks;
import se.trygghetsnav.est.compilation.Compilation.Direction;
import se.trygghetsnav.est.compilation.Compilation.HotSpots;
import se.trygghetsnav.est.compilation.Compilation.PlaceRef;
import se.trygghetsnav.est.compilation.Compilation.PlaceSummary;
import se.trygghetsnav.est.compilation.Compilation.Recurrence;
import se.trygghetsnav.est.compilation.Compilation.Trend;
import se.trygghetsnav.est.compilation.Compilation.WeekCount;
import se.trygghetsnav.est.group.Category;
import se.trygghetsnav.est.group.EstGroup;
import se.trygghetsnav.est.group.Place;
import se.trygghetsnav.est.week.Entry;
import se.trygghetsnav.est.week.IsoWeek;
import se.trygghetsnav.est.week.Seriousness;
import se.trygghetsnav.est.week.WeekStatus;

/**
 * Compiles a week from its entries and the category and place of each entry of the weeks it is compared
 * with. Plain Java over data read in a few queries: counting, grid cells from coordinates and ranking all
 * happen here (the embedded MongoDB has no geo queries, and this is fast anyway).
 */
public final class WeekCompiler {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private WeekCompiler() {
    }

    /** What the compiler needs of an entry. */
    public record EntryPoint(UUID entryId, String category, UUID placeId, Seriousness seriousness, boolean reviewed) {

        public static EntryPoint of(Entry entry) {
            return new EntryPoint(entry.entryId(), entry.category(), entry.placeId(), entry.seriousness(), entry.isReviewed());
        }
    }

    /**
     * @param history the entries of the compared weeks that were opened, by week (a week absent here was not)
     */
    public static Compilation compile(EstGroup group, IsoWeek week, WeekStatus status, List<EntryPoint> entries,
            Map<IsoWeek, List<EntryPoint>> history, CompilationProperties properties) {
        List<IsoWeek> previous = week.previous(4);
        IsoWeek lastYear = week.sameWeekLastYear();
        Map<UUID, Place> places = group.getPlaces().stream().collect(Collectors.toMap(Place::placeId, Function.identity()));
        List<EntryPoint> current = entries;
        Counter counter = new Counter(week, previous, lastYear, current, history);

        Trend total = counter.trend(point -> true);
        List<CategoryTrend> byCategory = new ArrayList<>();
        for (Category category : group.getCategories()) {
            if (counter.everSeen(point -> point.category().equals(category.code()))) {
                byCategory.add(new CategoryTrend(category.code(), category.label(),
                        counter.trend(point -> point.category().equals(category.code()))));
            }
        }
        Set<String> areas = new TreeSet<>();
        counter.all().forEach(point -> {
            Place place = places.get(point.placeId());
            if (place != null) {
                areas.add(place.area());
            }
        });
        List<AreaTrend> byArea = areas.stream()
                .map(area -> new AreaTrend(area, counter.trend(point -> places.containsKey(point.placeId())
                        && places.get(point.placeId()).area().equals(area))))
                .sorted(Comparator.comparing((AreaTrend trend) -> trend.trend().count()).reversed().thenComparing(AreaTrend::area))
                .toList();

        int cellSize = group.getHotSpotCellMeters();
        Map<UUID, Integer> placeWeeksSeen = new HashMap<>();
        for (IsoWeek earlier : previous) {
            history.getOrDefault(earlier, List.of()).stream().map(EntryPoint::placeId).distinct()
                    .forEach(placeId -> placeWeeksSeen.merge(placeId, 1, Integer::sum));
        }
        Instant weekStart = week.monday().atStartOfDay(STOCKHOLM).toInstant();
        Map<UUID, List<EntryPoint>> entriesByPlace = entries.stream()
                .collect(Collectors.groupingBy(EntryPoint::placeId, LinkedHashMap::new, Collectors.toList()));
        List<PlaceSummary> byPlace = new ArrayList<>();
        entriesByPlace.forEach((placeId, atPlace) -> {
            Place place = places.get(placeId);
            if (place == null) {
                return;
            }
            int seen = placeWeeksSeen.getOrDefault(placeId, 0);
            Map<String, Integer> categories = new TreeMap<>();
            atPlace.forEach(entry -> categories.merge(entry.category(), 1, Integer::sum));
            byPlace.add(new PlaceSummary(placeId, place.name(), place.area(), place.type(), place.latitude(), place.longitude(),
                    GridCell.containing(place.latitude(), place.longitude(), cellSize).id(), atPlace.size(), score(atPlace),
                    categories, seen, seen > 0 ? Recurrence.RECURRING : Recurrence.NEW, !place.addedAt().isBefore(weekStart)));
        });
        Comparator<PlaceSummary> strongestPlaces = Comparator.comparingInt(PlaceSummary::seriousnessScore).reversed()
                .thenComparing(Comparator.comparingInt(PlaceSummary::count).reversed()).thenComparing(PlaceSummary::name);
        byPlace.sort(strongestPlaces);

        List<CellSummary> cells = cells(byPlace, entriesByPlace, history, previous, places, cellSize);
        HotSpots hotSpots = new HotSpots(properties.hotSpotMinEntries(),
                byPlace.stream().filter(place -> place.count() >= properties.hotSpotMinEntries())
                        .limit(properties.hotSpotLimit()).toList(),
                cells.stream().filter(cell -> cell.count() >= properties.hotSpotMinEntries())
                        .limit(properties.hotSpotLimit()).toList());
        List<PlaceRef> newPlaces = byPlace.stream().filter(place -> place.recurrence() == Recurrence.NEW)
                .map(place -> new PlaceRef(place.placeId(), place.name(), place.area())).toList();
        List<PlaceRef> recurringPlaces = byPlace.stream().filter(place -> place.recurrence() == Recurrence.RECURRING)
                .map(place -> new PlaceRef(place.placeId(), place.name(), place.area())).toList();
        int reviewed = (int) entries.stream().filter(EntryPoint::reviewed).count();
        return new Compilation(group.getId(), group.getName(), week, status, entries.size(), reviewed,
                new ComparedWeeks(previous, lastYear), total, byCategory, byArea, byPlace, hotSpots, newPlaces,
                recurringPlaces);
    }

    private static List<CellSummary> cells(List<PlaceSummary> byPlace, Map<UUID, List<EntryPoint>> entriesByPlace,
            Map<IsoWeek, List<EntryPoint>> history, List<IsoWeek> previous, Map<UUID, Place> places, int cellSize) {
        Map<String, Set<UUID>> placesByCell = new LinkedHashMap<>();
        Map<String, GridCell> cellById = new HashMap<>();
        for (PlaceSummary place : byPlace) {
            placesByCell.computeIfAbsent(place.cellId(), ignored -> new LinkedHashSet<>()).add(place.placeId());
            cellById.computeIfAbsent(place.cellId(),
                    ignored -> GridCell.containing(place.latitude(), place.longitude(), cellSize));
        }
        Map<String, Integer> cellWeeksSeen = new HashMap<>();
        for (IsoWeek earlier : previous) {
            Set<String> seenThatWeek = new HashSet<>();
            for (EntryPoint point : history.getOrDefault(earlier, List.of())) {
                Place place = places.get(point.placeId());
                if (place != null) {
                    seenThatWeek.add(GridCell.containing(place.latitude(), place.longitude(), cellSize).id());
                }
            }
            seenThatWeek.forEach(cell -> cellWeeksSeen.merge(cell, 1, Integer::sum));
        }
        List<CellSummary> cells = new ArrayList<>();
        placesByCell.forEach((cellId, placeIds) -> {
            List<EntryPoint> inCell = placeIds.stream().flatMap(placeId -> entriesByPlace.get(placeId).stream()).toList();
            GridCell cell = cellById.get(cellId);
            Sweref99TmCentre centre = Sweref99TmCentre.of(cell);
            int seen = cellWeeksSeen.getOrDefault(cellId, 0);
            cells.add(new CellSummary(cellId, cellSize, inCell.size(), score(inCell), List.copyOf(placeIds),
                    centre.latitude(), centre.longitude(), cell.ring(), seen, seen > 0 ? Recurrence.RECURRING : Recurrence.NEW));
        });
        cells.sort(Comparator.comparingInt(CellSummary::seriousnessScore).reversed()
                .thenComparing(Comparator.comparingInt(CellSummary::count).reversed()).thenComparing(CellSummary::cellId));
        return cells;
    }

    private static int score(List<EntryPoint> entries) {
        return entries.stream().mapToInt(entry -> entry.seriousness().weight()).sum();
    }

    private record Sweref99TmCentre(double latitude, double longitude) {

        static Sweref99TmCentre of(GridCell cell) {
            Sweref99Tm.LatLon centre = cell.centre();
            return new Sweref99TmCentre(GridCell.round(centre.latitude()), GridCell.round(centre.longitude()));
        }
    }

    /** Counts entries matching a condition in the week and in each compared week. */
    private static final class Counter {

        private final List<IsoWeek> previous;
        private final IsoWeek lastYear;
        private final List<EntryPoint> current;
        private final Map<IsoWeek, List<EntryPoint>> history;
        private final List<EntryPoint> all = new ArrayList<>();

        Counter(IsoWeek week, List<IsoWeek> previous, IsoWeek lastYear, List<EntryPoint> current,
                Map<IsoWeek, List<EntryPoint>> history) {
            this.previous = previous;
            this.lastYear = lastYear;
            this.current = current;
            this.history = history;
            all.addAll(current);
            previous.forEach(earlier -> all.addAll(history.getOrDefault(earlier, List.of())));
            all.addAll(history.getOrDefault(lastYear, List.of()));
        }

        /** Every entry of the week and of the compared weeks. */
        List<EntryPoint> all() {
            return all;
        }

        boolean everSeen(java.util.function.Predicate<EntryPoint> condition) {
            return all.stream().anyMatch(condition);
        }

        Trend trend(java.util.function.Predicate<EntryPoint> condition) {
            int count = (int) current.stream().filter(condition).count();
            List<WeekCount> earlier = previous.stream().map(week -> count(week, condition)).toList();
            List<WeekCount> opened = earlier.stream().filter(WeekCount::opened).toList();
            Double average = opened.isEmpty() ? null
                    : opened.stream().mapToInt(WeekCount::count).average().orElse(0);
            Double change = average == null ? null : round(count - average);
            Double percent = average == null || average == 0 ? null : round(100.0 * (count - average) / average);
            WeekCount lastYearCount = count(lastYear, condition);
            Integer changeFromLastYear = lastYearCount.opened() ? count - lastYearCount.count() : null;
            return new Trend(count, earlier, average == null ? null : round(average), change, percent, lastYearCount,
                    changeFromLastYear, direction(count, average));
        }

        private WeekCount count(IsoWeek week, java.util.function.Predicate<EntryPoint> condition) {
            List<EntryPoint> points = history.get(week);
            return points == null ? new WeekCount(week, 0, false)
                    : new WeekCount(week, (int) points.stream().filter(condition).count(), true);
        }

        private static Direction direction(int count, Double average) {
            if (average == null) {
                return Direction.NO_HISTORY;
            }
            double margin = Math.max(2.0, average / 4.0);
            if (count >= average + margin) {
                return Direction.RISING;
            }
            if (count <= average - margin) {
                return Direction.FALLING;
            }
            return Direction.STEADY;
        }

        private static double round(double value) {
            return Math.round(value * 10.0) / 10.0;
        }
    }
}
