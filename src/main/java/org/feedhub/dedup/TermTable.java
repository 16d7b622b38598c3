package org.feedhub.dedup;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The inverted index of names and figures: for each term, how many stories of the index carry it
 * (for {@link TermWeights}) and, while it is rare, which ones. A term carried by more than {@link
 * #RARE} stories keeps only its count: a lookup walks at most {@link #RARE} postings per term, and
 * removing a story costs at most that per term, however many stories are stored. (Such a term gets
 * its postings back only once it has left the index entirely: a name that was common this week
 * finds candidates through the LSH bands only.)
 *
 * <p>Layout, for few cache misses once the table is far larger than the CPU caches: one {@code
 * int[]} of cells of four ints (term, count, start of its postings, room there), open addressing
 * with linear probing, so a term costs one cache line; a rare term's postings lie side by side in a
 * pool of segments of {@link #SEGMENT_SIZES} slots (a segment moves to the next size when full), so
 * they cost one or two lines more, not one per posting as a linked list would. {@link
 * #forEachRare(int[], int, IntConsumer)} first touches the cells and then the segments of all the
 * terms of a story, so these misses overlap instead of queueing. Not thread-safe: {@link
 * NearDuplicateIndex} holds the lock.
 */
final class TermTable {
    /** A term in more stories than this is common: it weighs little and finds no candidates. */
    static final int RARE = 48;

    /** Sizes of the posting segments; the last is {@link #RARE}. */
    static final int[] SEGMENT_SIZES = {1, 2, 4, 8, 16, 32, RARE};

    private static final int NONE = -1;
    private static final int COMMON = -2;

    // A cell: KEY, COUNT (0 = empty cell), SEG (start in pool, or NONE or COMMON), ROOM (its size).
    private static final int STRIDE = 4;
    private static final int KEY = 0;
    private static final int COUNT = 1;
    private static final int SEG = 2;
    private static final int ROOM = 3;

    private int[] cells = new int[64 * STRIDE];
    private int mask = 63; // cells - 1
    private int size;

    private int[] pool = new int[256];
    private int poolTop;
    private final int[] freeSegments = filled(SEGMENT_SIZES.length); // by size class; linked
    private long postings;

    // Scratch of the batched walk.
    private int[] cellScratch = new int[64];
    private long touchSink;

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, NONE);
        return a;
    }

    /** Distinct terms held. */
    int size() {
        return size;
    }

    /** Postings held (story slots filed under rare terms). */
    long postings() {
        return postings;
    }

    /** Stories that carry {@code term}. */
    int count(int term) {
        int c = find(term);
        return c < 0 ? 0 : cells[c + COUNT];
    }

    /**
     * Calls {@code visit} with each story slot carrying {@code term}, if it is rare; else nothing.
     */
    void forEachRare(int term, IntConsumer visit) {
        int c = find(term);
        if (c >= 0) {
            walk(c, visit);
        }
    }

    /**
     * {@link #forEachRare(int, IntConsumer)} for the first {@code n} of {@code terms}, and {@link
     * #count} of each into {@code countsOut}: first the home cells of all, then the postings of
     * all, in tight loops of independent loads, then the walks.
     */
    void forEachRare(int[] terms, int n, IntConsumer visit, int[] countsOut) {
        int[] cs = cellScratch.length >= n ? cellScratch : (cellScratch = new int[n]);
        int[] cl = cells;
        long touched = 0;
        for (int k = 0; k < n; k++) {
            touched += cl[home(terms[k])];
        }
        for (int k = 0; k < n; k++) {
            int c = find(terms[k]);
            cs[k] = c;
            countsOut[k] = c < 0 ? 0 : cl[c + COUNT];
            if (c >= 0 && cl[c + SEG] >= 0) {
                touched += pool[cl[c + SEG]] ^ pool[cl[c + SEG] + cl[c + COUNT] - 1];
            }
        }
        touchSink = touched; // keeps the loads above from being optimised away
        for (int k = 0; k < n; k++) {
            if (cs[k] >= 0) {
                walk(cs[k], visit);
            }
        }
    }

    long sink() {
        return touchSink;
    }

    private void walk(int c, IntConsumer visit) {
        int seg = cells[c + SEG];
        if (seg < 0) {
            return;
        }
        for (int p = seg, end = seg + cells[c + COUNT]; p < end; p++) {
            visit.accept(pool[p]);
        }
    }

    void add(int term, int slot) {
        if (2 * (size + 1) > (mask + 1)) {
            grow();
        }
        int c = home(term);
        while (cells[c + COUNT] > 0 && cells[c + KEY] != term) {
            c = (c + STRIDE) & (mask * STRIDE + STRIDE - 1);
        }
        if (cells[c + COUNT] == 0) {
            cells[c + KEY] = term;
            cells[c + SEG] = NONE;
            cells[c + ROOM] = 0;
            size++;
        }
        int count = ++cells[c + COUNT];
        int seg = cells[c + SEG];
        if (seg == COMMON) {
            return;
        }
        if (count > RARE) {
            release(seg, cells[c + ROOM]);
            postings -= count - 1;
            cells[c + SEG] = COMMON;
            cells[c + ROOM] = 0;
            return;
        }
        if (count > cells[c + ROOM]) {
            int room = sizeFor(count);
            int moved = allocate(room);
            if (seg >= 0) {
                System.arraycopy(pool, seg, pool, moved, count - 1);
                release(seg, cells[c + ROOM]);
            }
            seg = moved;
            cells[c + SEG] = seg;
            cells[c + ROOM] = room;
        }
        pool[seg + count - 1] = slot;
        postings++;
    }

    void remove(int term, int slot) {
        int c = find(term);
        if (c < 0) {
            return;
        }
        int count = cells[c + COUNT];
        int seg = cells[c + SEG];
        if (seg >= 0) {
            int last = seg + count - 1;
            for (int p = seg; p <= last; p++) {
                if (pool[p] == slot) {
                    pool[p] = pool[last]; // order does not matter; the last fills the gap
                    postings--;
                    break;
                }
            }
        }
        cells[c + COUNT] = --count;
        if (count == 0) {
            if (seg >= 0) {
                release(seg, cells[c + ROOM]);
            }
            deleteCell(c);
        }
    }

    /** The cell of {@code term} (an index into {@link #cells}), or -1. */
    private int find(int term) {
        int[] cl = cells;
        int wrap = mask * STRIDE + STRIDE - 1;
        for (int c = home(term); cl[c + COUNT] > 0; c = (c + STRIDE) & wrap) {
            if (cl[c + KEY] == term) {
                return c;
            }
        }
        return -1;
    }

    private int home(int term) {
        return ((int) Fingerprint.mix(term) & mask) * STRIDE;
    }

    /** Backward-shift deletion: later cells of the run move into the gap when their home allows. */
    private void deleteCell(int gap) {
        int wrap = mask * STRIDE + STRIDE - 1;
        size--;
        for (int j = (gap + STRIDE) & wrap; cells[j + COUNT] > 0; j = (j + STRIDE) & wrap) {
            int h = home(cells[j + KEY]);
            if (((j - h) & wrap) >= ((j - gap) & wrap)) {
                System.arraycopy(cells, j, cells, gap, STRIDE);
                gap = j;
            }
        }
        cells[gap + KEY] = 0;
        cells[gap + COUNT] = 0;
        cells[gap + SEG] = NONE;
        cells[gap + ROOM] = 0;
    }

    private void grow() {
        int[] old = cells;
        cells = new int[old.length * 2];
        mask = cells.length / STRIDE - 1;
        int wrap = cells.length - 1;
        for (int o = 0; o < old.length; o += STRIDE) {
            if (old[o + COUNT] > 0) {
                int c = home(old[o + KEY]);
                while (cells[c + COUNT] > 0) {
                    c = (c + STRIDE) & wrap;
                }
                System.arraycopy(old, o, cells, c, STRIDE);
            }
        }
    }

    private static int sizeFor(int count) {
        for (int s : SEGMENT_SIZES) {
            if (s >= count) {
                return s;
            }
        }
        throw new IllegalArgumentException("more than " + RARE + " postings");
    }

    private static int sizeClass(int room) {
        for (int k = 0; k < SEGMENT_SIZES.length; k++) {
            if (SEGMENT_SIZES[k] == room) {
                return k;
            }
        }
        throw new IllegalArgumentException("no segment of " + room);
    }

    /** A segment of {@code room} slots: a freed one of that size, else new at the pool's end. */
    private int allocate(int room) {
        int k = sizeClass(room);
        int seg = freeSegments[k];
        if (seg != NONE) {
            freeSegments[k] = pool[seg];
            return seg;
        }
        if (poolTop + room > pool.length) {
            long n = Math.max(poolTop + (long) room, pool.length + (pool.length >> 1));
            if (n > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("near-duplicate term index is full");
            }
            pool = Arrays.copyOf(pool, (int) n);
        }
        seg = poolTop;
        poolTop += room;
        return seg;
    }

    /** Puts a segment on the free list of its size (linked through its first slot). */
    private void release(int seg, int room) {
        if (seg < 0) {
            return;
        }
        int k = sizeClass(room);
        pool[seg] = freeSegments[k];
        freeSegments[k] = seg;
    }
}
