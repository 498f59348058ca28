package se.trygghetsnav.commons.outbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;
import se.trygghetsnav.commons.events.EventTypes;
import se.trygghetsnav.commons.security.Caller;

/** Turns a domain event record into the pending event stored with its aggregate. */
public class EventSerializer {

    private final JsonMapper jsonMapper;

    public EventSerializer(JsonMapper jsonMapper) {
        // Absent optional fields are left out rather than written as null: "no due date", not "due date null".
        this.jsonMapper = jsonMapper.rebuild()
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
    }

    /** The event as it waits in the outbox, with who caused it (null: the system). */
    public PendingEvent toPending(DomainEvent event, @Nullable Caller actor) {
        return new PendingEvent(event.eventId(), typeOf(event.getClass()), event.aggregateId(), event.aggregateVersion(),
                event.occurredAt(), jsonMapper.writeValueAsString(event),
                actor == null ? PendingEvent.SYSTEM_ACTOR : actor.subject(), actor == null ? null : actor.organisationId());
    }

    public static String typeOf(Class<?> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " lacks @EventType");
        }
        if (!EventTypes.isWellFormed(type.value())) {
            throw new IllegalArgumentException(eventClass.getName() + " has a malformed event type: " + type.value());
        }
        return type.value();
    }
}
