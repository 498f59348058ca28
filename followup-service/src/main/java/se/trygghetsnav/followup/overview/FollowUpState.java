package se.trygghetsnav.followup.overview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where a measure's follow-up stands.
 *
 * @param overdue its deadline has passed without a DONE or CANCELLED report
 * @param overdueSince the first day it counted as overdue
 * @param latestReport its most recent report in any follow-up round of its plan series
 */
public record FollowUpState(boolean overdue, @Nullable LocalDate overdueSince, @Nullable ReportSummary latestReport) {

    public static final FollowUpState NOTHING_YET = new FollowUpState(false, null, null);

    /** A report in a round, without its narrative. */
    public record ReportSummary(UUID roundId, String roundName, String status, int revision, Instant submittedAt) {
    }
}
