package se.trygghetsnav.commons.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongFunction;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.index.Indexed;

import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.tenancy.TenantOwned;

/**
 * An aggregate stored as one MongoDB document, whose every change raises a {@link DomainEvent}.
 *
 * <p>{@code version} counts the events raised over the aggregate's life: an event carries the version it
 * brings the aggregate to, and the same number is the aggregate's ETag. {@link AggregateStore} writes the
 * state and the new events in one single-document update guarded by the version the aggregate was loaded
 * at (optimistic locking), so state and events can never part. Every aggregate belongs to an organisation,
 * so reads and writes are limited to the caller's ({@link TenantOwned}).
 */
@TenantOwned
public abstract class AggregateRoot {

    @Id
    private UUID id;

    /** The owning organisation; every query of a tenant's data filters on it. */
    @Indexed
    private String organisationId;

    private long version;

    @Transient
    private final List<DomainEvent> raisedEvents = new ArrayList<>();

    /** For the object mapper. */
    protected AggregateRoot() {
    }

    protected AggregateRoot(UUID id, String organisationId) {
        this.id = id;
        this.organisationId = organisationId;
    }

    public UUID getId() {
        return id;
    }

    public String getOrganisationId() {
        return organisationId;
    }

    public long getVersion() {
        return version;
    }

    /**
     * Records a change: the version moves on by one and the event, built for that version, waits to be
     * stored with the aggregate.
     */
    protected <E extends DomainEvent> E raise(LongFunction<E> eventForVersion) {
        long next = version + 1;
        E event = eventForVersion.apply(next);
        if (event.aggregateVersion() != next || !id.equals(event.aggregateId())) {
            throw new IllegalStateException("Event " + event.getClass().getSimpleName()
                    + " must carry aggregate " + id + " at version " + next);
        }
        version = next;
        raisedEvents.add(event);
        return event;
    }

    /** The events raised since the aggregate was loaded or last stored, oldest first. */
    public List<DomainEvent> raisedEvents() {
        return List.copyOf(raisedEvents);
    }

    void clearRaisedEvents() {
        raisedEvents.clear();
    }

    /** The version the aggregate had when it was loaded (0 for a new one). */
    long loadedVersion() {
        return version - raisedEvents.size();
    }
}
