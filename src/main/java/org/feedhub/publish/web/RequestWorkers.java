package org.feedhub.publish.web;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's request threads: as many as the machine has cores while they keep up, more only
 * while every one of them is stuck (a slow client, a slow database) with requests waiting.
 *
 * <p>Why not Tomcat's own pool: it starts a thread for every request that finds no idle one, so 32
 * keep-alive clients keep 30-odd threads busy on 2 cores, and a 304 from ready bytes cost 24 µs of
 * CPU against 17 µs with as many threads as cores (`bench/results/notes.md`). But a fixed small
 * pool lets two clients that never read stall the server; so a watchdog adds threads when requests
 * wait and none finished since its last look, and takes them back once no stall has been seen for
 * {@code quiet}. No library does this for a servlet container (Jetty's and Tomcat's pools grow on
 * demand, not on stall).
 */
final class RequestWorkers extends ThreadPoolExecutor {
    private final int base;
    private final int max;
    private final long quietNanos;
    private final Thread watchdog;
    private static final org.slf4j.Logger log =
            org.slf4j.LoggerFactory.getLogger(RequestWorkers.class);
    private long lastCompleted = -1;
    private int stalledLooks;
    private long lastStallAt;
    private volatile boolean closed;

    /**
     * {@code base} threads, at most {@code max}; looked at every {@code tick}; back to {@code base}
     * after {@code quiet} without a stall.
     */
    RequestWorkers(String name, int base, int max, Duration tick, Duration quiet) {
        super(base, base, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads(name + "-"));
        if (base < 1 || max < base)
            throw new IllegalArgumentException("workers " + base + ", max " + max);
        this.base = base;
        this.max = max;
        this.quietNanos = quiet.toNanos();
        long tickMillis = Math.max(1, tick.toMillis());
        this.watchdog =
                new Thread(
                        () -> {
                            while (!closed) {
                                try {
                                    Thread.sleep(tickMillis);
                                } catch (InterruptedException e) {
                                    return;
                                }
                                look(System.nanoTime());
                            }
                        },
                        name + "-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /**
     * One look: a stall is requests waiting and none finished since the last look. Two looks in a
     * row that see one double the threads (one alone may be a GC pause); none for {@code quiet}
     * takes them back to {@code base}.
     */
    synchronized void look(long now) {
        long completed = getCompletedTaskCount();
        boolean stalled = !getQueue().isEmpty() && completed == lastCompleted;
        lastCompleted = completed;
        stalledLooks = stalled ? stalledLooks + 1 : 0;
        int size = getCorePoolSize();
        if (stalled) {
            lastStallAt = now;
            if (stalledLooks >= 2 && size < max) {
                int to = Math.min(max, size * 2);
                log.debug("request threads {} -> {}: all stuck with requests waiting", size, to);
                resize(to);
                stalledLooks = 0;
            }
        } else if (size > base && now - lastStallAt > quietNanos) {
            log.debug("request threads {} -> {}: no stall for {} s", size, base, quietNanos / 1e9);
            resize(base);
        }
    }

    private void resize(int n) {
        // Core and maximum move together: the queue is unbounded, so the pool never grows past
        // its core by itself, and a maximum above the core would keep extra threads alive.
        if (n > getMaximumPoolSize()) {
            setMaximumPoolSize(n);
            setCorePoolSize(n);
        } else {
            setCorePoolSize(n);
            setMaximumPoolSize(n);
        }
    }

    /** The most threads it may grow to. */
    int cap() {
        return max;
    }

    /** The threads it has now. */
    int threads() {
        return getCorePoolSize();
    }

    @Override
    protected void terminated() {
        closed = true;
        watchdog.interrupt();
        super.terminated();
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true); // as Tomcat's own workers: the server's lifecycle stops them
            return t;
        };
    }
}
