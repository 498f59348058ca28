package se.trygghetsnav.notification.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The one clock of every notification-service context in a test JVM (see {@link TestClockAutoConfiguration}), so a
 * test sets "now" for the consumers and dispatchers alike. Starts at 2026-01-15 08:00 Europe/Stockholm and stands
 * still until a test moves it.
 */
public final class TestClock extends Clock {

    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    public static final TestClock INSTANCE = new TestClock();

    private volatile Instant now = at(LocalDate.of(2026, 1, 15), LocalTime.of(8, 0));

    private TestClock() {
    }

    public static void set(LocalDate day, LocalTime time) {
        INSTANCE.now = at(day, time);
    }

    /** Makes it 08:00 on {@code day} in Stockholm. */
    public static void setToday(LocalDate day) {
        set(day, LocalTime.of(8, 0));
    }

    public static void advance(Duration duration) {
        INSTANCE.now = INSTANCE.now.plus(duration);
    }

    public static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(STOCKHOLM).toInstant();
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
