package se.trygghetsnav.est.compilation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.est.group.PlaceType;
import se.trygghetsnav.est.week.IsoWeek;
import se.trygghetsnav.est.week.WeekStatus;

/**
 * A group's week compiled: counts by category, area and place, each with its trend against the previous four
 * weeks and the same ISO week last year; hot spots by place and by grid cell; and which places are new this
 * week and which recur.
 *
 * @param comparedWith the weeks the trends compare with
 */
public record Compilation(UUID groupId, String groupName, IsoWeek week, WeekStatus status, int entryCount,
        int reviewedCount, ComparedWeeks comparedWith, Trend total, List<CategoryTrend> byCategory,
        List<AreaTrend> byArea, List<PlaceSummary> byPlace, HotSpots hotSpots, List<PlaceRef> newPlaces,
        List<PlaceRef> recurringPlaces) {

    /**
     * @param previousWeeks the four weeks before, the nearest first (across a year end: week 1 is preceded by week
     *        52 or 53 of the year before)
     * @param sameWeekLastYear the same week number a year earlier (week 53 compares with week 52 when that year had
     *        no week 53)
     */
    public record ComparedWeeks(List<IsoWeek> previousWeeks, IsoWeek sameWeekLastYear) {
    }

    /** How the week went compared with earlier ones. */
    public enum Direction {
        /** Clearly more than the average of the previous weeks (at least 2 more, and at least a quarter more). */
        RISING,
        /** Clearly fewer. */
        FALLING,
        /** About the same. */
        STEADY,
        /** None of the previous four weeks has a report to compare with. */
        NO_HISTORY
    }

    /** @param opened whether the group reported anything that week (an unopened week counts 0) */
    public record WeekCount(IsoWeek week, int count, boolean opened) {
    }

    /**
     * @param previousFourWeekAverage the average over those of the previous four weeks that were opened; absent
     *        when none was
     * @param changeFromAveragePercent absent when the average is 0 or absent
     * @param changeFromSameWeekLastYear absent when the group reported nothing that week
     */
    public record Trend(int count, List<WeekCount> previousWeeks, @Nullable Double previousFourWeekAverage,
            @Nullable Double changeFromAverage, @Nullable Double changeFromAveragePercent, WeekCount sameWeekLastYear,
            @Nullable Integer changeFromSameWeekLastYear, Direction direction) {
    }

    public record CategoryTrend(String code, String label, Trend trend) {
    }

    public record AreaTrend(String area, Trend trend) {
    }

    /** New: entries this week and none in the previous four. Recurring: entries this week and in at least one of them. */
    public enum Recurrence {
        NEW,
        RECURRING
    }

    /**
     * A place with entries this week.
     *
     * @param seriousnessScore the entries' seriousness added up (low 1, medium 2, high 3): what hot spots rank by
     * @param byCategory entries per category code
     * @param addedThisWeek whether the place itself was first added to the group during this week
     */
    public record PlaceSummary(UUID placeId, String name, String area, PlaceType type, double latitude, double longitude,
            String cellId, int count, int seriousnessScore, Map<String, Integer> byCategory, int weeksSeenOfPreviousFour,
            Recurrence recurrence, boolean addedThisWeek) {
    }

    public record PlaceRef(UUID placeId, String name, String area) {
    }

    /**
     * A grid cell with entries this week.
     *
     * @param ring the cell's outline as a closed GeoJSON ring of [longitude, latitude] pairs
     */
    public record CellSummary(String cellId, int sizeMeters, int count, int seriousnessScore, List<UUID> placeIds,
            double centreLatitude, double centreLongitude, List<List<Double>> ring, int weeksSeenOfPreviousFour,
            Recurrence recurrence) {
    }

    /** The strongest places and cells of the week, by seriousness score, then count. */
    public record HotSpots(int minEntries, List<PlaceSummary> places, List<CellSummary> cells) {
    }
}
