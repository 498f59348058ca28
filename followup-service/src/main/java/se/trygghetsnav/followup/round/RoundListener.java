package se.trygghetsnav.followup.round;

import java.util.UUID;

/**
 * Told about rounds and reports, for work that follows from them (the due calendar, overdue measures).
 *
 * <p>The {@code before…} calls come before the round is stored and must only leave hints that are harmless if
 * the write then fails (calendar entries: the sweep checks what it finds); they make sure the follow-up work
 * happens even if the process stops right after the write. The {@code after…} calls do the work at once; a failure
 * there is logged and left to the sweep.
 */
public interface RoundListener {

    default void beforeRoundStored(FollowupRound round) {
    }

    default void beforeReportStored(FollowupRound round, UUID measureId) {
    }

    default void afterReportStored(FollowupRound round, UUID measureId) {
    }
}
