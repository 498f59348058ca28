package se.trygghetsnav.plandocument.xlsx;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import se.trygghetsnav.plandocument.PlanDocument.Recurrence;
import se.trygghetsnav.plandocument.PlanDocument.Schedule;
import se.trygghetsnav.plandocument.RecurrenceUnit;
import se.trygghetsnav.plandocument.ScheduleType;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleTextTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("recurrences")
    void aRhythmIsARecurrence(String text, int times, RecurrenceUnit per, List<Month> except) {
        Schedule schedule = ScheduleText.parse(text);

        assertThat(schedule).isNotNull();
        assertThat(schedule.type()).isEqualTo(ScheduleType.RECURRENCE);
        assertThat(schedule.recurrence()).isEqualTo(new Recurrence(times, per, except));
        assertThat(schedule.text()).isEqualTo(text);
    }

    static Stream<Arguments> recurrences() {
        return Stream.of(
                Arguments.of("2 ggr/veckan", 2, RecurrenceUnit.WEEK, List.of()),
                Arguments.of("2 ggr/veckan, löpande", 2, RecurrenceUnit.WEEK, List.of()),
                Arguments.of("1 gång/månaden, uppehåll juli", 1, RecurrenceUnit.MONTH, List.of(Month.JULY)),
                Arguments.of("1 gång/månaden löpande", 1, RecurrenceUnit.MONTH, List.of()),
                Arguments.of("en gång per termin", 1, RecurrenceUnit.TERM, List.of()),
                Arguments.of("2 gånger/termin löpande", 2, RecurrenceUnit.TERM, List.of()),
                Arguments.of("Tre ggr i veckan utom juni och juli", 3, RecurrenceUnit.WEEK, List.of(Month.JUNE, Month.JULY)),
                Arguments.of("En gang om aret", 1, RecurrenceUnit.YEAR, List.of()),
                Arguments.of("Varje vecka", 1, RecurrenceUnit.WEEK, List.of()),
                Arguments.of("Dagligen", 1, RecurrenceUnit.DAY, List.of()),
                Arguments.of("månadsvis, ej under juli", 1, RecurrenceUnit.MONTH, List.of(Month.JULY)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "Löpande", "löpande", "Linjearbete", "linjeverksamhet", "Linjeverksamhet",
        "Sker löpande genom året.", "Kontinuerligt", "lopande" })
    void ongoingWorkIsContinuous(String text) {
        Schedule schedule = ScheduleText.parse(text);

        assertThat(schedule).isEqualTo(new Schedule(ScheduleType.CONTINUOUS, text, null, null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dueDates")
    void aDayMonthTermOrQuarterIsADueDateAtItsEnd(String text, LocalDate due) {
        assertThat(ScheduleText.parse(text)).isEqualTo(new Schedule(ScheduleType.DUE_DATE, text, due, null, null, null));
    }

    static Stream<Arguments> dueDates() {
        return Stream.of(
                Arguments.of("2024-06-30", LocalDate.of(2024, 6, 30)),
                Arguments.of("Senast 30/6 2024", LocalDate.of(2024, 6, 30)),
                Arguments.of("klart 15 mars 2025", LocalDate.of(2025, 3, 15)),
                Arguments.of("juni 2024", LocalDate.of(2024, 6, 30)),
                Arguments.of("Jun 2024", LocalDate.of(2024, 6, 30)),
                Arguments.of("vt 2024", LocalDate.of(2024, 6, 30)),
                Arguments.of("HT24", LocalDate.of(2024, 12, 31)),
                Arguments.of("Q2 2024", LocalDate.of(2024, 6, 30)),
                Arguments.of("kvartal 4 2025", LocalDate.of(2025, 12, 31)),
                Arguments.of("Senast 2026", LocalDate.of(2026, 12, 31)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("periods")
    void yearsRangesAndStartsArePeriods(String text, LocalDate start, LocalDate end) {
        assertThat(ScheduleText.parse(text)).isEqualTo(new Schedule(ScheduleType.PERIOD, text, null, start, end, null));
    }

    static Stream<Arguments> periods() {
        return Stream.of(
                Arguments.of("2024–2025", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)),
                Arguments.of("2024", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)),
                Arguments.of("vt 2024 - ht 2025", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)),
                Arguments.of("fr.o.m. 1 mars 2024 t.o.m. juni 2024", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 6, 30)),
                Arguments.of("Under året 2024 kommer vi att genomföra informationstillfällen internt, samverka i insats sluta slå.",
                        LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)),
                Arguments.of("från och med 15/1 2024", LocalDate.of(2024, 1, 15), null),
                Arguments.of("Socialsekreterare samsitter från och med 15/1 2024 och deltar aktivt i det dagliga arbetet hos polisen.",
                        LocalDate.of(2024, 1, 15), null),
                Arguments.of("Akuta situationer med barn närvarande från 1/4 2024", LocalDate.of(2024, 4, 1), null),
                Arguments.of("till och med 2025-12-31", null, LocalDate.of(2025, 12, 31)));
    }

    @Test
    void aRhythmKeepsTheTimeItRunsIn() {
        Schedule schedule = ScheduleText.parse("1 gång/månaden under 2025");

        assertThat(schedule).isEqualTo(new Schedule(ScheduleType.RECURRENCE, "1 gång/månaden under 2025", null,
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), new Recurrence(1, RecurrenceUnit.MONTH, List.of())));
    }

    @Test
    void ongoingWorkFromADayIsContinuousWithAStart() {
        assertThat(ScheduleText.parse("Löpande från och med 2024-02-01")).isEqualTo(new Schedule(ScheduleType.CONTINUOUS,
                "Löpande från och med 2024-02-01", null, LocalDate.of(2024, 2, 1), null, null));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "Vid behov", "Vid kontakter med våldsutövare och våldsutsatta hos polisen", "Varannan vecka", " " })
    void wordsWithoutATimeMeanNothingKnown(String text) {
        assertThat(ScheduleText.parse(text)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("structuredSchedules")
    void theDescriptionOfAScheduleReadsBackToTheSameMeaning(Schedule schedule) {
        String words = ScheduleText.describe(schedule);

        assertThat(ScheduleText.sameMeaning(ScheduleText.parse(words), schedule)).as(words).isTrue();
    }

    static Stream<Schedule> structuredSchedules() {
        LocalDate start = LocalDate.of(2024, 1, 15);
        LocalDate end = LocalDate.of(2025, 12, 31);
        Stream<Schedule> fixed = Stream.of(
                new Schedule(ScheduleType.DUE_DATE, null, end, null, null, null),
                new Schedule(ScheduleType.PERIOD, null, null, start, end, null),
                new Schedule(ScheduleType.PERIOD, null, null, start, null, null),
                new Schedule(ScheduleType.PERIOD, null, null, null, end, null),
                new Schedule(ScheduleType.CONTINUOUS, null, null, null, null, null),
                new Schedule(ScheduleType.CONTINUOUS, null, null, start, null, null));
        Stream<Schedule> recurring = Stream.of(RecurrenceUnit.values()).flatMap(unit -> Stream.of(
                new Schedule(ScheduleType.RECURRENCE, null, null, null, null, new Recurrence(1, unit, List.of())),
                new Schedule(ScheduleType.RECURRENCE, null, null, start, end,
                        new Recurrence(12, unit, List.of(Month.JULY, Month.AUGUST))),
                new Schedule(ScheduleType.RECURRENCE, null, null, start, null,
                        new Recurrence(2, unit, List.of(Month.DECEMBER, Month.JANUARY, Month.MAY))),
                new Schedule(ScheduleType.RECURRENCE, null, null, null, end, new Recurrence(3, unit, List.of()))));
        return Stream.concat(fixed, recurring);
    }
}
