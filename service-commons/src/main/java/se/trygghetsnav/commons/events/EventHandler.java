package se.trygghetsnav.commons.events;

/** Handles one type of inbound event; must be idempotent (events can arrive more than once). */
@FunctionalInterface
public interface EventHandler<T> {

    void handle(InboundEvent event, T payload);
}
