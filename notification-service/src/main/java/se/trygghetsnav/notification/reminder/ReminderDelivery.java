package se.trygghetsnav.notification.reminder;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import se.trygghetsnav.notification.calendar.WorkingCalendar;
import se.trygghetsnav.notification.delivery.MailKeys;
import se.trygghetsnav.notification.delivery.MailQueue;
import se.trygghetsnav.notification.delivery.MailRequest;

/**
 * Hands a fired reminder to each recipient the way they want it: a mail of its own at once, or an entry in their
 * daily or weekly digest. Mails go through {@link MailQueue} under deterministic keys (the reminder's key and the
 * recipient for a single reminder; organisation, send time and recipient for a digest), so nothing is mailed twice.
 */
public class ReminderDelivery {

    static final String TEMPLATE = "reminders";
    private static final Logger log = LoggerFactory.getLogger(ReminderDelivery.class);

    private final MongoOperations mongo;
    private final MailQueue mails;
    private final ReminderSlots slots;
    private final WorkingCalendar calendar;
    private final Clock clock;

    public ReminderDelivery(MongoOperations mongo, MailQueue mails, ReminderSlots slots, WorkingCalendar calendar,
            Clock clock) {
        this.mongo = mongo;
        this.mails = mails;
        this.slots = slots;
        this.calendar = calendar;
        this.clock = clock;
    }

    public DeliveryFrequency frequencyOf(String organisationId, String recipient) {
        RecipientPreference preference = mongo.findById(RecipientPreference.idOf(organisationId, recipient),
                RecipientPreference.class);
        return preference == null ? DeliveryFrequency.DAILY : preference.frequency();
    }

    public void deliver(Reminder reminder, ReminderMessages.Recipient recipient) {
        deliverAll(List.of(new Delivery(reminder, recipient)));
    }

    /** One fired reminder for one recipient. */
    public record Delivery(Reminder reminder, ReminderMessages.Recipient recipient) {
    }

    /**
     * Delivers many at once with a few round trips: the recipients' preferences in one query, the mails queued
     * together, and one write per digest however many of the reminders join it.
     */
    public void deliverAll(List<Delivery> deliveries) {
        Map<String, DeliveryFrequency> frequencies = frequencies(deliveries);
        List<MailRequest> mailsNow = new ArrayList<>();
        Map<DigestTarget, List<Map<String, Object>>> digests = new LinkedHashMap<>();
        for (Delivery delivery : deliveries) {
            Reminder reminder = delivery.reminder();
            ReminderMessages.Recipient recipient = delivery.recipient();
            DeliveryFrequency frequency = frequencies.getOrDefault(
                    RecipientPreference.idOf(reminder.organisationId(), recipient.address()), DeliveryFrequency.DAILY);
            if (frequency == DeliveryFrequency.IMMEDIATE) {
                Map<String, Object> model = new LinkedHashMap<>();
                model.put("subject", recipient.notice().get("subject"));
                model.put("items", List.of(recipient.notice()));
                model.put("digest", false);
                mailsNow.add(new MailRequest(MailKeys.of("reminder", reminder.key(), recipient.address()),
                        reminder.organisationId(), recipient.address(), TEMPLATE, model,
                        (String) recipient.notice().get("reason"), reminder.itemRef(), reminder.sourceEventId()));
            }
            else {
                digests.computeIfAbsent(new DigestTarget(reminder.organisationId(), recipient.address(), frequency,
                        reminder.fireAt()), target -> new ArrayList<>()).add(recipient.notice());
            }
        }
        mails.enqueueAll(mailsNow);
        digests.forEach((target, notices) -> addToDigest(target.organisationId(), target.recipient(), target.frequency(),
                notices, target.firedAt()));
    }

    /** Whose digest, and from when on. */
    private record DigestTarget(String organisationId, String recipient, DeliveryFrequency frequency, Instant firedAt) {
    }

