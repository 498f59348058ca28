package se.trygghetsnav.notification.announce;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.springframework.data.mongodb.core.mapping.Document;

import se.trygghetsnav.commons.aggregate.AggregateRoot;
import se.trygghetsnav.commons.events.DomainEvent;

/**
 * The announcement of one thing notification-service did: a reminder sent, an escalation raised, a mail that could
 * not be delivered. Its id is derived from what it announces ({@link #idOf}), so the same thing is announced at
 * most once: a second insert collides. The event waits in the document's outbox until the relay publishes it on
 * {@code notification.events}.
 */
@Document("announcements")
public class Announcement extends AggregateRoot {

    private String subject;
    private String eventType;
    private Instant announcedAt;

    protected Announcement() {
    }

    private Announcement(UUID id, String organisationId, String subject) {
        super(id, organisationId);
        this.subject = subject;
    }

    /** A deterministic id for announcing {@code subject}, e.g. {@code reminder-sent:<reminder key>}. */
    public static UUID idOf(String subject) {
        return UUID.nameUUIDFromBytes(subject.getBytes(StandardCharsets.UTF_8));
    }

    static Announcement of(String subject, String organisationId, java.util.function.LongFunction<DomainEvent> event,
            Instant now) {
        Announcement announcement = new Announcement(idOf(subject), organisationId, subject);
        DomainEvent raised = announcement.raise(event);
        announcement.eventType = raised.getClass().getSimpleName();
        announcement.announcedAt = now;
        return announcement;
    }

    public String getSubject() {
        return subject;
    }

    public String getEventType() {
        return eventType;
    }

    public Instant getAnnouncedAt() {
        return announcedAt;
    }
}
