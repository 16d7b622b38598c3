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
 * <p>Layout: open addressing with linear probing over {@code int} arrays (term, count, head of its
 * posting list); postings are a pooled singly linked list of (slot, next). Not thread-safe: {@link
 * NearDuplicateIndex} holds the lock.
 */
final class TermTable {
    /** A term in more stories than this is common: it weighs little and finds no candidates. */
    static final int RARE = 48;

    private static final int NONE = -1;
    private static final int COMMON = -2;

    private int[] keys = new int[64];
    private int[] counts = new int[64]; // 0 = empty cell
    private int[] heads = filled(64);
    private int size;

    private int[] postSlot = new int[256];
    private int[] postNext = new int[256];
    private int poolTop;
    private int freePost = NONE;

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, NONE);
        return a;
    }

    /** Distinct terms held. */
    int size() {
        return size;
    }

    /** Stories that carry {@code term}. */
    int count(int term) {
        int i = find(term);
        return i < 0 ? 0 : counts[i];
    }

    /**
     * Calls {@code visit} with each story slot carrying {@code term}, if it is rare; else nothing.
     */
    void forEachRare(int term, IntConsumer visit) {
        int i = find(term);
        if (i < 0) {
            return;
        }
        for (int p = heads[i]; p >= 0; p = postNext[p]) {
            visit.accept(postSlot[p]);
        }
    }

    void add(int term, int slot) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = home(term, mask);
        while (counts[i] > 0 && keys[i] != term) {
            i = (i + 1) & mask;
        }
        if (counts[i] == 0) {
            keys[i] = term;
            heads[i] = NONE;
            size++;
        }
        counts[i]++;
        if (heads[i] == COMMON) {
            return;
        }
        if (counts[i] > RARE) {
            for (int p = heads[i]; p >= 0; ) {
                int next = postNext[p];
                release(p);
                p = next;
            }
            heads[i] = COMMON;
            return;
        }
        int p = allocate();
        postSlot[p] = slot;
        postNext[p] = heads[i];
        heads[i] = p;
    }

    void remove(int term, int slot) {
        int i = find(term);
        if (i < 0) {
            return;
        }
        if (heads[i] != COMMON) {
            int prev = NONE;
            for (int p = heads[i]; p >= 0; prev = p, p = postNext[p]) {
                if (postSlot[p] == slot) {
                    if (prev == NONE) {
                        heads[i] = postNext[p];
                    } else {
                        postNext[prev] = postNext[p];
                    }
                    release(p);
                    break;
                }
            }
        }
        if (--counts[i] == 0) {
            deleteCell(i);
        }
    }

    private int find(int term) {
        int mask = keys.length - 1;
        for (int i = home(term, mask); counts[i] > 0; i = (i + 1) & mask) {
            if (keys[i] == term) {
                return i;
            }
        }
        return -1;
    }

    private static int home(int term, int mask) {
        return (int) Fingerprint.mix(term) & mask;
    }

    /** Backward-shift deletion: later cells of the run move into the gap when their home allows. */
    private void deleteCell(int gap) {
        int mask = keys.length - 1;
        size--;
        for (int j = (gap + 1) & mask; counts[j] > 0; j = (j + 1) & mask) {
            int h = home(keys[j], mask);
            if (((j - h) & mask) >= ((j - gap) & mask)) {
                keys[gap] = keys[j];
                counts[gap] = counts[j];
                heads[gap] = heads[j];
                gap = j;
            }
        }
        counts[gap] = 0;
        heads[gap] = NONE;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldCounts = counts;
        int[] oldHeads = heads;
        int n = oldKeys.length * 2;
        keys = new int[n];
        counts = new int[n];
        heads = filled(n);
        int mask = n - 1;
        for (int k = 0; k < oldKeys.length; k++) {
            if (oldCounts[k] > 0) {
                int i = home(oldKeys[k], mask);
                while (counts[i] > 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[k];
                counts[i] = oldCounts[k];
                heads[i] = oldHeads[k];
            }
        }
    }

    private int allocate() {
        if (freePost != NONE) {
            int p = freePost;
            freePost = postNext[p];
            return p;
        }
        if (poolTop == postSlot.length) {
            int n = postSlot.length + (postSlot.length >> 1);
            postSlot = Arrays.copyOf(postSlot, n);
            postNext = Arrays.copyOf(postNext, n);
        }
        return poolTop++;
    }

    private void release(int p) {
        postNext[p] = freePost;
        freePost = p;
    }
}