    private Map<String, DeliveryFrequency> frequencies(List<Delivery> deliveries) {
        Set<String> ids = new LinkedHashSet<>();
        deliveries.forEach(delivery -> ids.add(RecipientPreference.idOf(delivery.reminder().organisationId(),
                delivery.recipient().address())));
        Map<String, DeliveryFrequency> frequencies = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(ids)), RecipientPreference.class)
                .forEach(preference -> frequencies.put(preference.id(), preference.frequency()));
        return frequencies;
    }

    /**
     * Adds the notices to the recipient's digest at or after the reminders' fire time; one that was already taken is
     * skipped for the next.
     */
    private void addToDigest(String organisationId, String recipient, DeliveryFrequency frequency,
            List<Map<String, Object>> notices, Instant firedAt) {
        Instant now = clock.instant();
        // The digest of the reminder's own fire time, even when the dispatcher gets to it a little later.
        Instant from = firedAt == null ? now : firedAt;
        for (int attempt = 0; attempt < 5; attempt++) {
            Instant sendAt = frequency == DeliveryFrequency.WEEKLY ? calendar.nextWeeklyOpening(from)
                    : calendar.nextOpening(from);
            String id = "digest:" + organisationId + ":" + sendAt.truncatedTo(ChronoUnit.MINUTES) + ":"
                    + MailKeys.recipientHash(recipient);
            slots.add(ReminderSlots.slotFor(sendAt, now), ReminderSlots.DIGEST + id);
            try {
                mongo.upsert(Query.query(Criteria.where("_id").is(id).and("status").is(Digest.OPEN)),
                        new Update().addToSet("entries").each(notices.toArray())
                                .setOnInsert("organisationId", organisationId)
                                .setOnInsert("recipient", recipient)
                                .setOnInsert("frequency", frequency)
                                .setOnInsert("sendAt", sendAt),
                        Digest.class);
                return;
            }
            catch (DuplicateKeyException alreadyTaken) {
                from = sendAt.plusSeconds(60);
            }
        }
        throw new IllegalStateException("No open digest for a recipient of " + organisationId);
    }

    /**
     * Sends a digest whose time has come.
     *
     * @return whether the digest is done with (queued, or gone)
     */
    boolean sendDigest(String id, Instant now) {
        Digest digest = mongo.findById(id, Digest.class);
        if (digest == null || Digest.QUEUED.equals(digest.status())) {
            return true;
        }
        if (digest.sendAt().isAfter(now)) {
            return false;
        }
        if (Digest.OPEN.equals(digest.status())) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(Digest.OPEN)),
                    new Update().set("status", Digest.CLOSED), Digest.class);
            digest = mongo.findById(id, Digest.class);
        }
        List<Map<String, Object>> entries = digest.entries() == null ? List.of() : digest.entries();
        if (!entries.isEmpty()) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("subject", entries.size() == 1 ? entries.getFirst().get("subject")
                    : "Dina påminnelser från Trygghetsnav: " + entries.size() + " ärenden");
            model.put("items", entries);
            model.put("digest", true);
            model.put("weekly", digest.frequency() == DeliveryFrequency.WEEKLY);
            String reason = digest.frequency() == DeliveryFrequency.WEEKLY
                    ? "Du får dina påminnelser samlade en gång i veckan."
                    : "Du får dina påminnelser samlade en gång per arbetsdag.";
            mails.enqueue(new MailRequest(MailKeys.of("digest", digest.organisationId(),
                    digest.sendAt().truncatedTo(ChronoUnit.MINUTES), digest.recipient()), digest.organisationId(),
                    digest.recipient(), TEMPLATE, model, reason,
                    entries.size() == 1 ? String.valueOf(entries.getFirst().get("key")) : "digest", null));
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("status", Digest.QUEUED), Digest.class);
        log.info("Digest {} queued with {} reminder(s)", id, entries.size());
        return true;
    }
}
