package se.trygghetsnav.commons.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.messaging.Message;

import se.trygghetsnav.commons.idempotency.ProcessedEventLog;
import se.trygghetsnav.commons.tenancy.TenantScope;

/**
 * The body of a Spring Cloud Stream consumer: reads the CloudEvent, picks the handler by {@code ce_type},
 * reads the payload into the consumer's own tolerant record and validates it.
 *
 * <p>Unknown types are skipped (conventions.md: consumers ignore unknown types). Anything unreadable
 * raises {@link MalformedEventException}, which the bindings do not retry: it goes straight to the
 * dead-letter topic. With a {@link ProcessedEventLog}, an event id seen before is skipped; handlers must
 * still be idempotent, because a crash between handling and recording repeats the handler.
 */
public final class EventDispatcher implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    private final String consumerName;
    private final JsonMapper jsonMapper;
    private final Validator validator;
    private final Map<String, Route<?>> routes;
    private final ProcessedEventLog processedEvents;

    private EventDispatcher(Builder builder) {
        this.consumerName = builder.consumerName;
        this.jsonMapper = builder.jsonMapper;
        this.validator = builder.validator;
        this.routes = Map.copyOf(builder.routes);
        this.processedEvents = builder.processedEvents;
    }

    public static Builder builder(String consumerName, JsonMapper jsonMapper, Validator validator) {
        return new Builder(consumerName, jsonMapper, validator);
    }

    /** The event types this consumer handles. */
    public Set<String> handledTypes() {
        return routes.keySet();
    }

    @Override
    public void accept(Message<byte[]> message) {
        prepare(message).handle();
    }

    /**
     * Reads, routes and validates one event without handling it, so that a batch consumer can find the
     * malformed records of a batch before it applies any of them.
     *
     * @throws MalformedEventException when the record is unreadable or breaks its contract
     */
    public Prepared prepare(Message<byte[]> message) {
        InboundEvent event = InboundEvent.from(message);
        Route<?> route = routes.get(event.type());
        if (route == null) {
            log.debug("{} ignores event {} of type {}", consumerName, event.id(), event.type());
            return new Prepared(event, null);
        }
        return new Prepared(event, prepared(route, event));
    }

    private <T> Runnable prepared(Route<T> route, InboundEvent event) {
        T payload = read(event, route.payloadType());
        return () -> {
            if (processedEvents != null && processedEvents.contains(consumerName, event.id())) {
                log.info("{} skips event {} ({}), already processed", consumerName, event.id(), event.type());
                return;
            }
            // Consumers serve no single caller; what they touch is chosen by the event, across organisations.
            TenantScope.runAsSystem(() -> route.handler().handle(event, payload));
            if (processedEvents != null) {
                processedEvents.record(consumerName, event);
            }
        };
    }

    /** An event read and validated, with its handler (none for types this consumer ignores). */
    public static final class Prepared {

        private final InboundEvent event;
        private final Runnable handling;

        private Prepared(InboundEvent event, Runnable handling) {
            this.event = event;
            this.handling = handling;
        }

        public InboundEvent event() {
            return event;
        }

        /** Runs the event's handler; does nothing for a type this consumer ignores. */
        public void handle() {
            if (handling != null) {
                handling.run();
            }
        }
    }

    private <T> T read(InboundEvent event, Class<T> payloadType) {
        T payload;
        try {
            payload = jsonMapper.readValue(event.data(), payloadType);
        }
        catch (JacksonException ex) {
            throw new MalformedEventException("Event " + event.id() + " of type " + event.type()
                    + " has an unreadable payload: " + ex.getOriginalMessage(), ex);
        }
        if (payload == null) {
            throw new MalformedEventException("Event " + event.id() + " has an empty payload");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(payload);
        if (!violations.isEmpty()) {
            throw new MalformedEventException("Event " + event.id() + " of type " + event.type() + " breaks its contract: "
                    + violations.stream()
                            .map(v -> v.getPropertyPath() + " " + v.getMessage())
                            .sorted()
                            .collect(Collectors.joining(", ")));
        }
        return payload;
    }

    private record Route<T>(Class<T> payloadType, EventHandler<T> handler) {
    }

    public static final class Builder {

        private final String consumerName;
        private final JsonMapper jsonMapper;
        private final Validator validator;
        private final Map<String, Route<?>> routes = new LinkedHashMap<>();
        private ProcessedEventLog processedEvents;

        private Builder(String consumerName, JsonMapper jsonMapper, Validator validator) {
            this.consumerName = consumerName;
            this.jsonMapper = jsonMapper;
            this.validator = validator;
        }

        /** Routes events of {@code type} to {@code handler}, read as {@code payloadType}. */
        public <T> Builder on(String type, Class<T> payloadType, EventHandler<T> handler) {
            if (!EventTypes.isWellFormed(type)) {
                throw new IllegalArgumentException("Not a Trygghetsnav event type: " + type);
            }
            routes.put(type, new Route<>(payloadType, handler));
            return this;
        }

        /** Skips event ids this consumer has processed before (for handlers without a version check). */
        public Builder skipProcessed(ProcessedEventLog log) {
            this.processedEvents = log;
            return this;
        }

        public EventDispatcher build() {
            return new EventDispatcher(this);
        }
    }
}
