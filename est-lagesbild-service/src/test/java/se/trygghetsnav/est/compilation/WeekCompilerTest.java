package se.trygghetsnav.est.compilation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.trygghetsnav.commons.aggregate.EventContext;
import se.trygghetsnav.est.compilation.Compilation.Direction;
import se.trygghetsnav.est.compilation.Compilation.Recurrence;
import se.trygghetsnav.est.compilation.WeekCompiler.EntryPoint;
import se.trygghetsnav.est.group.EstGroup;
import se.trygghetsnav.est.group.MeetingSchedule;
import se.trygghetsnav.est.group.MemberKind;
import se.trygghetsnav.est.group.PlaceType;
import se.trygghetsnav.est.week.Certainty;
import se.trygghetsnav.est.week.Entry;
import se.trygghetsnav.est.week.IsoWeek;
import se.trygghetsnav.est.week.Seriousness;
import se.trygghetsnav.est.week.TimeBand;
import se.trygghetsnav.est.week.WeekStatus;

import static org.assertj.core.api.Assertions.assertThat;

class WeekCompilerTest {

    private static final CompilationProperties PROPERTIES = new CompilationProperties(2, 10);
    private final EventContext context = new EventContext(UUID::randomUUID,
            Clock.fixed(Instant.parse("2020-01-01T10:00:00Z"), ZoneOffset.UTC));
    private final EstGroup group = EstGroup.register("0188", new EstGroup.Settings("EST Centrum",
            List.of(new EstGroup.NewMember(null, "Polisen", MemberKind.POLICE, "polis", List.of())), MeetingSchedule.DEFAULT, 250),
            List.of(new EstGroup.NewPlace("Torget", "Centrum", PlaceType.SQUARE, 59.7590, 18.7020),
                    new EstGroup.NewPlace("Torgkiosken", "Centrum", PlaceType.SHOP, 59.75905, 18.70205),
                    new EstGroup.NewPlace("Busstationen", "Centrum", PlaceType.BUS_STATION, 59.7618, 18.6990),
                    new EstGroup.NewPlace("Grindskolan", "Grind", PlaceType.SCHOOL_YARD, 59.7700, 18.6800)),
            List.of(), context);
    private final UUID torget = group.placeNamed("Torget").orElseThrow().placeId();
    private final UUID kiosken = group.placeNamed("Torgkiosken").orElseThrow().placeId();
    private final UUID station = group.placeNamed("Busstationen").orElseThrow().placeId();
    private final UUID skolan = group.placeNamed("Grindskolan").orElseThrow().placeId();
    private final IsoWeek week = IsoWeek.parse("2021-W01");

    @Test
    void theFirstWeekOfAYearComparesWithWeeks53To50AndWeekOneOfTheYearBefore() {
        Map<IsoWeek, List<EntryPoint>> history = new HashMap<>();
        history.put(IsoWeek.parse("2020-W53"), points(3, "vandalism", torget));
        history.put(IsoWeek.parse("2020-W52"), points(1, "vandalism", station));
        history.put(IsoWeek.parse("2020-W50"), points(2, "threats", station));
        history.put(IsoWeek.parse("2020-W01"), points(4, "vandalism", skolan));

        Compilation compiled = WeekCompiler.compile(group, week, WeekStatus.OPEN,
                entries(List.of(entry("vandalism", torget, Seriousness.HIGH), entry("vandalism", torget, Seriousness.MEDIUM),
                        entry("vandalism", kiosken, Seriousness.LOW), entry("threats", skolan, Seriousness.MEDIUM),
                        entry("vandalism", skolan, Seriousness.LOW), entry("vandalism", skolan, Seriousness.LOW),
                        entry("vandalism", skolan, Seriousness.LOW))),
                history, PROPERTIES);

        assertThat(compiled.comparedWith().previousWeeks()).extracting(IsoWeek::toString)
                .containsExactly("2020-W53", "2020-W52", "2020-W51", "2020-W50");
        assertThat(compiled.comparedWith().sameWeekLastYear()).hasToString("2020-W01");
        Compilation.Trend total = compiled.total();
        assertThat(total.count()).isEqualTo(7);
        assertThat(total.previousWeeks()).extracting(Compilation.WeekCount::count).containsExactly(3, 1, 0, 2);
        assertThat(total.previousWeeks()).extracting(Compilation.WeekCount::opened).containsExactly(true, true, false, true);
        assertThat(total.previousFourWeekAverage()).isEqualTo(2.0);
        assertThat(total.changeFromAverage()).isEqualTo(5.0);
        assertThat(total.changeFromAveragePercent()).isEqualTo(250.0);
        assertThat(total.sameWeekLastYear().count()).isEqualTo(4);
        assertThat(total.changeFromSameWeekLastYear()).isEqualTo(3);
        assertThat(total.direction()).isEqualTo(Direction.RISING);
        assertThat(compiled.byCategory()).extracting(Compilation.CategoryTrend::code).containsExactly("vandalism", "threats");
        assertThat(compiled.byCategory().getFirst().trend().previousWeeks()).extracting(Compilation.WeekCount::count)
                .containsExactly(3, 1, 0, 0);
        assertThat(compiled.byArea()).extracting(Compilation.AreaTrend::area).containsExactly("Grind", "Centrum");
        assertThat(compiled.byArea().get(1).trend().count()).isEqualTo(3);
        assertThat(compiled.byArea().getFirst().trend().sameWeekLastYear().count()).isEqualTo(4);
    }

