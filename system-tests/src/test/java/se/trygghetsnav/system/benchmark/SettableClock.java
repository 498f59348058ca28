package se.trygghetsnav.system.benchmark;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock a benchmark moves by hand and hands to the service it starts as its {@code Clock} bean (service-commons
 * provides its own only when none is defined), so that "the time comes" without waiting for it.
 */
final class SettableClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;

    SettableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return Clock.fixed(now, other);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
