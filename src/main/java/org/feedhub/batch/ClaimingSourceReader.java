package org.feedhub.batch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.feedhub.store.SourceStore;
import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Hands out source ids, claiming a few at a time for this instance (so instances sharing a database share
 * a pass) until none is left. When a stop is requested (graceful shutdown) it reads no further and gives back
 * the claims it will not finish, so another instance, or the next start, can take them at once instead of
 * waiting for the lease to run out.
 */
final class ClaimingSourceReader implements ItemReader<String> {
    private final Deque<String> ids = new ArrayDeque<>();
    private final Supplier<List<String>> claimNext;
    private final SourceStore sources;
    private final String instance;
    private final BooleanSupplier stopRequested;
    private boolean exhausted;

    ClaimingSourceReader(Supplier<List<String>> claimNext, SourceStore sources, String instance,
                         BooleanSupplier stopRequested) {
        this.claimNext = claimNext;
        this.sources = sources;
        this.instance = instance;
        this.stopRequested = stopRequested;
    }

    @Override
    public synchronized String read() {
        if (stopRequested.getAsBoolean()) {
            if (!ids.isEmpty()) sources.release(instance, ids);
            ids.clear();
            return null;
        }
        if (ids.isEmpty() && !exhausted) {
            List<String> next = claimNext.get();
            if (next.isEmpty()) {
                exhausted = true;
            } else {
                ids.addAll(next);
            }
        }
        return ids.poll();
    }
}
