package se.trygghetsnav.est.week;

import org.springframework.http.HttpStatus;

import se.trygghetsnav.commons.problem.ApiProblem;

/** The change does not fit the week's status: entries after closing, anything after publication (409). */
public class WeekStateException extends ApiProblem {

    public WeekStateException(String kind, IsoWeek week, WeekStatus status) {
        super(HttpStatus.CONFLICT, kind, week.toString(), status.name());
    }

    /** Entries can be posted and changed only while the week is open. */
    public static WeekStateException closedForEntries(IsoWeek week, WeekStatus status) {
        return new WeekStateException(status == WeekStatus.PUBLISHED ? "week-published" : "week-closed", week, status);
    }

    /** Nothing changes in a published week. */
    public static WeekStateException published(IsoWeek week) {
        return new WeekStateException("week-published", week, WeekStatus.PUBLISHED);
    }
}
