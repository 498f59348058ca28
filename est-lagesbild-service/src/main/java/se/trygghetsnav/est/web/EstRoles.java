package se.trygghetsnav.est.web;

/** Who may do what in est-lagesbild-service, as {@code @PreAuthorize} expressions. */
public final class EstRoles {

    /**
     * Setting up a group and running its weeks (review, decisions, follow-up, publication). The service also
     * checks that the caller's organisation owns the group: a member organisation's EST coordinator gets 403.
     */
    public static final String COORDINATOR = "hasRole('EST_COORDINATOR')";

    /** Posting and reading a group's entries and compiled weeks: the people of the member organisations. */
    public static final String MEMBERS = "hasAnyRole('EST_MEMBER', 'EST_COORDINATOR')";

    /** The public summary of a published week: anyone signed in for a member organisation. */
    public static final String ANY_ROLE = "hasAnyRole('COORDINATOR', 'UNIT_USER', 'EST_MEMBER', 'EST_COORDINATOR', 'READER')";

    private EstRoles() {
    }
}
