package se.trygghetsnav.est.group;

import java.util.List;

/**
 * A group's whole set-up as its events carry it: consumers replace what they hold (notification-service
 * takes the members' addresses and the schedule for reminders).
 *
 * @param ownerOrganisationId the municipality that runs the group (also the events' organisationId)
 * @param memberOrganisationIds every organisation whose people may read and write the group's lägesbild
 */
public record GroupState(String name, String ownerOrganisationId, List<String> memberOrganisationIds,
        List<Member> members, List<Place> places, List<Category> categories, MeetingSchedule schedule,
        int hotSpotCellMeters) {
}
