package se.trygghetsnav.notification.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import se.trygghetsnav.commons.tenancy.TenantScope;

/**
 * Turns due reminders into mails and sends due digests. Reads only the fire-time slots from its cursor to now
 * ({@link ReminderSlots}), so a pass costs what is due, not what is stored.
 *
 * <p>Exactly once, at three levels: one instance dispatches at a time (ShedLock); each reminder is claimed with one
 * atomic update (SCHEDULED to FIRING) before anything is sent, so two dispatchers that do run together (a lock
 * expired mid-pass) never both fire it; and every mail is queued under a deterministic key, so even a reminder
 * fired again after a crash mid-way queues nothing twice. A claim left by a crashed instance is taken over after
 * the claim timeout.
 */
public class ReminderDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ReminderDispatcher.class);
    private static final String LOCK_NAME = "reminder-dispatcher";

    private final MongoOperations mongo;
    private final ReminderSlots slots;
    private final ReminderMessages messages;
    private final ReminderDelivery delivery;
    private final ReminderPlanner planner;
    private final ReminderAnnouncer announcer;
    private final LockingTaskExecutor locks;
    private final ReminderProperties properties;
    private final Clock clock;
    private final List<ReminderFiring> otherFirings;

    /** @param otherFirings the owners of the kinds that are not told through {@link ReminderMessages} */
    public ReminderDispatcher(MongoOperations mongo, ReminderSlots slots, ReminderMessages messages,
            ReminderDelivery delivery, ReminderPlanner planner, ReminderAnnouncer announcer, LockingTaskExecutor locks,
            ReminderProperties properties, Clock clock, List<ReminderFiring> otherFirings) {
        this.mongo = mongo;
        this.slots = slots;
        this.messages = messages;
        this.delivery = delivery;
        this.planner = planner;
        this.announcer = announcer;
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
                for (String entry : slot.getValue()) {
                    Outcome outcome = entry.startsWith(ReminderSlots.REMINDER)
                            ? fire(entry.substring(ReminderSlots.REMINDER.length()), now)
                            : delivery.sendDigest(entry.substring(ReminderSlots.DIGEST.length()), now) ? Outcome.HANDLED
                                    : Outcome.WAITING;
                    if (outcome == Outcome.HANDLED) {
                        handled++;
                    }
                    complete &= outcome != Outcome.WAITING;
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

    private enum Outcome { HANDLED, DONE_BEFORE, WAITING }

    private Outcome fire(String key, Instant now) {
        Query claimable = Query.query(Criteria.where("_id").is(key).and("fireAt").lte(now).orOperator(
                Criteria.where("status").is(ReminderStatus.SCHEDULED),
                Criteria.where("status").is(ReminderStatus.FIRING).and("claimedAt").lt(now.minus(properties.claimTimeout()))));
        Reminder reminder = mongo.findAndModify(claimable,
                new Update().set("status", ReminderStatus.FIRING).set("claimedAt", now),
                FindAndModifyOptions.options().returnNew(true), Reminder.class);
        if (reminder == null) {
            Reminder current = mongo.findById(key, Reminder.class);
            return current == null || current.status() == ReminderStatus.FIRED || current.status() == ReminderStatus.SKIPPED
                    || current.status() == ReminderStatus.CANCELLED ? Outcome.DONE_BEFORE : Outcome.WAITING;
        }
        List<String> addresses = tell(reminder, now);
        ReminderStatus status = addresses.isEmpty() ? ReminderStatus.SKIPPED : ReminderStatus.FIRED;
        if (status == ReminderStatus.FIRED) {
            announcer.fired(reminder, addresses.size(), now);
        }
        if (reminder.kind() == ReminderKind.MEASURE_STILL_ACTIVE) {
            planner.scheduleNextCheck(reminder);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("status").is(ReminderStatus.FIRING)),
                new Update().set("status", status).set("firedAt", now).set("recipients", addresses).unset("claimedAt"),
                Reminder.class);
        log.info("Reminder {} {} to {} recipient(s)", key, status == ReminderStatus.FIRED ? "fired" : "skipped",
                addresses.size());
        return Outcome.HANDLED;
    }

    /** Queues the reminder's mails or digest entries, through its kind's owner; the addresses told. */
    private List<String> tell(Reminder reminder, Instant now) {
        for (ReminderFiring owner : otherFirings) {
            if (owner.fires(reminder.kind())) {
                return owner.fire(reminder, now);
            }
        }
        List<ReminderMessages.Recipient> recipients = messages.recipients(reminder);
        for (ReminderMessages.Recipient recipient : recipients) {
            delivery.deliver(reminder, recipient);
        }
        return recipients.stream().map(ReminderMessages.Recipient::address).toList();
    }
}
