package se.trygghetsnav.commons.aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import se.trygghetsnav.commons.service.IdSource;

/**
 * What an aggregate needs to raise events and create entities: new time-ordered ids and the current time,
 * both injected so tests can fix them.
 */
public class EventContext {

    private final IdSource ids;
    private final Clock clock;

    public EventContext(IdSource ids, Clock clock) {
        this.ids = ids;
        this.clock = clock;
    }

    public UUID newId() {
        return ids.nextId();
    }

    public Instant now() {
        return clock.instant();
    }
}
