package se.trygghetsnav.notification.est;

import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import se.trygghetsnav.commons.tenancy.TenantOwned;

/**
 * An EST group as its latest group event described it: who its members are, where their mail goes, and its weekly
 * cut-off and meeting. Owned by the municipality that runs the group.
 */
@Document(EstGroups.GROUPS)
@TenantOwned
public record EstGroup(@Id UUID groupId, String organisationId, String name, List<EstEvents.Member> members,
        EstEvents.Schedule schedule) {

    /** Members that post to the weeks (they have an organisation in Trygghetsnav); the others only get mail. */
    public List<EstEvents.Member> postingMembers() {
        return members.stream().filter(member -> member.organisationId() != null).toList();
    }
}