    @Test
    void placesSeenInThePreviousFourWeeksRecurAndTheOthersAreNew() {
        Map<IsoWeek, List<EntryPoint>> history = new HashMap<>();
        history.put(IsoWeek.parse("2020-W53"), points(1, "vandalism", torget));
        history.put(IsoWeek.parse("2020-W51"), points(1, "vandalism", torget));
        history.put(IsoWeek.parse("2020-W01"), points(1, "vandalism", station));

        Compilation compiled = WeekCompiler.compile(group, week, WeekStatus.OPEN,
                entries(List.of(entry("vandalism", torget, Seriousness.LOW), entry("threats", station, Seriousness.LOW))),
                history, PROPERTIES);

        assertThat(compiled.recurringPlaces()).extracting(Compilation.PlaceRef::name).containsExactly("Torget");
        assertThat(compiled.newPlaces()).extracting(Compilation.PlaceRef::name).containsExactly("Busstationen");
        Compilation.PlaceSummary torgetSummary = compiled.byPlace().stream().filter(place -> place.name().equals("Torget"))
                .findFirst().orElseThrow();
        assertThat(torgetSummary.weeksSeenOfPreviousFour()).isEqualTo(2);
        assertThat(torgetSummary.recurrence()).isEqualTo(Recurrence.RECURRING);
        assertThat(compiled.total().direction()).isEqualTo(Direction.STEADY);
    }

    @Test
    void hotSpotsRankPlacesAndGridCellsBySeriousnessAndGatherNeighbouringPlacesInOneCell() {
        Compilation compiled = WeekCompiler.compile(group, week, WeekStatus.OPEN, entries(List.of(
                entry("vandalism", torget, Seriousness.MEDIUM), entry("vandalism", torget, Seriousness.LOW),
                entry("fights-and-violence", kiosken, Seriousness.HIGH),
                entry("threats", skolan, Seriousness.HIGH), entry("threats", skolan, Seriousness.HIGH),
                entry("threats", skolan, Seriousness.MEDIUM), entry("vandalism", station, Seriousness.LOW))), Map.of(), PROPERTIES);

        assertThat(compiled.hotSpots().places()).extracting(Compilation.PlaceSummary::name).containsExactly("Grindskolan", "Torget");
        Compilation.CellSummary strongest = compiled.hotSpots().cells().getFirst();
        Compilation.CellSummary torgetCell = compiled.hotSpots().cells().get(1);
        assertThat(strongest.placeIds()).containsExactly(skolan);
        assertThat(torgetCell.placeIds()).containsExactlyInAnyOrder(torget, kiosken);
        assertThat(torgetCell.count()).isEqualTo(3);
        assertThat(torgetCell.seriousnessScore()).isEqualTo(6);
        assertThat(compiled.hotSpots().cells()).hasSize(2);
        assertThat(compiled.total().direction()).isEqualTo(Direction.NO_HISTORY);
        assertThat(compiled.total().previousFourWeekAverage()).isNull();
    }

    private List<EntryPoint> entries(List<Entry> entries) {
        return entries.stream().map(EntryPoint::of).toList();
    }

    private Entry entry(String category, UUID placeId, Seriousness seriousness) {
        return new Entry(UUID.randomUUID(), UUID.randomUUID(), category, placeId, week.monday(), TimeBand.EVENING, seriousness,
                Certainty.OBSERVED, false, UUID.randomUUID(), "polis", null, Instant.now(), false, null, null);
    }

    private static List<EntryPoint> points(int count, String category, UUID placeId) {
        List<EntryPoint> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            points.add(new EntryPoint(UUID.randomUUID(), category, placeId, Seriousness.LOW, false));
        }
        return points;
    }
}
