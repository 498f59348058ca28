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

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(60).toMillis());
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
