package org.feedhub.dedup;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds, among the stories added so far, the one nearest to a new story's {@link Fingerprint}
 * within the distance and the time window of its {@link DedupSettings}, through a banded LSH index:
 * the new story's {@value Fingerprint#BANDS} band values are looked up in a hash table, and only
 * stories that share a band are compared slot by slot. The cost of a lookup is {@value
 * Fingerprint#BANDS} hash probes plus the stories that share a band, which are the story's
 * near-duplicates and, rarely, stories that merely share a phrase; it does not grow with the number
 * of stories stored.
 *
 * <p>Memory: per story 128 bytes of sketch, 16 of id and time, 32 band cells of 8 bytes at a load
 * of 0.5 to 0.7 (0.7 when presized) and 24 to 48 bytes of id map: about 530 bytes presized, 510 MB
 * for a million stories (measured by the benchmark in bench/dedup, which also measures the lookup
 * cost). Give the expected number of stories to the constructor to avoid rehashing; {@link
 * #removeOlderThan} keeps the index to the stories a new one can still match.
 *
 * <p>Thread-safe: every method holds the index's lock.
 */
public final class NearDuplicateIndex {

    /**
     * The stored story found, and how many of its {@value Fingerprint#SLOTS} fingerprint slots
     * differ.
     */
    public record Match(long storyId, int distance) {
        /** The estimated Jaccard similarity of the two stories' shingles. */
        public double similarity() {
            return 1.0 - distance / (double) Fingerprint.SLOTS;
        }
    }

    private static final int S = Fingerprint.SLOTS;
    private static final int B = Fingerprint.BANDS;
    private static final long EMPTY = 0L;
    private static final double MAX_LOAD = 0.7;
    private static final double LOAD_AFTER_GROWTH = 0.5;
    private static final int MAX_PROBE = 0xFFFF;

    /**
     * Cells of a run read without looking where it ends: at load 0.7 a run from its home is rarely
     * longer.
     */
    private static final int WINDOW = 4;

    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 16;

    private final int maxDistance;
    private final long windowSeconds;

    // Stories, by internal slot.
    private long[] ids;
    private long[] times; // epoch seconds
    private short[] sketches; // S per slot
    private int highWater;
    private int[] freeSlots = new int[16];
    private int freeCount;
    private final LongIntMap slotOf = new LongIntMap();

    // Band table: open addressing, Robin Hood linear probing. A cell holds, from the high bits
    // down: 16 bits of
    // the band key (a check), 16 bits of the cell's distance from the key's home cell, and slot + 1
    // (so a used
    // cell is never 0). Cells are ordered by home along a run, so a lookup stops at the first cell
    // whose
    // distance is smaller than its own: a miss costs about as few cells as a hit (≈ 2 at load 0.7).
    private long[] table;
    private long entries;

    // Scratch for find (guarded by the lock).
    private final int[] probePos = new int[B];
    private final int[] probeCheck = new int[B];
    private final long[] probeFirst = new long[B];
    private int[] seen = new int[16];
    private int seenCount;
    private int best;
    private int bestDistance;
    private long touchSink;
    private long candidatesChecked;

    /** An empty index. */
    public NearDuplicateIndex(DedupSettings settings) {
        this(settings, 1024);
    }

    /**
     * An empty index sized for {@code expectedStories} stories (it grows beyond that if needed).
     */
    public NearDuplicateIndex(DedupSettings settings, int expectedStories) {
        Objects.requireNonNull(settings, "settings");
        if (expectedStories < 0) {
            throw new IllegalArgumentException("expectedStories must not be negative");
        }
        this.maxDistance = settings.maxDistance();
        this.windowSeconds = settings.window().getSeconds();
        int n = Math.max(16, expectedStories);
        ids = new long[n];
        times = new long[n];
        sketches = new short[n * S];
        table = new long[capacityFor((long) n * B, MAX_LOAD)];
    }

    /**
     * Adds a story, or replaces its fingerprint and time if it is already in. A story whose
     * fingerprint is {@link Fingerprint#NONE} is not indexed (and an earlier fingerprint of it is
     * dropped).
     */
    public synchronized void add(long storyId, Fingerprint fingerprint, Instant published) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(published, "published");
        remove(storyId);
        if (fingerprint.isEmpty()) {
            return;
        }
        if (entries + B > MAX_LOAD * table.length) {
            rebuild(capacityFor(entries + B, LOAD_AFTER_GROWTH));
        }
        int slot = allocateSlot();
        ids[slot] = storyId;
        times[slot] = published.getEpochSecond();
        System.arraycopy(fingerprint.rawSlots(), 0, sketches, slot * S, S);
        slotOf.put(storyId, slot);
        for (int b = 0; b < B; b++) {
            insert(bandKey(b, Fingerprint.bandValue(sketches, slot * S, b)), slot);
        }
    }

    /**
     * The stored story nearest to {@code fingerprint} (fewest differing slots; on a tie the
     * earliest published, then the lowest id) among those published within the window of {@code
     * published} and at most {@code maxDistance} away; empty if there is none or the fingerprint is
     * {@link Fingerprint#NONE}. A story already added matches itself: look up before adding.
     */
    public synchronized Optional<Match> find(Fingerprint fingerprint, Instant published) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(published, "published");
        if (fingerprint.isEmpty() || slotOf.size() == 0) {
            return Optional.empty();
        }
        short[] q = fingerprint.rawSlots();
        long t = published.getEpochSecond();
        long[] tab = table;
        int cap = tab.length;
        // Phase 1: every band's home cell, then, in a tight loop of independent loads (so that the
        // cache misses
        // of a large table overlap instead of queueing one after the other), the cache lines of its
        // first
        // WINDOW cells.
        for (int b = 0; b < B; b++) {
            long k = bandKey(b, Fingerprint.bandValue(q, 0, b));
            probePos[b] = position(k, cap);
            probeCheck[b] = keyCheck(k);
        }
        long touched = 0;
        for (int b = 0; b < B; b++) {
            int pos = probePos[b];
            int last = pos + WINDOW - 1;
            touched += tab[pos] ^ tab[last < cap ? last : last - cap];
        }
        touchSink = touched; // keeps the loads above from being optimised away
        // Phase 2: read each band's first WINDOW cells (a fixed count, so no branch mispredicted on
        // where the run
        // ends), then, rarely, the rest of the run; compare the stories whose cells carry the
        // band's key.
        seenCount = 0;
        best = -1;
        bestDistance = maxDistance + 1;
        for (int b = 0; b < B; b++) {
            int i = probePos[b];
            int check = probeCheck[b];
            int d = 0;
            for (; d < WINDOW; d++) {
                long e = tab[i];
                if (probe(e) == d && cellCheck(e) == check && e != EMPTY) {
                    consider(slot(e), q, t);
                }
                if (++i == cap) {
                    i = 0;
                }
            }
            for (long e = tab[i]; e != EMPTY && probe(e) >= d; e = tab[i], d++) {
                if (probe(e) == d && cellCheck(e) == check) {
                    consider(slot(e), q, t);
                }
                if (++i == cap) {
                    i = 0;
                }
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(new Match(ids[best], bestDistance));
    }

    /** Removes a story; false if it was not in the index. */
    public synchronized boolean remove(long storyId) {
        int slot = slotOf.get(storyId);
        if (slot < 0) {
            return false;
        }
        for (int b = 0; b < B; b++) {
            delete(bandKey(b, Fingerprint.bandValue(sketches, slot * S, b)), slot);
        }
        slotOf.remove(storyId);
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
        }
        freeSlots[freeCount++] = slot;
        return true;
    }

    /**
     * Removes every story published before {@code cutoff}; returns how many. Calling it with "now
     * minus the window" keeps the index to the stories a new one can still match.
     */
    public synchronized int removeOlderThan(Instant cutoff) {
        long c = cutoff.getEpochSecond();
        int removed = 0;
        for (int slot = 0; slot < highWater; slot++) {
            if (times[slot] < c && slotOf.get(ids[slot]) == slot) {
                remove(ids[slot]);
                removed++;
            }
        }
        return removed;
    }

    /** Stories in the index. */
    public synchronized int size() {
        return slotOf.size();
    }

    /** Stories compared slot by slot by {@link #find} so far (for the benchmark and tests). */
    synchronized long candidatesChecked() {
        return candidatesChecked;
    }

    /** Cells of the band table (for the benchmark). */
    synchronized int tableCapacity() {
        return table.length;
    }

    /**
     * A story that shares a band with the one looked up: keep it if it is in the window and the
     * nearest yet.
     */
    private void consider(int slot, short[] q, long t) {
        if (contains(seen, seenCount, slot)) {
            return;
        }
        if (seenCount == seen.length) {
            seen = Arrays.copyOf(seen, seenCount * 2);
        }
        seen[seenCount++] = slot;
        if (Math.abs(times[slot] - t) > windowSeconds) {
            return;
        }
        candidatesChecked++;
        int dist = Fingerprint.distance(q, 0, sketches, slot * S);
        if (dist < bestDistance || (dist == bestDistance && best >= 0 && earlier(slot, best))) {
            best = slot;
            bestDistance = dist;
        }
    }

    private boolean earlier(int slot, int than) {
        return times[slot] < times[than] || (times[slot] == times[than] && ids[slot] < ids[than]);
    }

    private static boolean contains(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }

    // ---- story slots
    // --------------------------------------------------------------------------------------

    private int allocateSlot() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (highWater == ids.length) {
            int n =
                    (int)
                            Math.min(
                                    (long) ids.length + (ids.length >> 1) + 16,
                                    (Integer.MAX_VALUE - 16) / S);
            if (n <= ids.length) {
                throw new IllegalStateException("near-duplicate index is full");
            }
            ids = Arrays.copyOf(ids, n);
            times = Arrays.copyOf(times, n);
            sketches = Arrays.copyOf(sketches, n * S);
        }
        return highWater++;
    }

    // ---- band table
    // --------------------------------------------------------------------------------------

    /** (band, value) → 64 bits; a bijection, so distinct bands never share a key. */
    private static long bandKey(int band, int value) {
        return Fingerprint.mix((long) band << 32 | (value & 0xFFFFFFFFL));
    }

    /**
     * The home cell of a key: its high 32 bits scaled to the capacity (no power-of-two sizes
     * needed).
     */
    private static int position(long key, int capacity) {
        return (int) (((key >>> 32) * capacity) >>> 32);
    }

    /** 16 bits of a key that the home cell does not already tell (its lowest). */
    private static int keyCheck(long key) {
        return (int) key & 0xFFFF;
    }

    private static long cell(int check, int probe, int slot) {
        return (long) check << 48 | (long) probe << 32 | ((slot + 1) & 0xFFFFFFFFL);
    }

    private static int cellCheck(long cell) {
        return (int) (cell >>> 48);
    }

    private static int probe(long cell) {
        return (int) (cell >>> 32) & 0xFFFF;
    }

    private static int slot(long cell) {
        return (int) cell - 1;
    }

    private void insert(long key, int slot) {
        long[] tab = table;
        int cap = tab.length;
        int i = position(key, cap);
        long carry = cell(keyCheck(key), 0, slot);
        int d = 0;
        while (true) {
            long e = tab[i];
            if (e == EMPTY) {
                tab[i] = cell(cellCheck(carry), d, slot(carry));
                entries++;
                return;
            }
            int ed = probe(e);
            if (ed < d) { // Robin Hood: the richer cell moves on
                tab[i] = cell(cellCheck(carry), d, slot(carry));
                carry = e;
                d = ed;
            }
            if (++i == cap) {
                i = 0;
            }
            if (++d > MAX_PROBE) {
                throw new IllegalStateException(
                        "near-duplicate index: more than "
                                + MAX_PROBE
                                + " stories share one band value");
            }
        }
    }

    private void delete(long key, int slot) {
        long[] tab = table;
        int cap = tab.length;
        int i = position(key, cap);
        long want = cell(keyCheck(key), 0, slot);
        for (int d = 0; ; d++) {
            long e = tab[i];
            if (e == EMPTY || probe(e) < d) {
                throw new IllegalStateException("band cell missing for slot " + slot);
            }
            if (probe(e) == d && (e & ~(0xFFFFL << 32)) == want) {
                break;
            }
            if (++i == cap) {
                i = 0;
            }
        }
        // Backward shift: pull the rest of the run one cell closer to home.
        while (true) {
            int j = i + 1 == cap ? 0 : i + 1;
            long e = tab[j];
            if (e == EMPTY || probe(e) == 0) {
                tab[i] = EMPTY;
                break;
            }
            tab[i] = cell(cellCheck(e), probe(e) - 1, slot(e));
            i = j;
        }
        entries--;
    }

    private void rebuild(int capacity) {
        table = new long[capacity];
        entries = 0;
        for (int slot = 0; slot < highWater; slot++) {
            if (slotOf.get(ids[slot]) == slot) {
                for (int b = 0; b < B; b++) {
                    insert(bandKey(b, Fingerprint.bandValue(sketches, slot * S, b)), slot);
                }
            }
        }
    }

    private static int capacityFor(long entries, double load) {
        long c = (long) Math.ceil(entries / load) + 1;
        if (c > MAX_CAPACITY) {
            throw new IllegalStateException("near-duplicate index is full");
        }
        return (int) Math.max(64, c);
    }

    /** storyId → slot; open addressing with linear probing and backward-shift deletion. */
    private static final class LongIntMap {
        private long[] keys = new long[32];
        private int[] values = filled(32);
        private int size;

        private static int[] filled(int n) {
            int[] v = new int[n];
            Arrays.fill(v, -1);
            return v;
        }

        int size() {
            return size;
        }

        int get(long key) {
            int mask = keys.length - 1;
            for (int i = (int) Fingerprint.mix(key) & mask; values[i] >= 0; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return values[i];
                }
            }
            return -1;
        }

        void put(long key, int value) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int i = (int) Fingerprint.mix(key) & mask;
            while (values[i] >= 0) {
                if (keys[i] == key) {
                    values[i] = value;
                    return;
                }
                i = (i + 1) & mask;
            }
            keys[i] = key;
            values[i] = value;
            size++;
        }

        void remove(long key) {
            int mask = keys.length - 1;
            int i = (int) Fingerprint.mix(key) & mask;
            while (values[i] >= 0 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (values[i] < 0) {
                return;
            }
            size--;
            // Backward shift: move later entries of the run into the gap when their home allows it.
            int gap = i;
            for (int j = (gap + 1) & mask; values[j] >= 0; j = (j + 1) & mask) {
                int home = (int) Fingerprint.mix(keys[j]) & mask;
                if (((j - home) & mask) >= ((j - gap) & mask)) {
                    keys[gap] = keys[j];
                    values[gap] = values[j];
                    gap = j;
                }
            }
            values[gap] = -1;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = filled(oldKeys.length * 2);
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldValues[i] >= 0) {
                    put(oldKeys[i], oldValues[i]);
                }
            }
        }
    }
}
