package se.trygghetsnav.notification.est;

import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import se.trygghetsnav.commons.tenancy.TenantOwned;

/**
 * Which members of a group have posted entries for one ISO week.
 *
 * @param id {@code <groupId>:<isoWeek>}, so the week is found without knowing how est-lagesbild-service derives
 *        its week report ids
 */
@Document(EstGroups.WEEKS)
@TenantOwned
public record EstWeek(@Id String id, String organisationId, UUID groupId, String isoWeek, UUID weekReportId,
        List<UUID> postedMemberIds) {

    public boolean postedBy(UUID memberId) {
        return postedMemberIds != null && postedMemberIds.contains(memberId);
    }
}
