package se.trygghetsnav.commons.aggregate;

import org.springframework.data.mongodb.core.MongoOperations;

import se.trygghetsnav.commons.outbox.EventSerializer;
import se.trygghetsnav.commons.outbox.PendingAggregates;
import se.trygghetsnav.commons.worker.WakeUpSignal;

/**
 * Creates the {@link AggregateStore} of each aggregate type; every store wakes the one outbox relay of the
 * service after it stored events.
 */
public class AggregateStores {

    private final MongoOperations mongo;
    private final EventSerializer serializer;
    private final WakeUpSignal relaySignal = new WakeUpSignal();
    private final PendingAggregates pendingAggregates;

    public AggregateStores(MongoOperations mongo, EventSerializer serializer) {
        this.mongo = mongo;
        this.serializer = serializer;
        this.pendingAggregates = new PendingAggregates(mongo);
    }

    /**
     * @param topic the Kafka topic the aggregate's events are relayed to
     */
    public <T extends AggregateRoot> AggregateStore<T> create(Class<T> type, String topic) {
        return new AggregateStore<>(mongo, serializer, relaySignal, pendingAggregates, type, topic);
    }

    /** Woken whenever any store saved events. */
    public WakeUpSignal relaySignal() {
        return relaySignal;
    }

    /** The relay's work list of aggregates with pending events. */
    public PendingAggregates pendingAggregates() {
        return pendingAggregates;
    }

    /**
     * For writers that append pending events to an aggregate document themselves rather than through its store:
     * call right after the write, so the relay finds the events at once (architecture.md: the outbox in the
     * aggregate).
     */
    public void pendingEventsStored(String collection, Object aggregateId, int events) {
        pendingAggregates.mark(collection, java.util.Map.of(aggregateId, events));
        relaySignal.wakeUp();
    }
}
