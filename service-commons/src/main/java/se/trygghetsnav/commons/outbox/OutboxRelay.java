package se.trygghetsnav.commons.outbox;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import se.trygghetsnav.commons.aggregate.AggregateStore;
import se.trygghetsnav.commons.audit.AuditTrail;
import se.trygghetsnav.commons.tenancy.TenantScope;

/**
 * Publishes the pending events of every aggregate collection to Kafka, in order, then removes exactly
 * the events the broker acknowledged (architecture.md: the outbox in the aggregate). Before publishing, it
 * records each event's write in the audit trail.
 *
 * <p>Runs in a {@link se.trygghetsnav.commons.worker.BackgroundWorker}, woken whenever an aggregate store
 * saved events. A crash between publishing and removing publishes those events again after restart: consumers are
 * idempotent. Only one instance relays at a time (ShedLock), so events of one aggregate are not sent by
 * two relays at once. The producer is idempotent with {@code acks=all}; sends within a pass are
 * pipelined and the pass waits for all acknowledgements, keeping per-key order.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String LOCK_NAME = "outbox-relay";
    private static final Duration LOCK_HOLD = Duration.ofSeconds(30);
    /** Bounds what one pass holds in memory and in flight; the next pass takes the rest. */
    private static final int MAX_EVENTS_PER_PASS = 5_000;

    private final MongoOperations mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final List<AggregateStore<?>> sources;
    private final LockingTaskExecutor locks;
    private final OutboxProperties properties;
    private final URI eventSource;
    private final MeterRegistry meters;
    private final AuditTrail auditTrail;
    private final AtomicLong backlog = new AtomicLong();

    public OutboxRelay(MongoOperations mongo, KafkaTemplate<String, byte[]> kafka, List<AggregateStore<?>> sources,
            LockingTaskExecutor locks, OutboxProperties properties, URI eventSource,
            MeterRegistry meters, AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
        this.mongo = mongo;
        this.kafka = kafka;
        this.sources = List.copyOf(sources);
        this.locks = locks;
        this.properties = properties;
        this.eventSource = eventSource;
        this.meters = meters;
        meters.gauge("trygghetsnav.outbox.backlog", backlog);
    }

    /**
     * Relays everything pending now, under the cluster-wide relay lock.
     *
     * @return how many events the broker acknowledged; 0 also when another instance holds the lock
     */
    public int relayPending() {
        AtomicInteger published = new AtomicInteger();
        // The relay serves every organisation's aggregates.
        TenantScope.runAsSystem(() -> locks.executeWithLock((Runnable) () -> {
            // Bounded, so the lock is given back well before it expires even under a steady stream of writes.
            long deadline = System.nanoTime() + LOCK_HOLD.toNanos();
            int inPass;
            do {
                inPass = relayOnePass();
                published.addAndGet(inPass);
            }
            while (inPass > 0 && System.nanoTime() < deadline);
        }, new LockConfiguration(Instant.now(), LOCK_NAME, LOCK_HOLD.multipliedBy(4), Duration.ZERO)));
        return published.get();
    }

    private int relayOnePass() {
        List<InFlight> inFlight = new ArrayList<>();
        long seen = 0;
        for (AggregateStore<?> source : sources) {
            if (seen >= MAX_EVENTS_PER_PASS) {
                break;
            }
            // One aggregate per reply: after an import an aggregate carries hundreds of events, and the embedded
            // server does not split a batch at 16 MB as MongoDB does, so a batch of many such aggregates
            // exceeds the driver's 48 MB message limit and the relay could never read it.
            Query withPending = Query.query(Criteria.where(PendingEvent.FIELD + ".eventId").exists(true))
                    .limit(properties.batchSize()).cursorBatchSize(1);
            withPending.fields().include(PendingEvent.FIELD).include("organisationId");
            try (var aggregates = mongo.stream(withPending, Document.class, source.collection())) {
                for (var iterator = aggregates.iterator(); iterator.hasNext() && seen < MAX_EVENTS_PER_PASS;) {
                    Document aggregate = iterator.next();
                    List<PendingEvent> events = pendingEvents(aggregate);
                    seen += events.size();
                    auditTrail.recordAll(events, aggregate.getString("organisationId"), source.type().getSimpleName());
                    List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
                    for (PendingEvent event : events) {
                        sends.add(kafka.send(CloudEventRecords.toRecord(source.topic(), eventSource, event)));
                    }
                    inFlight.add(new InFlight(source, aggregate.get("_id"), events, sends));
                }
            }
        }
        backlog.set(seen);
        if (inFlight.isEmpty()) {
            return 0;
        }
        kafka.flush();
        int published = 0;
        RuntimeException firstFailure = null;
        for (InFlight aggregate : inFlight) {
            try {
                published += aggregate.removeAcknowledged();
            }
            catch (RuntimeException ex) {
                // Keep removing what the other aggregates had acknowledged, or it would be sent again.
                firstFailure = firstFailure == null ? ex : firstFailure;
            }
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
        return published;
    }

    private List<PendingEvent> pendingEvents(Document aggregate) {
        List<PendingEvent> events = new ArrayList<>();
        for (Object raw : aggregate.getList(PendingEvent.FIELD, Object.class, List.of())) {
            events.add(mongo.getConverter().read(PendingEvent.class, (Document) raw));
        }
        return events;
    }

    private final class InFlight {

        private final AggregateStore<?> source;
        private final Object aggregateId;
        private final List<PendingEvent> events;
        private final List<CompletableFuture<SendResult<String, byte[]>>> sends;

        InFlight(AggregateStore<?> source, Object aggregateId, List<PendingEvent> events,
                List<CompletableFuture<SendResult<String, byte[]>>> sends) {
            this.source = source;
            this.aggregateId = aggregateId;
            this.events = events;
            this.sends = sends;
        }

        /** Removes the acknowledged prefix of the events; a failed send keeps it and all after it. */
        int removeAcknowledged() {
            List<PendingEvent> acknowledged = new ArrayList<>();
            RuntimeException failure = null;
            for (int i = 0; i < events.size(); i++) {
                try {
                    sends.get(i).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    acknowledged.add(events.get(i));
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    failure = new IllegalStateException("Interrupted while waiting for the broker", ex);
                    break;
                }
                catch (ExecutionException | TimeoutException ex) {
                    failure = new IllegalStateException("Broker did not acknowledge event " + events.get(i).eventId()
                            + " of " + source.collection() + " " + aggregateId, ex);
                    break;
                }
            }
            if (!acknowledged.isEmpty()) {
                // Pending events are in version order and the acknowledged ones are a prefix of them, so one
                // version bound removes them all (cheaper than matching hundreds of ids after an import).
                long lastAcknowledged = acknowledged.getLast().aggregateVersion();
                mongo.updateFirst(Query.query(Criteria.where("_id").is(aggregateId)),
                        new Update().pull(PendingEvent.FIELD,
                                new Document("aggregateVersion", new Document("$lte", lastAcknowledged))),
                        source.collection());
                Counter.builder("trygghetsnav.outbox.relayed")
                        .description("Events published from the outbox and acknowledged by the broker")
                        .tag("topic", source.topic())
                        .register(meters)
                        .increment(acknowledged.size());
                for (PendingEvent event : events.subList(0, acknowledged.size())) {
                    log.debug("Relayed {} {} v{} of {} {} to {}", event.type(), event.eventId(), event.aggregateVersion(),
                            source.collection(), aggregateId, source.topic());
                }
            }
            if (failure != null) {
                throw failure;
            }
            return acknowledged.size();
        }
    }
}
