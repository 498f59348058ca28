package se.trygghetsnav.est.group;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import se.trygghetsnav.est.week.IsoWeek;

/**
 * When a group closes a week's reporting and meets about it, in Europe/Stockholm time. Both fall in the week
 * after the reported one: the picture of week 47 is posted until, say, Monday 12:00 of week 48 and discussed
 * at Tuesday's 10:00 meeting. Times are stored as {@code HH:mm} text.
 */
public record MeetingSchedule(DayOfWeek cutOffDay, String cutOffTime, DayOfWeek meetingDay, String meetingTime) {

    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    public static final MeetingSchedule DEFAULT = of(DayOfWeek.MONDAY, LocalTime.of(12, 0), DayOfWeek.TUESDAY,
            LocalTime.of(10, 0));

    public static MeetingSchedule of(DayOfWeek cutOffDay, LocalTime cutOffTime, DayOfWeek meetingDay, LocalTime meetingTime) {
        return new MeetingSchedule(cutOffDay, text(cutOffTime), meetingDay, text(meetingTime));
    }

    /** Whether the cut-off comes before (or at) the meeting within their week. */
    public boolean cutOffBeforeMeeting() {
        return !ZonedDateTime.of(new IsoWeek(2026, 10).monday().with(cutOffDay), LocalTime.parse(cutOffTime), STOCKHOLM)
                .isAfter(ZonedDateTime.of(new IsoWeek(2026, 10).monday().with(meetingDay), LocalTime.parse(meetingTime), STOCKHOLM));
    }

    /** Until when entries of {@code week} are expected, in Swedish time (summer or winter offset as it falls). */
    public ZonedDateTime cutOffAt(IsoWeek week) {
        return ZonedDateTime.of(week.plusWeeks(1).monday().with(cutOffDay), LocalTime.parse(cutOffTime), STOCKHOLM);
    }

    /** When the group meets about {@code week}. */
    public ZonedDateTime meetingAt(IsoWeek week) {
        return ZonedDateTime.of(week.plusWeeks(1).monday().with(meetingDay), LocalTime.parse(meetingTime), STOCKHOLM);
    }

    private static String text(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }
}
