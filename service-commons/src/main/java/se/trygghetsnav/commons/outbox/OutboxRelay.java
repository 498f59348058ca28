package se.trygghetsnav.commons.outbox;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import se.trygghetsnav.commons.aggregate.AggregateStore;
import se.trygghetsnav.commons.audit.AuditEntry;
import se.trygghetsnav.commons.audit.AuditTrail;
import se.trygghetsnav.commons.tenancy.TenantScope;

/**
 * Publishes the pending events of every aggregate collection to Kafka, in order, then removes exactly
 * the events the broker acknowledged (architecture.md: the outbox in the aggregate). Before publishing, it
 * records each event's write in the audit trail.
 *
 * <p>A pass reads the aggregates its work list names ({@link PendingAggregates}), so its cost follows what is
 * pending, not what is stored; the audit entries, the removals and the settled markers of a pass are one bulk write
 * each (the audit entries one per reply, before its events are sent). A sweep of the collections themselves, at {@link OutboxProperties#sweepInterval()}, finds events whose writer
 * died before marking them.
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
    private static final int EVENTS_PER_REPLY = 1_000;

    private final MongoOperations mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final List<AggregateStore<?>> sources;
    private final LockingTaskExecutor locks;
    private final OutboxProperties properties;
    private final URI eventSource;
    private final MeterRegistry meters;
    private final AuditTrail auditTrail;
    private final AtomicLong backlog = new AtomicLong();
    private final PendingAggregates pendingAggregates;
    /** When the last sweep ended ({@link System#nanoTime()}); 0 before the first. */
    private long lastSweep;

    public OutboxRelay(MongoOperations mongo, KafkaTemplate<String, byte[]> kafka, List<AggregateStore<?>> sources,
            PendingAggregates pendingAggregates, LockingTaskExecutor locks, OutboxProperties properties, URI eventSource,
            MeterRegistry meters, AuditTrail auditTrail) {
        this.pendingAggregates = pendingAggregates;
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
        sweepIfDue();
        List<PendingAggregates.Marker> markers = pendingAggregates.next(properties.batchSize());
        Map<String, List<PendingAggregates.Marker>> byCollection = new LinkedHashMap<>();
        markers.forEach(marker -> byCollection.computeIfAbsent(marker.collection(), c -> new ArrayList<>()).add(marker));
        List<InFlight> inFlight = new ArrayList<>();
        List<PendingAggregates.Marker> nothingPending = new ArrayList<>();
        long seen = 0;
        for (AggregateStore<?> source : sources) {
            List<PendingAggregates.Marker> marked = byCollection.remove(source.collection());
            if (marked == null || seen >= MAX_EVENTS_PER_PASS) {
                continue;
            }
            Map<Object, PendingAggregates.Marker> markerById = new LinkedHashMap<>();
            marked.forEach(marker -> markerById.put(marker.aggregateId(), marker));
            Set<Object> read = new HashSet<>();
            for (List<Object> ids : byReply(marked)) {
                if (seen >= MAX_EVENTS_PER_PASS) {
                    break;
                }
                Query withPending = Query.query(Criteria.where("_id").in(ids)).cursorBatchSize(ids.size());
                withPending.fields().include(PendingEvent.FIELD).include("organisationId");
                List<AuditEntry> audit = new ArrayList<>();
                int sentBefore = inFlight.size();
                try (var aggregates = mongo.stream(withPending, Document.class, source.collection())) {
                    for (var iterator = aggregates.iterator(); iterator.hasNext() && seen < MAX_EVENTS_PER_PASS;) {
                        Document aggregate = iterator.next();
                        Object id = aggregate.get("_id");
                        read.add(id);
                        PendingAggregates.Marker marker = markerById.get(id);
                        List<PendingEvent> events = pendingEvents(aggregate);
                        if (events.isEmpty()) {
                            nothingPending.add(marker);
                            continue;
                        }
                        seen += events.size();
                        audit.addAll(AuditTrail.entriesOf(events, aggregate.getString("organisationId"),
                                source.type().getSimpleName()));
                        inFlight.add(new InFlight(source, id, marker, events));
                    }
                }
                // Recorded before publishing, so no published write lacks its entry even if the process dies
                // meanwhile; sent at once, so the broker works while the next reply is read.
                auditTrail.recordAll(audit);
                inFlight.subList(sentBefore, inFlight.size()).forEach(InFlight::send);
            }
            if (seen < MAX_EVENTS_PER_PASS) {
                // Marked, and gone: nothing of it to relay.
                markerById.forEach((id, marker) -> {
                    if (!read.contains(id)) {
                        nothingPending.add(marker);
                    }
                });
            }
        }
        byCollection.values().forEach(unknown -> {
            log.warn("Outbox markers of {} aggregates of collection {}, which no aggregate store of this service"
                    + " writes, dropped", unknown.size(), unknown.getFirst().collection());
            nothingPending.addAll(unknown);
        });
        backlog.set(seen);
        if (inFlight.isEmpty()) {
            pendingAggregates.settle(nothingPending);
            return 0;
        }
        kafka.flush();
        int published = 0;
        RuntimeException firstFailure = null;
        Map<AggregateStore<?>, BulkOperations> removals = new LinkedHashMap<>();
        List<PendingAggregates.Marker> done = new ArrayList<>(nothingPending);
        for (InFlight aggregate : inFlight) {
            Acknowledged acknowledged = aggregate.acknowledged();
            if (acknowledged.count() > 0) {
                // Pending events are in version order and the acknowledged ones are a prefix of them, so one
                // version bound removes them all (cheaper than matching hundreds of ids after an import).
                removals.computeIfAbsent(aggregate.source, source -> mongo.bulkOps(BulkOperations.BulkMode.UNORDERED,
                        source.collection())).updateOne(Query.query(Criteria.where("_id").is(aggregate.aggregateId)),
                        new Update().pull(PendingEvent.FIELD,
                                new Document("aggregateVersion", new Document("$lte", acknowledged.lastVersion()))));
                published += acknowledged.count();
                Counter.builder("trygghetsnav.outbox.relayed")
                        .description("Events published from the outbox and acknowledged by the broker")
                        .tag("topic", aggregate.source.topic())
                        .register(meters)
                        .increment(acknowledged.count());
            }
            if (acknowledged.failure() == null) {
                done.add(aggregate.marker);
            }
            else {
                // The marker stays, so the next pass tries the rest again.
                firstFailure = firstFailure == null ? acknowledged.failure() : firstFailure;
            }
        }
        // Every aggregate's acknowledged events are removed, also when another's failed, or they would be sent again.
        removals.values().forEach(BulkOperations::execute);
        pendingAggregates.settle(done);
        if (firstFailure != null) {
            throw firstFailure;
        }
        return published;
    }

    /**
     * The marked aggregates' ids, grouped so that one reply carries about {@value #EVENTS_PER_REPLY} events at most
     * (one aggregate per reply however many it has): the embedded server does not split a reply at 16 MB as MongoDB
     * does, and after an import an aggregate carries hundreds of events, so a reply of many such aggregates would
     * exceed the driver's 48 MB message limit and the relay could never read it. Announcements, one event each, go
     * hundreds to a reply.
     */
    private static List<List<Object>> byReply(List<PendingAggregates.Marker> markers) {
        List<List<Object>> replies = new ArrayList<>();
        List<Object> current = new ArrayList<>();
        int events = 0;
        for (PendingAggregates.Marker marker : markers) {
            int expected = Math.max(1, marker.events());
            if (!current.isEmpty() && events + expected > EVENTS_PER_REPLY) {
                replies.add(current);
                current = new ArrayList<>();
                events = 0;
            }
            current.add(marker.aggregateId());
            events += expected;
        }
        if (!current.isEmpty()) {
            replies.add(current);
        }
        return replies;
    }

    /**
     * Marks every aggregate that has pending events, in case a writer died between storing events and marking its
     * aggregate: on the first pass and then once per sweep interval. It reads every aggregate collection whole.
     */
    private void sweepIfDue() {
        long now = System.nanoTime();
        if (lastSweep != 0 && now - lastSweep < properties.sweepInterval().toNanos()) {
            return;
        }
        for (AggregateStore<?> source : sources) {
            Query withPending = Query.query(Criteria.where(PendingEvent.FIELD + ".eventId").exists(true));
            withPending.fields().include("_id");
            List<Object> ids = new ArrayList<>();
            try (var aggregates = mongo.stream(withPending, Document.class, source.collection())) {
                aggregates.forEach(aggregate -> ids.add(aggregate.get("_id")));
            }
            for (int i = 0; i < ids.size(); i += properties.batchSize()) {
                pendingAggregates.markIfAbsent(source.collection(),
                        ids.subList(i, Math.min(ids.size(), i + properties.batchSize())));
            }
            if (!ids.isEmpty()) {
                log.info("Outbox sweep found {} aggregates with pending events in {}", ids.size(), source.collection());
            }
        }
        lastSweep = System.nanoTime();
    }

    private List<PendingEvent> pendingEvents(Document aggregate) {
        List<PendingEvent> events = new ArrayList<>();
        for (Object raw : aggregate.getList(PendingEvent.FIELD, Object.class, List.of())) {
            events.add(mongo.getConverter().read(PendingEvent.class, (Document) raw));
        }
        return events;
    }

    /** How many of an aggregate's events in flight the broker acknowledged, the last one's version, and why not all. */
    private record Acknowledged(int count, long lastVersion, RuntimeException failure) {
    }

    private final class InFlight {

        private final AggregateStore<?> source;
        private final Object aggregateId;
        private final PendingAggregates.Marker marker;
        private final List<PendingEvent> events;
        private final List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();

        InFlight(AggregateStore<?> source, Object aggregateId, PendingAggregates.Marker marker, List<PendingEvent> events) {
            this.source = source;
            this.aggregateId = aggregateId;
            this.marker = marker;
            this.events = events;
        }

        /** Sends the events, pipelined: in order, keyed by the aggregate, so they stay in order on its partition. */
        void send() {
            for (PendingEvent event : events) {
                sends.add(kafka.send(CloudEventRecords.toRecord(source.topic(), eventSource, event)));
            }
        }

        /** The acknowledged prefix of the events; a failed send ends it. */
        Acknowledged acknowledged() {
            int count = 0;
            RuntimeException failure = null;
            for (int i = 0; i < events.size(); i++) {
                try {
                    sends.get(i).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    count++;
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
            for (PendingEvent event : events.subList(0, count)) {
                log.debug("Relayed {} {} v{} of {} {} to {}", event.type(), event.eventId(), event.aggregateVersion(),
                        source.collection(), aggregateId, source.topic());
            }
            return new Acknowledged(count, count == 0 ? 0 : events.get(count - 1).aggregateVersion(), failure);
        }
    }
}
