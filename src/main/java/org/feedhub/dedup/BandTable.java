package org.feedhub.dedup;

import java.util.function.IntConsumer;

/**
 * An LSH band table (the index keeps one per band): a multimap from 64-bit band keys to story
 * slots, in one {@code long[]} with open addressing and Robin Hood linear probing. A cell holds,
 * from the high bits down, 16 bits of the key (a check), 16 bits of the cell's distance from the
 * key's home cell, and slot + 1 (so a used cell is never 0). Cells are ordered by home along a run,
 * so a lookup stops at the first cell whose distance is smaller than its own: a miss costs about as
 * few cells as a hit (≈ 2 at load 0.7). Not thread-safe: {@link NearDuplicateIndex} holds the lock.
 */
final class BandTable {
    private static final long EMPTY = 0L;
    static final double MAX_LOAD = 0.7;
    static final double LOAD_AFTER_GROWTH = 0.5;
    private static final int MAX_PROBE = 0xFFFF;
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 16;

    /**
     * Cells of a run read without looking where it ends: at load 0.7 a run from its home is rarely
     * longer.
     */
    private static final int WINDOW = 4;

    private long[] table;
    private long entries;
    private long touchSink;

    BandTable(long expectedEntries) {
        table = new long[capacityFor(expectedEntries, MAX_LOAD)];
    }

    int capacity() {
        return table.length;
    }

    /** Whether {@code more} entries fit without passing the maximum load. */
    boolean fits(int more) {
        return entries + more <= MAX_LOAD * table.length;
    }

    /**
     * A new, empty table for {@code more} entries beyond the current ones (refill it by {@link
     * #insert}).
     */
    void clearForGrowth(int more) {
        table = new long[capacityFor(entries + more, LOAD_AFTER_GROWTH)];
        entries = 0;
    }

    /**
     * Calls {@code visit} with every slot filed under {@code keys[b]} in {@code tables[b]}, for
     * each {@code b} (a slot may come more than once). First the home cells of all keys and the
     * cache lines of their first cells, in a tight loop of independent loads (so the cache misses
     * of large tables overlap instead of queueing), then each run.
     */
    static void forEach(
            BandTable[] tables,
            long[] keys,
            int[] posScratch,
            int[] checkScratch,
            IntConsumer visit) {
        int n = keys.length;
        long touched = 0;
        for (int b = 0; b < n; b++) {
            long[] tab = tables[b].table;
            int cap = tab.length;
            int pos = position(keys[b], cap);
            posScratch[b] = pos;
            checkScratch[b] = keyCheck(keys[b]);
            int last = pos + WINDOW - 1;
            touched += tab[pos] ^ tab[last < cap ? last : last - cap];
        }
        tables[0].touchSink = touched; // keeps the loads above from being optimised away
        for (int b = 0; b < n; b++) {
            tables[b].visitRun(posScratch[b], checkScratch[b], visit);
        }
    }

    private void visitRun(int from, int check, IntConsumer visit) {
        long[] tab = table;
        int cap = tab.length;
        int i = from;
        int d = 0;
        for (; d < WINDOW; d++) {
            long e = tab[i];
            if (probe(e) == d && cellCheck(e) == check && e != EMPTY) {
                visit.accept(slot(e));
            }
            if (++i == cap) {
                i = 0;
            }
        }
        for (long e = tab[i]; e != EMPTY && probe(e) >= d; e = tab[i], d++) {
            if (probe(e) == d && cellCheck(e) == check) {
                visit.accept(slot(e));
            }
            if (++i == cap) {
                i = 0;
            }
        }
    }

    long sink() {
        return touchSink;
    }

    /** (band, value) → 64 bits; a bijection, so distinct bands never share a key. */
    static long bandKey(int band, int value) {
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

    void insert(long key, int slot) {
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

    void delete(long key, int slot) {
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

    private static int capacityFor(long entries, double load) {
        long c = (long) Math.ceil(entries / load) + 1;
        if (c > MAX_CAPACITY) {
            throw new IllegalStateException("near-duplicate index is full");
        }
        return (int) Math.max(64, c);
    }
}
