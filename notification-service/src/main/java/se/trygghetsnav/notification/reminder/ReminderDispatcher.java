package se.trygghetsnav.notification.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import se.trygghetsnav.commons.tenancy.TenantScope;
import se.trygghetsnav.notification.contacts.ContactDirectory;
import se.trygghetsnav.notification.contacts.UnitContact;

/**
 * Turns due reminders into mails and sends due digests. Reads only the fire-time slots from its cursor to now
 * ({@link ReminderSlots}), so a pass costs what is due, not what is stored.
 *
 * <p>Exactly once, at three levels: one instance dispatches at a time (ShedLock); each reminder is claimed with an
 * atomic update (SCHEDULED to FIRING, guarded by its status) before anything is sent, so two dispatchers that do run
 * together (a lock expired mid-pass) never both fire it; and every mail is queued under a deterministic key, so even
 * a reminder fired again after a crash mid-way queues nothing twice. A claim left by a crashed instance is taken over
 * after the claim timeout.
 *
 * <p>Reminders due together are handled {@value #CHUNK} at a time, with a few round trips per chunk rather than
 * several per reminder (issue 7: 100,000 falling due at once must reach the SMTP server within two minutes),
 * announcements included (one bulk insert of their aggregates, each with its event, through the outbox).
 */
public class ReminderDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ReminderDispatcher.class);
    private static final String LOCK_NAME = "reminder-dispatcher";
    /** Reminders fired together: claimed, delivered and settled with a few round trips for all of them. */
    private static final int CHUNK = 200;
    /**
     * Settled entries taken off their slot together. Each removal rewrites a slot bucket, and the embedded server's
     * cost of that grows with the bucket (thousands of entries in a burst), so a removal per chunk cost more than
     * firing the chunk. A crash in between leaves settled entries listed, which the next pass reads and drops.
     */
    private static final int SLOT_REMOVALS_AT_ONCE = 20_000;
    /** The claim's token, so that a dispatcher can tell its claims from a racing one's after a bulk claim. */
    private static final String CLAIMED_BY = "claimedBy";

    private final MongoOperations mongo;
    private final ReminderSlots slots;
    private final ReminderMessages messages;
    private final ReminderDelivery delivery;
    private final ReminderPlanner planner;
    private final ReminderAnnouncer announcer;
    private final ContactDirectory contacts;
    private final LockingTaskExecutor locks;
    private final ReminderProperties properties;
    private final Clock clock;
    private final List<ReminderFiring> otherFirings;

    /** @param otherFirings the owners of the kinds that are not told through {@link ReminderMessages} */
    public ReminderDispatcher(MongoOperations mongo, ReminderSlots slots, ReminderMessages messages,
            ReminderDelivery delivery, ReminderPlanner planner, ReminderAnnouncer announcer, ContactDirectory contacts,
            LockingTaskExecutor locks, ReminderProperties properties, Clock clock, List<ReminderFiring> otherFirings) {
        this.mongo = mongo;
        this.slots = slots;
        this.messages = messages;
        this.delivery = delivery;
        this.planner = planner;
        this.announcer = announcer;
        this.contacts = contacts;
        this.locks = locks;
        this.properties = properties;
        this.clock = clock;
        this.otherFirings = List.copyOf(otherFirings);
    }

    /**
     * Fires what is due now, under the cluster-wide lock.
     *
     * @return how many reminders and digests this pass handled; 0 also when another instance holds the lock
     */
    public int dispatchDue() {
        AtomicInteger handled = new AtomicInteger();
        TenantScope.runAsSystem(() -> locks.executeWithLock((Runnable) () -> handled.set(pass()),
                new LockConfiguration(Instant.now(), LOCK_NAME, Duration.ofMinutes(5), Duration.ZERO)));
        return handled.get();
    }

    /** One pass without the lock; what makes it exactly-once is the claim and the mail keys, the lock saves work. */
    int pass() {
        return TenantScope.callAsSystem(() -> {
            Instant now = clock.instant();
            Instant oldest = now.minus(properties.lookback()).truncatedTo(ChronoUnit.HOURS);
            Instant lastClosedHour = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
            Instant cursor = slots.cursor();
            Instant from = cursor == null || cursor.isBefore(oldest) ? oldest
                    : cursor.isAfter(lastClosedHour) ? lastClosedHour : cursor;
            int handled = 0;
            Instant firstOpen = null;
            for (Map.Entry<String, List<String>> slot : slots.between(from, now).entrySet()) {
                boolean complete = true;
                List<String> reminders = new ArrayList<>();
                for (String entry : slot.getValue()) {
                    if (entry.startsWith(ReminderSlots.REMINDER)) {
                        reminders.add(entry.substring(ReminderSlots.REMINDER.length()));
                    }
                }
                List<String> settled = new ArrayList<>();
                for (int i = 0; i < reminders.size(); i += CHUNK) {
                    List<String> chunk = reminders.subList(i, Math.min(reminders.size(), i + CHUNK));
                    Map<String, Outcome> outcomes = fire(chunk, now);
                    for (Outcome outcome : outcomes.values()) {
                        handled += outcome == Outcome.HANDLED ? 1 : 0;
                        complete &= outcome != Outcome.WAITING;
                    }
                    // Only fired and skipped ones: a cancelled reminder may be scheduled again under its key and slot.
                    chunk.stream().filter(key -> outcomes.get(key) == Outcome.SETTLED || outcomes.get(key) == Outcome.HANDLED)
                            .forEach(key -> settled.add(ReminderSlots.REMINDER + key));
                    if (settled.size() >= SLOT_REMOVALS_AT_ONCE || i + CHUNK >= reminders.size()) {
                        slots.remove(slot.getKey(), settled);
                        settled.clear();
                    }
                }
                for (String entry : slot.getValue()) {
                    if (entry.startsWith(ReminderSlots.DIGEST)) {
                        boolean done = delivery.sendDigest(entry.substring(ReminderSlots.DIGEST.length()), now);
                        handled += done ? 1 : 0;
                        complete &= done;
                    }
                }
                Instant hour = ReminderSlots.startOf(slot.getKey());
                if (!complete && firstOpen == null) {
                    firstOpen = hour;
                }
            }
            Instant next = firstOpen != null && firstOpen.isBefore(lastClosedHour) ? firstOpen : lastClosedHour;
            slots.moveCursor(next);
            return handled;
        });
    }

    /** HANDLED: fired or skipped by this pass; SETTLED: fired or skipped before; DONE_BEFORE: gone or cancelled. */
    private enum Outcome { HANDLED, SETTLED, DONE_BEFORE, WAITING }

    /**
     * Fires a chunk of a slot's reminders with a few round trips for all of them: read by id, claimed together (each
     * claim guarded by its status through the unique {@code {_id, status}} index), their units and their recipients'
     * preferences read once, their mails queued together, and settled together.
     */
    private Map<String, Outcome> fire(List<String> keys, Instant now) {
        Map<String, Reminder> found = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(keys)), Reminder.class).forEach(r -> found.put(r.key(), r));
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<Reminder> due = new ArrayList<>();
        List<Reminder> claimed = new ArrayList<>();
        for (String key : keys) {
            Reminder reminder = found.get(key);
            if (reminder != null && (reminder.status() == ReminderStatus.FIRED || reminder.status() == ReminderStatus.SKIPPED)) {
                outcomes.put(key, Outcome.SETTLED);
            }
            else if (reminder == null || reminder.status() == ReminderStatus.CANCELLED) {
                outcomes.put(key, Outcome.DONE_BEFORE);
            }
            else if (reminder.fireAt() == null || reminder.fireAt().isAfter(now)) {
                outcomes.put(key, Outcome.WAITING);
            }
            else if (reminder.status() == ReminderStatus.SCHEDULED) {
                due.add(reminder);
            }
            else if (reminder.claimedAt() != null && !reminder.claimedAt().isBefore(now.minus(properties.claimTimeout()))) {
                outcomes.put(key, Outcome.WAITING); // being fired by another dispatcher right now
            }
            else {
                Reminder abandoned = takeOver(key, now);
                outcomes.put(key, abandoned == null ? Outcome.WAITING : Outcome.HANDLED);
                if (abandoned != null) {
                    claimed.add(abandoned);
                }
            }
        }
        Set<String> mine = claim(due, now);
        for (Reminder reminder : due) {
            // One claimed by another dispatcher meanwhile is settled by it; the slot stays open until then.
            outcomes.put(reminder.key(), mine.contains(reminder.key()) ? Outcome.HANDLED : Outcome.WAITING);
            if (mine.contains(reminder.key())) {
                claimed.add(reminder);
            }
        }
        if (!claimed.isEmpty()) {
            fireClaimed(claimed, now);
        }
        return outcomes;
    }

    /** Claims the due reminders (SCHEDULED to FIRING) in one round trip; returns the keys this call claimed. */
    private Set<String> claim(List<Reminder> due, Instant now) {
        if (due.isEmpty()) {
            return Set.of();
        }
        String token = UUID.randomUUID().toString();
        BulkOperations claims = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Reminder.class);
        for (Reminder reminder : due) {
            claims.updateOne(Query.query(Criteria.where("_id").is(reminder.key()).and("status").is(ReminderStatus.SCHEDULED)),
                    new Update().set("status", ReminderStatus.FIRING).set("claimedAt", now).set(CLAIMED_BY, token));
        }
        Set<String> keys = new LinkedHashSet<>();
        due.forEach(reminder -> keys.add(reminder.key()));
        if (claims.execute().getModifiedCount() == due.size()) {
            return keys;
        }
        Query ours = Query.query(Criteria.where("_id").in(keys));
        ours.fields().include("_id", CLAIMED_BY, "status");
        Set<String> mine = new LinkedHashSet<>();
        mongo.find(ours, Document.class, "reminders").stream()
                .filter(r -> token.equals(r.getString(CLAIMED_BY)) && ReminderStatus.FIRING.name().equals(r.getString("status")))
                .forEach(r -> mine.add(r.getString("_id")));
        return mine;
    }

    /** A claim left by a dispatcher that crashed: rare, so one guarded findAndModify each is fine. */
    private Reminder takeOver(String key, Instant now) {
        Query abandoned = Query.query(Criteria.where("_id").is(key).and("status").is(ReminderStatus.FIRING)
                .and("claimedAt").lt(now.minus(properties.claimTimeout())));
        return mongo.findAndModify(abandoned, new Update().set("claimedAt", now),
                FindAndModifyOptions.options().returnNew(true), Reminder.class);
    }

    private void fireClaimed(List<Reminder> reminders, Instant now) {
        Map<String, List<String>> told = new LinkedHashMap<>();
        List<Reminder> ours = new ArrayList<>();
        for (Reminder reminder : reminders) {
            Optional<ReminderFiring> owner = otherFirings.stream().filter(firing -> firing.fires(reminder.kind())).findFirst();
            if (owner.isPresent()) {
                // Another feature's kind (EST cut-off): its owner decides who is told now and queues the mails.
                told.put(reminder.key(), owner.get().fire(reminder, now));
            }
            else {
                ours.add(reminder);
            }
        }
        Set<UUID> unitIds = new LinkedHashSet<>();
        ours.forEach(reminder -> unitIds.addAll(ReminderMessages.unitIdsOf(reminder)));
        Map<UUID, UnitContact> units = contacts.unitsById(unitIds);
        List<ReminderDelivery.Delivery> deliveries = new ArrayList<>();
        for (Reminder reminder : ours) {
            List<ReminderMessages.Recipient> recipients = messages.recipients(reminder, units);
            told.put(reminder.key(), recipients.stream().map(ReminderMessages.Recipient::address).toList());
            recipients.forEach(recipient -> deliveries.add(new ReminderDelivery.Delivery(reminder, recipient)));
        }
        delivery.deliverAll(deliveries);
        announcer.fired(reminders.stream().filter(reminder -> !told.get(reminder.key()).isEmpty())
                .map(reminder -> new ReminderAnnouncer.Fired(reminder, told.get(reminder.key()).size())).toList(), now);
        BulkOperations settle = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Reminder.class);
        for (Reminder reminder : reminders) {
            List<String> addresses = told.get(reminder.key());
            ReminderStatus status = addresses.isEmpty() ? ReminderStatus.SKIPPED : ReminderStatus.FIRED;
            if (reminder.kind() == ReminderKind.MEASURE_STILL_ACTIVE) {
                planner.scheduleNextCheck(reminder);
            }
            settle.updateOne(Query.query(Criteria.where("_id").is(reminder.key()).and("status").is(ReminderStatus.FIRING)),
                    new Update().set("status", status).set("firedAt", now).set("recipients", addresses)
                            .unset("claimedAt").unset(CLAIMED_BY));
            log.info("Reminder {} {} to {} recipient(s)", reminder.key(),
                    status == ReminderStatus.FIRED ? "fired" : "skipped", addresses.size());
        }
        settle.execute();
    }
}
