package se.trygghetsnav.followup.web;

/** Who may do what in followup-service, as {@code @PreAuthorize} expressions. */
public final class FollowupRoles {

    /** Opening and closing rounds, recording indicator values: the coordinator's. */
    public static final String COORDINATOR = "hasRole('COORDINATOR')";

    /** Reporting on measures: the coordinator, or a user of a responsible unit (checked per measure). */
    public static final String REPORTERS = "hasAnyRole('COORDINATOR', 'UNIT_USER')";

    /** Reading follow-up: the coordinator, the responsible units and readers of the organisation. */
    public static final String READERS = "hasAnyRole('COORDINATOR', 'UNIT_USER', 'READER')";

    private FollowupRoles() {
    }
}
