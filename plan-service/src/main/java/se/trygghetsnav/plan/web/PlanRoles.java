package se.trygghetsnav.plan.web;

/** Who may do what in plan-service, as {@code @PreAuthorize} expressions. */
public final class PlanRoles {

    /** Writing plans and the unit directory is the coordinator's. */
    public static final String COORDINATOR = "hasRole('COORDINATOR')";

    /** Reading plans and units: the coordinator, the responsible units and readers of the organisation. */
    public static final String READERS = "hasAnyRole('COORDINATOR', 'UNIT_USER', 'READER')";

    private PlanRoles() {
    }
}
