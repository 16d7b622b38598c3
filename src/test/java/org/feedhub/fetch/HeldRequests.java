package org.feedhub.fetch;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;

/**
 * A WireMock transformer that holds each request of the stubs naming it inside the server, before
 * any response byte is sent, and records how many it held at once (the high-water mark). While a
 * request is held its client cannot have had an answer, so the mark is a lower bound on the
 * client's concurrency and never over-counts. A request is let go on {@link #release()}, once
 * {@code together} requests have been held at once, or after {@code hold}: a broken client makes a
 * slow red test, never a hang.
 */
final class HeldRequests implements ResponseDefinitionTransformerV2 {
    static final String NAME = "held-requests";

    private final Object lock = new Object();
    private int held;
    private int highWater;
    private int together = Integer.MAX_VALUE;
    private long holdMillis = 20_000;
    private boolean open;

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    /**
     * Lets go of earlier requests and forgets them; from now on holds each for {@code hold}, until
     * {@code together} are held at once, or until released.
     */
    void reset(int together, Duration hold) throws InterruptedException {
        synchronized (lock) {
            open = true;
            lock.notifyAll();
            while (held > 0) lock.wait(100);
            this.together = together;
            this.holdMillis = hold.toMillis();
            this.highWater = 0;
            this.open = false;
            lock.notifyAll();
        }
    }

    /** Lets every held request (and any later one) through. */
    void release() {
        synchronized (lock) {
            open = true;
            lock.notifyAll();
        }
    }

    /** How many requests the server holds right now. */
    int held() {
        synchronized (lock) {
            return held;
        }
    }

    /** The most requests held at once since the last reset. */
    int highWater() {
        synchronized (lock) {
            return highWater;
        }
    }

    /** Waits until the server holds at least {@code n} requests. */
    void awaitHeld(int n) throws InterruptedException {
        synchronized (lock) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (held < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("the server never held " + n + " requests");
                lock.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        synchronized (lock) {
            held++;
            highWater = Math.max(highWater, held);
            if (held >= together) open = true;
            lock.notifyAll();
            long deadline = System.nanoTime() + holdMillis * 1_000_000;
            try {
                while (!open) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) break;
                    lock.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                held--;
                lock.notifyAll();
            }
        }
        return event.getResponseDefinition();
    }
}
