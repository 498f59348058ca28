package se.trygghetsnav.followup.round;

import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.IsoFields;
import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.followup.planprojection.ProjectedPlan;

/**
 * How many times a recurring measure was planned to happen in a period: "1 gång/månaden, uppehåll juli" over a
 * year is 11. The period is the round's, cut to the schedule's own start and end.
 *
 * <p>A calendar unit of the recurrence (day, ISO week, month, school term, year) counts when at least one of
 * its days lies in the period and outside the months the measure pauses in; each counted unit plans
 * {@code times} occurrences. School terms are spring (January–June) and autumn (August–December); July is in
 * neither.
 */
public final class Occurrences {

    private Occurrences() {
    }

    /** The planned occurrences, or null when the measure does not recur. */
    public static @Nullable Integer planned(ProjectedPlan.@Nullable Schedule schedule, LocalDate periodStart,
            LocalDate periodEnd) {
        if (schedule == null || schedule.recurrence() == null) {
            return null;
        }
        ProjectedPlan.Recurrence recurrence = schedule.recurrence();
        LocalDate from = later(periodStart, schedule.startDate());
        LocalDate to = earlier(periodEnd, schedule.endDate());
        Set<Object> units = new HashSet<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (recurrence.exceptMonths().contains(day.getMonth())) {
                continue;
            }
            Object unit = unitOf(recurrence.per(), day);
            if (unit != null) {
                units.add(unit);
            }
        }
        return units.size() * recurrence.times();
    }

    private static @Nullable Object unitOf(String per, LocalDate day) {
        return switch (per) {
            case "DAY" -> day;
            case "WEEK" -> day.get(IsoFields.WEEK_BASED_YEAR) * 100 + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case "MONTH" -> day.getYear() * 100 + day.getMonthValue();
            case "TERM" -> day.getMonth() == Month.JULY ? null
                    : day.getYear() * 10 + (day.getMonthValue() <= Month.JUNE.getValue() ? 1 : 2);
            case "YEAR" -> day.getYear();
            default -> throw new IllegalArgumentException("Unknown recurrence unit " + per);
        };
    }

    private static LocalDate later(LocalDate day, @Nullable LocalDate other) {
        return other != null && other.isAfter(day) ? other : day;
    }

    private static LocalDate earlier(LocalDate day, @Nullable LocalDate other) {
        return other != null && other.isBefore(day) ? other : day;
    }
}
