package se.trygghetsnav.notification.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Swedish working days and office hours, Europe/Stockholm. A working day is a weekday that is neither a public
 * holiday (jollyday's calendar for Sweden) nor one of the eves that are de facto days off: Midsommarafton,
 * Julafton and Nyårsafton. jollyday's SE calendar already lists the three eves (2.19); they are added here as well
 * so a change of the library's calendar cannot make them working days.
 */
public class WorkingCalendar {

    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private final HolidayManager holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.SWEDEN));
    private final LocalTime officeStart;
    private final LocalTime officeEnd;

    public WorkingCalendar(LocalTime officeStart, LocalTime officeEnd) {
        if (!officeStart.isBefore(officeEnd)) {
            throw new IllegalArgumentException("Office hours must start before they end: " + officeStart + "–" + officeEnd);
        }
        this.officeStart = officeStart;
        this.officeEnd = officeEnd;
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !isEve(day) && !holidays.isHoliday(day);
    }

    /** Midsommarafton (the Friday between 19 and 25 June), Julafton, Nyårsafton. */
    static boolean isEve(LocalDate day) {
        if (day.getMonth() == Month.DECEMBER) {
            return day.getDayOfMonth() == 24 || day.getDayOfMonth() == 31;
        }
        return day.getMonth() == Month.JUNE && day.getDayOfWeek() == DayOfWeek.FRIDAY
                && day.getDayOfMonth() >= 19 && day.getDayOfMonth() <= 25;
    }

    /** {@code day} if it is a working day, else the working day before it. */
    public LocalDate onOrBefore(LocalDate day) {
        LocalDate result = day;
        while (!isWorkingDay(result)) {
            result = result.minusDays(1);
        }
        return result;
    }

    /** {@code day} if it is a working day, else the next one. */
    public LocalDate onOrAfter(LocalDate day) {
        LocalDate result = day;
        while (!isWorkingDay(result)) {
            result = result.plusDays(1);
        }
        return result;
    }

    /** The working day {@code count} working days after {@code day} (0: {@link #onOrAfter}). */
    public LocalDate plusWorkingDays(LocalDate day, int count) {
        LocalDate result = onOrAfter(day);
        for (int i = 0; i < count; i++) {
            result = onOrAfter(result.plusDays(1));
        }
        return result;
    }

    /** The working day {@code count} working days before {@code day} (0: {@link #onOrBefore}). */
    public LocalDate minusWorkingDays(LocalDate day, int count) {
        LocalDate result = onOrBefore(day);
        for (int i = 0; i < count; i++) {
            result = onOrBefore(result.minusDays(1));
        }
        return result;
    }

    /** When office hours start on {@code day}. */
    public Instant officeOpening(LocalDate day) {
        return day.atTime(officeStart).atZone(STOCKHOLM).toInstant();
    }

    /** {@code moment} if it falls in office hours of a working day, else when they next open. */
    public Instant nextOfficeTime(Instant moment) {
        ZonedDateTime local = moment.atZone(STOCKHOLM);
        LocalDate day = local.toLocalDate();
        if (isWorkingDay(day)) {
            LocalTime time = local.toLocalTime();
            if (time.isBefore(officeStart)) {
                return officeOpening(day);
            }
            if (time.isBefore(officeEnd)) {
                return moment;
            }
        }
        return officeOpening(onOrAfter(day.plusDays(1)));
    }

    /** The first office opening at or after {@code moment}. */
    public Instant nextOpening(Instant moment) {
        LocalDate day = moment.atZone(STOCKHOLM).toLocalDate();
        Instant opening = officeOpening(onOrAfter(day));
        return opening.isBefore(moment) ? officeOpening(onOrAfter(day.plusDays(1))) : opening;
    }

    /** The first Monday-morning opening (or, if that Monday is off, the week's first working day) at or after {@code moment}. */
    public Instant nextWeeklyOpening(Instant moment) {
        LocalDate monday = moment.atZone(STOCKHOLM).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        while (true) {
            Instant opening = officeOpening(onOrAfter(monday));
            if (!opening.isBefore(moment)) {
                return opening;
            }
            monday = monday.plusWeeks(1);
        }
    }

    public static LocalDate dateOf(Instant moment) {
        return moment.atZone(STOCKHOLM).toLocalDate();
    }
}
