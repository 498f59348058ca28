package se.trygghetsnav.commons.worker;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Wakes a {@link BackgroundWorker} as soon as there is work (events stored, mails queued), so work is done
 * within milliseconds; the worker's poll interval only matters for work left by a crash or by another
 * instance.
 */
public class WakeUpSignal {

    private final BlockingQueue<Boolean> pending = new ArrayBlockingQueue<>(1);

    public void wakeUp() {
        pending.offer(Boolean.TRUE);
    }

    /** Waits until woken or the timeout passed. */
    void await(Duration timeout) throws InterruptedException {
        pending.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
