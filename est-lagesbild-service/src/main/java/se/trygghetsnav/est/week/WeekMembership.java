package se.trygghetsnav.est.week;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import se.trygghetsnav.est.group.GroupMembershipChanged;

/** Keeps the group's weeks readable by exactly its member organisations. */
@Component
class WeekMembership {

    private final WeekWriter writer;

    WeekMembership(WeekWriter writer) {
        this.writer = writer;
    }

    @EventListener
    void onMembershipChanged(GroupMembershipChanged changed) {
        writer.replaceMembers(changed.groupId(), changed.memberOrganisationIds());
    }
}
