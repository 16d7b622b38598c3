package org.feedhub.batch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.feedhub.store.SourceStore;
import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Hands out the source ids this instance claimed when the step opened. When a stop is requested (graceful
 * shutdown) it reads no further and gives back the claims it will not finish, so another instance, or the
 * next start, can take them at once instead of waiting for the lease to run out.
 */
final class ClaimingSourceReader implements ItemReader<String> {
    private final Deque<String> ids;
    private final SourceStore sources;
    private final String instance;
    private final BooleanSupplier stopRequested;

    ClaimingSourceReader(List<String> claimed, SourceStore sources, String instance, BooleanSupplier stopRequested) {
        this.ids = new ArrayDeque<>(claimed);
        this.sources = sources;
        this.instance = instance;
        this.stopRequested = stopRequested;
    }

    @Override
    public synchronized String read() {
        if (stopRequested.getAsBoolean() && !ids.isEmpty()) {
            sources.release(instance, ids);
            ids.clear();
        }
        return ids.poll();
    }
}
