package se.trygghetsnav.est.group;

import java.time.DayOfWeek;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

import se.trygghetsnav.est.week.IsoWeek;

import static org.assertj.core.api.Assertions.assertThat;

class MeetingScheduleTest {

    private final MeetingSchedule schedule = MeetingSchedule.of(DayOfWeek.MONDAY, LocalTime.of(12, 0), DayOfWeek.TUESDAY,
            LocalTime.of(10, 0));

    @Test
    void cutOffAndMeetingFallInTheWeekAfterTheReportedOneInSwedishTime() {
        assertThat(schedule.cutOffAt(IsoWeek.parse("2026-W47")).toOffsetDateTime()).hasToString("2026-11-23T12:00+01:00");
        assertThat(schedule.meetingAt(IsoWeek.parse("2026-W47")).toOffsetDateTime()).hasToString("2026-11-24T10:00+01:00");
    }

    @Test
    void summerTimeShiftsTheOffsetNotTheLocalTime() {
        // Summer time starts on 29 March 2026 and ends on 25 October 2026.
        assertThat(schedule.cutOffAt(IsoWeek.parse("2026-W13")).toOffsetDateTime()).hasToString("2026-03-30T12:00+02:00");
        assertThat(schedule.cutOffAt(IsoWeek.parse("2026-W43")).toOffsetDateTime()).hasToString("2026-10-26T12:00+01:00");
    }

    @Test
    void theMeetingAboutWeek53IsInWeekOneOfTheNextYear() {
        assertThat(schedule.meetingAt(IsoWeek.parse("2026-W53")).toLocalDate()).hasToString("2027-01-05");
    }

    @Test
    void aCutOffLaterInTheWeekThanTheMeetingIsNotBeforeIt() {
        assertThat(schedule.cutOffBeforeMeeting()).isTrue();
        assertThat(MeetingSchedule.of(DayOfWeek.WEDNESDAY, LocalTime.of(9, 0), DayOfWeek.TUESDAY, LocalTime.of(10, 0))
                .cutOffBeforeMeeting()).isFalse();
    }
}
