package se.trygghetsnav.system.benchmark;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Latencies recorded by concurrent requests (or timed steps), with their percentiles in milliseconds. */
final class Latencies {

    private final long[] nanos;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();

    Latencies(int capacity) {
        nanos = new long[capacity];
    }

    void record(long elapsed, boolean ok) {
        nanos[count.getAndIncrement()] = elapsed;
        if (!ok) {
            errors.incrementAndGet();
        }
    }

    double percentile(int percentile) {
        long[] sorted = Arrays.copyOf(nanos, count.get());
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    int errors() {
        return errors.get();
    }

    int count() {
        return count.get();
    }
}
