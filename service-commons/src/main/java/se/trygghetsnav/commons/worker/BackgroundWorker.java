package se.trygghetsnav.commons.worker;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import se.trygghetsnav.commons.tenancy.TenantScope;

/**
 * Runs a pass of work on its own thread whenever it is woken and at least every poll interval; after a
 * failed pass it waits twice as long each time, up to a limit, so a broker or mail server that is down is
 * not hammered. Stopping waits for the pass in progress.
 */
public class BackgroundWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundWorker.class);

    /** How long stopping waits for a pass in progress before interrupting it. */
    static final Duration STOP_GRACE = Duration.ofSeconds(45);

    private final String name;
    private final Runnable pass;
    private final WakeUpSignal signal;
    private final Duration pollInterval;
    private final Duration maxBackoff;
    private final boolean enabled;

    private volatile Thread thread;
    private volatile boolean running;

    public BackgroundWorker(String name, Runnable pass, WakeUpSignal signal, Duration pollInterval, Duration maxBackoff,
            boolean enabled) {
        this.name = name;
        this.pass = pass;
        this.signal = signal;
        this.pollInterval = pollInterval;
        this.maxBackoff = maxBackoff;
        this.enabled = enabled;
    }

    @Override
    public synchronized void start() {
        if (running || !enabled) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name(name).daemon().start(this::loop);
        log.info("{} started", name);
    }

    /**
     * Stops after the pass in progress, which is not interrupted: a pass interrupted inside a MongoDB call cannot
     * release its cluster-wide lock, and every other instance would then wait for the lock to expire (found with
     * two followup-service instances: the outbox relay of the others stalled for two minutes). Only a pass still
     * running after {@link #STOP_GRACE} is interrupted.
     */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        // Ends a pause at once; a pass in progress finishes, releases its lock, and the loop then sees it must stop.
        signal.wakeUp();
        try {
            thread.join(STOP_GRACE.toMillis());
            if (thread.isAlive()) {
                log.warn("{} still busy after {}; interrupting it", name, STOP_GRACE);
                thread.interrupt();
                thread.join(Duration.ofSeconds(10).toMillis());
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        log.info("{} stopped", name);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        Duration pause = pollInterval;
        while (running) {
            try {
                // Background work serves no single caller: relays and dispatchers span organisations.
                TenantScope.runAsSystem(pass);
                pause = pollInterval;
            }
            catch (RuntimeException ex) {
                pause = pause.multipliedBy(2).compareTo(maxBackoff) <= 0 ? pause.multipliedBy(2) : maxBackoff;
                if (running) {
                    log.warn("{} pass failed; next try in {}: {}", name, pause, causes(ex));
                }
            }
            try {
                signal.await(pause);
            }
            catch (InterruptedException ex) {
                // stop() interrupts; the loop condition decides.
            }
        }
    }

    private static String causes(Throwable failure) {
        StringBuilder text = new StringBuilder(failure.toString());
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" <- ").append(cause);
        }
        return text.toString();
    }
}
