package se.trygghetsnav.commons.aggregate;

import org.springframework.data.mongodb.core.MongoOperations;

import se.trygghetsnav.commons.outbox.EventSerializer;
import se.trygghetsnav.commons.worker.WakeUpSignal;

/**
 * Creates the {@link AggregateStore} of each aggregate type; every store wakes the one outbox relay of the
 * service after it stored events.
 */
public class AggregateStores {

    private final MongoOperations mongo;
    private final EventSerializer serializer;
    private final WakeUpSignal relaySignal = new WakeUpSignal();

    public AggregateStores(MongoOperations mongo, EventSerializer serializer) {
        this.mongo = mongo;
        this.serializer = serializer;
    }

    /**
     * @param topic the Kafka topic the aggregate's events are relayed to
     */
    public <T extends AggregateRoot> AggregateStore<T> create(Class<T> type, String topic) {
        return new AggregateStore<>(mongo, serializer, relaySignal, type, topic);
    }

    /** Woken whenever any store saved events. */
    public WakeUpSignal relaySignal() {
        return relaySignal;
    }
}
