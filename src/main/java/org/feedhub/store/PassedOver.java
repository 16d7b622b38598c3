package org.feedhub.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Story ids a catch-up read and the near-duplicate index did not take (too short to compare, a
 * damaged fingerprint, refused or dropped at the index's cap), remembered for at least {@code
 * keep}, so the catch-ups of that time do not read their rows again every few seconds.
 *
 * <p>Two generations of sorted ids: the current one takes new ids, and each {@code keep} (or when
 * it holds {@code maxPerGeneration}) it becomes the previous one and the old previous one goes. An
 * id is therefore kept between {@code keep} and twice that, in 8 bytes, at most {@code 2 ×
 * maxPerGeneration} of them. Hand-written because a general cache (Caffeine) costs about 15 times
 * the memory per id, and on a small heap the ids can be tens of thousands. Forgetting early costs
 * only a read. Not thread-safe: {@link NearDuplicates} holds its lock.
 */
final class PassedOver {
    private final Duration keep;
    private final int maxPerGeneration;
    private long[] current = new long[0];
    private long[] previous = new long[0];
    private Instant currentSince;

    PassedOver(Duration keep, int maxPerGeneration) {
        this.keep = keep;
        this.maxPerGeneration = maxPerGeneration;
    }

    boolean contains(long id) {
        return Arrays.binarySearch(current, id) >= 0 || Arrays.binarySearch(previous, id) >= 0;
    }

    /** Remembers {@code ids} (any order) as of {@code now}. */
    void addAll(long[] ids, Instant now) {
        if (currentSince == null) currentSince = now;
        if (!now.isBefore(currentSince.plus(keep))
                || current.length + ids.length > maxPerGeneration) {
            previous = current;
            current = new long[0];
            currentSince = now;
        }
        if (ids.length == 0) return; // most catch-ups: nothing to merge
        long[] merged = Arrays.copyOf(current, current.length + ids.length);
        System.arraycopy(ids, 0, merged, current.length, ids.length);
        Arrays.sort(merged);
        // only a batch larger than a generation overflows (else it rotated above): keep its newest
        current =
                merged.length <= maxPerGeneration
                        ? merged
                        : Arrays.copyOfRange(
                                merged, merged.length - maxPerGeneration, merged.length);
    }

    /** Ids remembered now (both generations; an id may count twice). */
    int size() {
        return current.length + previous.length;
    }
}
