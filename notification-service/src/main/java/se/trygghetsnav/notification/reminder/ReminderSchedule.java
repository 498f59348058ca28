package se.trygghetsnav.notification.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Stores reminders exactly once per key, lists them in their fire-time slot and under their item, and cancels
 * them. Every write is idempotent: an event handled twice (a duplicate, a replay, a retry after a crash) leaves
 * the schedule as handling it once did.
 */
public class ReminderSchedule {

    public static final String ITEMS = "reminder_items";

    private static final Logger log = LoggerFactory.getLogger(ReminderSchedule.class);

    private final MongoOperations mongo;
    private final ReminderSlots slots;
    private final Clock clock;

    public ReminderSchedule(MongoOperations mongo, ReminderSlots slots, Clock clock) {
        this.mongo = mongo;
        this.slots = slots;
        this.clock = clock;
    }

    /**
     * Schedules the reminder to fire at {@code fireAt} unless its key exists. A cancelled reminder of the same key
     * (a due date moved away and back) is scheduled again.
     *
     * @return whether this call scheduled it
     */
    public boolean schedule(Reminder reminder, Instant fireAt) {
        Instant now = clock.instant();
        String slot = ReminderSlots.slotFor(fireAt, now);
        Reminder placed = reminder.withSchedule(fireAt, slot);
        // Listed first: an entry whose reminder is missing is skipped, a reminder in no slot would never fire.
        slots.add(slot, ReminderSlots.REMINDER + reminder.key());
        mongo.upsert(Query.query(Criteria.where("_id").is(reminder.itemKey())),
                new Update().addToSet("keys", reminder.key()).set("organisationId", reminder.organisationId()), ITEMS);
        try {
            mongo.insert(placed);
            log.info("Reminder {} scheduled for {}", reminder.key(), fireAt);
            return true;
        }
        catch (DuplicateKeyException exists) {
            boolean revived = mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(reminder.key()).and("status").is(ReminderStatus.CANCELLED)),
                    new Update().set("status", ReminderStatus.SCHEDULED).set("fireAt", fireAt).set("slot", slot)
                            .unset("cancelledAt").unset("cancelReason"),
                    Reminder.class).getModifiedCount() > 0;
            if (revived) {
                log.info("Reminder {} scheduled again for {}", reminder.key(), fireAt);
            }
            return revived;
        }
    }

    public Optional<ReminderItems> item(String itemKey) {
        return Optional.ofNullable(mongo.findById(itemKey, ReminderItems.class));
    }

    /** Cancels the item's scheduled reminders except those {@code keep}s. */
    public int cancelItem(String itemKey, String reason, Collection<String> keep) {
        int cancelled = 0;
        for (String key : item(itemKey).map(ReminderItems::keys).orElse(List.of())) {
            if (!keep.contains(key) && cancel(key, reason)) {
                cancelled++;
            }
        }
        return cancelled;
    }

    public int cancelItem(String itemKey, String reason) {
        return cancelItem(itemKey, reason, List.of());
    }

    /** Cancels one reminder if it has not fired; one being fired right now goes out. */
    public boolean cancel(String key, String reason) {
        boolean cancelled = mongo.updateFirst(
                Query.query(Criteria.where("_id").is(key).and("status").is(ReminderStatus.SCHEDULED)),
                new Update().set("status", ReminderStatus.CANCELLED).set("cancelledAt", clock.instant())
                        .set("cancelReason", reason),
                Reminder.class).getModifiedCount() > 0;
        if (cancelled) {
            log.info("Reminder {} cancelled: {}", key, reason);
        }
        return cancelled;
    }

    public void markEnded(String itemKey, String organisationId, boolean ended) {
        mongo.upsert(Query.query(Criteria.where("_id").is(itemKey)),
                new Update().set("ended", ended).set("organisationId", organisationId), ITEMS);
    }

    public void recordReport(UUID roundId, String organisationId, UUID measureId) {
        mongo.upsert(Query.query(Criteria.where("_id").is("round:" + roundId)),
                new Update().addToSet("reportedMeasureIds", measureId).set("organisationId", organisationId), ITEMS);
    }

    public boolean reported(UUID roundId, UUID measureId) {
        List<UUID> reported = item("round:" + roundId).map(ReminderItems::reportedMeasureIds).orElse(null);
        return reported != null && reported.contains(measureId);
    }

    public Optional<Reminder> find(String key) {
        return Optional.ofNullable(mongo.findById(key, Reminder.class));
    }
}
