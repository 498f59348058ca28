package se.trygghetsnav.notification.est;

import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import se.trygghetsnav.commons.idempotency.VersionedProjection;

/**
 * The EST projection, from {@code est.events}: groups with their members, contact addresses and weekly schedule,
 * and per group and ISO week the members that have posted. Idempotent and rebuildable by replaying the topic into
 * empty collections: a group applies each of its versions at most once (group events carry the whole set-up, so
 * the latest version is the group); who posted is a set that only grows, so a duplicate or replayed
 * entries-posted adds nothing.
 */
public class EstGroups {

    public static final String GROUPS = "est_groups";
    public static final String WEEKS = "est_weeks";

    private static final Logger log = LoggerFactory.getLogger(EstGroups.class);

    private final MongoOperations mongo;
    private final VersionedProjection groups;

    public EstGroups(MongoOperations mongo) {
        this.mongo = mongo;
        this.groups = new VersionedProjection(mongo, GROUPS);
    }

    /** group-registered and group-changed. */
    public void onGroup(EstEvents.GroupState group) {
        boolean applied = groups.apply(group.aggregateId(), group.aggregateVersion(), new Update()
                .set("organisationId", group.organisationId())
                .set("name", group.name())
                .set("members", group.members())
                .set("schedule", group.schedule()));
        log.info("EST group {} v{} {}", group.aggregateId(), group.aggregateVersion(),
                applied ? "projected" : "already projected");
    }

    public void onEntriesPosted(EstEvents.EntriesPosted posted) {
        Update change = new Update()
                .setOnInsert("organisationId", posted.organisationId())
                .setOnInsert("groupId", posted.groupId())
                .setOnInsert("isoWeek", posted.isoWeek())
                .setOnInsert("weekReportId", posted.aggregateId());
        if (posted.reportingMemberId() != null) {
            change.addToSet("postedMemberIds", posted.reportingMemberId());
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(weekId(posted.groupId(), posted.isoWeek()))), change, WEEKS);
        log.info("EST week {} {}: member {} posted", posted.groupId(), posted.isoWeek(), posted.reportingMemberId());
    }

    public Optional<EstGroup> group(UUID groupId) {
        return Optional.ofNullable(mongo.findById(groupId, EstGroup.class));
    }

    public Optional<EstWeek> week(UUID groupId, String isoWeek) {
        return Optional.ofNullable(mongo.findById(weekId(groupId, isoWeek), EstWeek.class));
    }

    static String weekId(UUID groupId, String isoWeek) {
        return groupId + ":" + isoWeek;
    }
}
