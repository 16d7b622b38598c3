package org.feedhub.app;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task run every {@code tick} (after each run ends) on a daemon thread of its own. A run that
 * throws is logged and the next one runs as usual; {@link #stop()} lets a run in progress finish
 * (up to 30 s).
 */
final class Ticker {
    private static final Logger log = LoggerFactory.getLogger(Ticker.class);
    private final ScheduledExecutorService timer;

    private Ticker(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static Ticker start(String name, Duration tick, Runnable task) {
        ScheduledExecutorService timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, name);
                            t.setDaemon(true);
                            return t;
                        });
        long millis = tick.toMillis();
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        log.warn("{}: {}", name, e.toString());
                    }
                },
                millis,
                millis,
                TimeUnit.MILLISECONDS);
        return new Ticker(timer);
    }

    void stop() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(30, TimeUnit.SECONDS)) timer.shutdownNow();
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
