package se.trygghetsnav.followup.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The one clock of every followup-service context in a test JVM (see {@link TestClockAutoConfiguration}), so a
 * test sets "today" once for every instance that may handle its events or sweep. Starts at 2026-01-15 08:00
 * Europe/Stockholm.
 *
 * <p>Keep the days tests set in the past: events carry the clock's time as their Kafka timestamp, and the broker
 * refuses records stamped far in the future, which stalls the outbox relay for every later test of the JVM.
 */
public final class TestClock extends Clock {

    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    public static final TestClock INSTANCE = new TestClock();

    private volatile Instant now = LocalDate.of(2026, 1, 15).atTime(8, 0).atZone(STOCKHOLM).toInstant();

    private TestClock() {
    }

    /** Makes it 08:00 on {@code day} in Stockholm. */
    public static void setToday(LocalDate day) {
        INSTANCE.now = day.atTime(LocalTime.of(8, 0)).atZone(STOCKHOLM).toInstant();
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(INSTANCE.now, STOCKHOLM);
    }

    @Override
    public ZoneId getZone() {
        return STOCKHOLM;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
