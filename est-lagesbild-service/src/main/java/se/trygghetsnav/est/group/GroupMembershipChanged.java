package se.trygghetsnav.est.group;

import java.util.List;
import java.util.UUID;

/**
 * The organisations of a group changed and the change is stored: published in-process (a Spring application
 * event) so that the group's weeks give access to exactly the new member organisations.
 */
public record GroupMembershipChanged(UUID groupId, List<String> memberOrganisationIds) {
}
