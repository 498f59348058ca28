package se.trygghetsnav.commons.outbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.events.EventType;
import se.trygghetsnav.commons.events.EventTypes;

/** Turns a domain event record into the pending event stored with its aggregate. */
public class EventSerializer {

    private final JsonMapper jsonMapper;

    public EventSerializer(JsonMapper jsonMapper) {
        // Absent optional fields are left out rather than written as null: "no due date", not "due date null".
        this.jsonMapper = jsonMapper.rebuild()
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
    }

    public PendingEvent toPending(DomainEvent event) {
        return new PendingEvent(event.eventId(), typeOf(event.getClass()), event.aggregateId(), event.aggregateVersion(),
                event.occurredAt(), jsonMapper.writeValueAsString(event));
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
