package se.trygghetsnav.followup.overview;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One measure of an adopted plan with its follow-up: the revision it is tracked from, whether it is still in
 * force, and its reports in every round of its plan series, newest first.
 */
public record MeasureFollowup(UUID planId, UUID seriesId, int revision, @Nullable String planTitle, boolean inForce,
        @Nullable String notInForceReason, MeasureView measure, List<FollowUpState.ReportSummary> reports) {
}
