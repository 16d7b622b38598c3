package org.feedhub.pipeline;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One source's processing deadline, spent across the steps run under it. Each step runs on a worker
 * thread while the polling thread waits at most for what is left; past it the step is interrupted
 * and abandoned, and the polling thread goes on, so no input can hold up the pass.
 */
final class Deadline {
    /** The deadline passed; the source is recorded as failed. */
    static final class Exceeded extends Exception {
        Exceeded() {
            super(null, null, false, false);
        }
    }

    private final ExecutorService workers;
    private long leftNanos;

    Deadline(Duration limit, ExecutorService workers) {
        this.workers = workers;
        this.leftNanos = limit.toNanos();
    }

    <T> T run(Callable<T> step) throws Exceeded {
        long t0 = System.nanoTime();
        Future<T> f = workers.submit(step);
        try {
            return f.get(Math.max(0, leftNanos), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new Exceeded();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new Exceeded();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } finally {
            leftNanos -= System.nanoTime() - t0;
        }
    }
}
