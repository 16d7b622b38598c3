package org.feedhub.batch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.feedhub.store.FetchOutcome;
import org.feedhub.store.SourceStore;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The poll step's reader: claims sources a few at a time, polls up to {@code concurrency} of them
 * at once on its own threads, and hands the outcomes to the writer in the order they complete. A
 * slow source therefore holds up only itself: a pass takes about as long as its slowest source (or
 * its total work divided by the concurrency), never the sum of slow sources, as it would if each
 * chunk waited for its slowest member.
 *
 * <p>When a stop is requested (graceful shutdown) it claims and starts nothing more, gives back the
 * claims it will not start, and still hands over the sources in flight, so their results are
 * stored; once shutdown stops waiting ({@code abandoned}), it ends the step without them.
 */
final class PollingReader implements ItemStreamReader<List<FetchOutcome>> {
    private final Supplier<List<String>> claimNext;
    private final Function<String, FetchOutcome> poll;
    private final SourceStore sources;
    private final String instance;
    private final BooleanSupplier stopRequested;
    private final int concurrency;
    private final ExecutorService pool;
    private final CompletionService<FetchOutcome> done;
    private final Deque<String> claimed = new ArrayDeque<>();
    private final java.util.Set<String> polling;
    private final BooleanSupplier abandoned;
    private int inFlight;
    private boolean exhausted;

    PollingReader(
            Supplier<List<String>> claimNext,
            Function<String, FetchOutcome> poll,
            SourceStore sources,
            String instance,
            BooleanSupplier stopRequested,
            BooleanSupplier abandoned,
            java.util.Set<String> polling,
            int concurrency) {
        this.polling = polling;
        this.abandoned = abandoned;
        this.claimNext = claimNext;
        this.poll = poll;
        this.sources = sources;
        this.instance = instance;
        this.stopRequested = stopRequested;
        this.concurrency = concurrency;
        this.pool =
                Executors.newFixedThreadPool(
                        concurrency,
                        r -> {
                            Thread t = new Thread(r, "poll-" + instance.hashCode());
                            t.setDaemon(true);
                            return t;
                        });
        this.done = new ExecutorCompletionService<>(pool);
    }

    /**
     * The outcomes of every poll done by now: waits for the first, then takes the others that are
     * already done without waiting for any more (so a slow source holds up only itself).
     */
    @Override
    public List<FetchOutcome> read() throws Exception {
        fill(concurrency);
        if (inFlight == 0) return null;
        java.util.concurrent.Future<FetchOutcome> next;
        while ((next = done.poll(200, TimeUnit.MILLISECONDS)) == null) {
            if (abandoned.getAsBoolean()) return null; // shutdown stopped waiting for the rest
        }
        List<FetchOutcome> ready = new java.util.ArrayList<>();
        do {
            FetchOutcome outcome = next.get(); // poll() never throws: failures are outcomes
            inFlight--;
            polling.remove(outcome.sourceId());
            ready.add(outcome);
        } while (ready.size() < concurrency && (next = done.poll()) != null);
        // Start the next sources before the writer stores these: otherwise the freed slots stay
        // idle for the whole write, and a pass's fetching waits on its writing. But only the slots
        // of outcomes without stories (a 304, a failure): a source's stories count against the
        // concurrency until written, so a pass holds at most `concurrency` sources' stories
        // (twice that ran a 256 MB heap out of memory on 1,000 sources of 100 items).
        int withStories = 0;
        for (FetchOutcome o : ready) if (!o.items().items().isEmpty()) withStories++;
        fill(concurrency - withStories);
        return ready;
    }

    /** Keeps {@code limit} sources in flight while there are sources to claim. */
    private void fill(int limit) {
        if (stopRequested.getAsBoolean()) {
            if (!claimed.isEmpty()) sources.release(instance, claimed);
            claimed.clear();
            exhausted = true;
            return;
        }
        while (inFlight < limit) {
            if (claimed.isEmpty() && !exhausted) {
                List<String> next = claimNext.get();
                if (next.isEmpty()) exhausted = true;
                claimed.addAll(next);
            }
            String id = claimed.poll();
            if (id == null) return;
            polling.add(id);
            done.submit(() -> poll.apply(id));
            inFlight++;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
