package se.trygghetsnav.followup.round;

import java.util.UUID;

/**
 * Told after a round was opened or a report stored, for work that follows from them (the due calendar, overdue
 * measures). Runs in the request; failures are logged by the caller and repaired by the sweep.
 */
public interface RoundListener {

    default void roundOpened(FollowupRound round) {
    }

    default void reportStored(FollowupRound round, UUID measureId) {
    }
}
