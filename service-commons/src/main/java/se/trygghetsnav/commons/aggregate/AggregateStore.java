package se.trygghetsnav.commons.aggregate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.security.Caller;
import se.trygghetsnav.commons.outbox.EventSerializer;
import se.trygghetsnav.commons.worker.WakeUpSignal;
import se.trygghetsnav.commons.outbox.PendingAggregates;
import se.trygghetsnav.commons.outbox.PendingEvent;

/**
 * Loads and stores one kind of aggregate, and is the only way to write it: a save sets the aggregate's
 * fields and appends its new events to the document's {@value PendingEvent#FIELD} in one single-document
 * update, so the change and its announcement are atomic without transactions (the embedded MongoDB server
 * has none).
 *
 * <p>The update {@code $push}es to the pending list rather than replacing the document, so it never brings
 * back events the relay has already published and removed in the meantime. After the write the aggregate is marked
 * in the relay's work list ({@link PendingAggregates}).
 *
 * @param <T> the aggregate type
 */
public class AggregateStore<T extends AggregateRoot> {

    private final MongoOperations mongo;
    private final EventSerializer serializer;
    private final WakeUpSignal relaySignal;
    private final PendingAggregates pendingAggregates;
    private final Class<T> type;
    private final String topic;

    AggregateStore(MongoOperations mongo, EventSerializer serializer, WakeUpSignal relaySignal,
            PendingAggregates pendingAggregates, Class<T> type, String topic) {
        this.pendingAggregates = pendingAggregates;
        this.mongo = mongo;
        this.serializer = serializer;
        this.relaySignal = relaySignal;
        this.type = type;
        this.topic = topic;
    }

    public String collection() {
        return mongo.getCollectionName(type);
    }

    /** The Kafka topic this aggregate's events are relayed to. */
    public String topic() {
        return topic;
    }

    public Class<T> type() {
        return type;
    }

    public Optional<T> findById(UUID id) {
        return Optional.ofNullable(mongo.findById(id, type));
    }

    /** Those of the aggregates that exist, read by {@code _id} alone (the index) in one query. */
    public List<T> findAllById(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : mongo.find(Query.query(Criteria.where("_id").in(ids)), type);
    }

    /**
     * Stores the aggregate with the events raised since it was loaded.
     *
     * @throws OptimisticLockingFailureException if someone else stored a newer version meanwhile
     */
    public T save(T aggregate) {
        List<DomainEvent> events = aggregate.raisedEvents();
        if (events.isEmpty()) {
            return aggregate;
        }
        MongoConverter converter = mongo.getConverter();
        List<Document> pending = pending(events);
        Document state = new Document();
        converter.write(aggregate, state);
        long expectedVersion = aggregate.loadedVersion();
        Object id = state.get("_id");
        if (expectedVersion == 0) {
            state.put(PendingEvent.FIELD, pending);
            mongo.insert(state, collection());
        }
        else {
            state.remove("_id");
            Update update = new Update();
            state.forEach(update::set);
            for (String absent : absentFields(state)) {
                update.unset(absent);
            }
            update.push(PendingEvent.FIELD).each(pending.toArray());
            Query current = Query.query(Criteria.where("_id").is(id).and("version").is(expectedVersion));
            UpdateResult result = mongo.updateFirst(current, update, collection());
            if (result.getMatchedCount() == 0) {
                throw new OptimisticLockingFailureException(type.getSimpleName() + " " + aggregate.getId()
                        + " was changed by someone else since version " + expectedVersion);
            }
        }
        aggregate.clearRaisedEvents();
        pendingAggregates.mark(collection(), Map.of(id, events.size()));
        relaySignal.wakeUp();
        return aggregate;
    }

    /**
     * Stores new aggregates (never stored before) with their events in one bulk write, for work that creates
     * many at once, such as a sweep. An aggregate someone else created meanwhile is not stored.
     *
     * @return the aggregates that were not stored because their id exists; their raised events are kept
     */
    public List<T> insertAll(List<T> fresh) {
        if (fresh.isEmpty()) {
            return List.of();
        }
        MongoConverter converter = mongo.getConverter();
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection());
        List<Object> ids = new ArrayList<>();
        for (T aggregate : fresh) {
            if (aggregate.loadedVersion() != 0) {
                throw new IllegalArgumentException(type.getSimpleName() + " " + aggregate.getId() + " was stored before");
            }
            Document state = new Document();
            converter.write(aggregate, state);
            state.put(PendingEvent.FIELD, pending(aggregate.raisedEvents()));
            ids.add(state.get("_id"));
            bulk.insert(state);
        }
        Set<Integer> notInserted = new HashSet<>();
        try {
            bulk.execute();
        }
        catch (BulkOperationException someExisted) {
            for (BulkWriteError error : someExisted.getErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw someExisted;
                }
                notInserted.add(error.getIndex());
            }
        }
        List<T> notStored = new ArrayList<>();
        Map<Object, Integer> stored = new LinkedHashMap<>();
        for (int index = 0; index < fresh.size(); index++) {
            if (notInserted.contains(index)) {
                notStored.add(fresh.get(index));
            }
            else {
                stored.put(ids.get(index), fresh.get(index).raisedEvents().size());
                fresh.get(index).clearRaisedEvents();
            }
        }
        pendingAggregates.mark(collection(), stored);
        relaySignal.wakeUp();
        return notStored;
    }

    /** The events as the relay reads them from the aggregate's pending list, with the caller who caused them. */
    private List<Document> pending(List<DomainEvent> events) {
        Caller actor = Caller.current().orElse(null);
        return events.stream().map(event -> serializer.toPending(event, actor)).map(event -> {
            Document document = new Document();
            mongo.getConverter().write(event, document);
            document.remove("_class");
            return document;
        }).toList();
    }

    /** Mapped fields that the converter left out because they are null now: they must be removed. */
    private List<String> absentFields(Document state) {
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type);
        List<String> absent = new ArrayList<>();
        for (MongoPersistentProperty property : entity) {
            if (!property.isIdProperty() && !state.containsKey(property.getFieldName())) {
                absent.add(property.getFieldName());
            }
        }
        return absent;
    }
}
