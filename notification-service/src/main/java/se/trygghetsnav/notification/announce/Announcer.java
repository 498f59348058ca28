package se.trygghetsnav.notification.announce;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;

import se.trygghetsnav.commons.aggregate.AggregateStore;
import se.trygghetsnav.commons.aggregate.EventContext;
import se.trygghetsnav.notification.delivery.MailFailureListener;
import se.trygghetsnav.notification.delivery.OutgoingMail;
import se.trygghetsnav.notification.reminder.Reminder;
import se.trygghetsnav.notification.reminder.ReminderAnnouncer;

/** Announces reminders, escalations and failed deliveries through the outbox, each at most once. */
public class Announcer implements ReminderAnnouncer, MailFailureListener {

    private static final Logger log = LoggerFactory.getLogger(Announcer.class);

    private final AggregateStore<Announcement> store;
    private final EventContext context;
    private final int failedAfterAttempts;
    private final Clock clock;

    public Announcer(AggregateStore<Announcement> store, EventContext context, int failedAfterAttempts, Clock clock) {
        this.store = store;
        this.context = context;
        this.failedAfterAttempts = failedAfterAttempts;
        this.clock = clock;
    }

    @Override
    public void fired(List<Fired> fired, Instant now) {
        List<Announcement> announcements = new ArrayList<>();
        for (Fired one : fired) {
            Reminder reminder = one.reminder();
            if (reminder.kind().escalation()) {
                String subject = "escalation-raised:" + reminder.key();
                announcements.add(Announcement.of(subject, reminder.organisationId(),
                        version -> new NotificationEvents.EscalationRaised(context.newId(), Announcement.idOf(subject),
                                version, reminder.organisationId(), now, reminder.key(), reminder.kind().name(),
                                reminder.stage().name(), reminder.itemRef(), reminder.planId(), reminder.measureId(),
                                reminder.roundId(), reminder.dueDate(), reminder.unitIds(), one.recipientCount()),
                        clock.instant()));
            }
            else {
                String subject = "reminder-sent:" + reminder.key();
                announcements.add(Announcement.of(subject, reminder.organisationId(),
                        version -> new NotificationEvents.ReminderSent(context.newId(), Announcement.idOf(subject), version,
                                reminder.organisationId(), now, reminder.key(), reminder.kind().name(), reminder.itemRef(),
                                reminder.planId(), reminder.measureId(), reminder.roundId(), reminder.dueDate(),
                                reminder.unitIds(), one.recipientCount()),
                        clock.instant()));
            }
        }
        // One bulk write for the batch; an announcement stored before (a fire retried after a crash) is not again.
        Set<String> before = new HashSet<>();
        store.insertAll(announcements).forEach(announcement -> before.add(announcement.getSubject()));
        for (Announcement announcement : announcements) {
            if (before.contains(announcement.getSubject())) {
                log.debug("{} was announced before", announcement.getSubject());
            }
            else {
                log.info("Announced {}", announcement.getSubject());
            }
        }
    }

    @Override
    public void refused(OutgoingMail mail, int attempts, Exception failure) {
        if (attempts != failedAfterAttempts) {
            return;
        }
        String subject = "delivery-failed:" + mail.key();
        Instant now = clock.instant();
        announce(subject, mail.organisationId(), version -> new NotificationEvents.DeliveryFailed(context.newId(),
                Announcement.idOf(subject), version, mail.organisationId(), now, mail.key(), mail.itemRef(), attempts,
                failure.getClass().getSimpleName(), mail.createdAt()));
    }

    private void announce(String subject, String organisationId,
            java.util.function.LongFunction<se.trygghetsnav.commons.events.DomainEvent> event) {
        try {
            store.save(Announcement.of(subject, organisationId, event, clock.instant()));
            log.info("Announced {}", subject);
        }
        catch (DuplicateKeyException alreadyAnnounced) {
            log.debug("{} was announced before", subject);
        }
    }
}
