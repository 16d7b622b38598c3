package org.feedhub.dedup;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * The stories a new one may duplicate (those published within the window of {@link DedupSettings}),
 * in memory, and the lookup that finds the one it duplicates.
 *
 * <p><b>Candidates</b> come two ways: the {@value Fingerprint#BANDS} LSH bands of the story's
 * {@link Fingerprint} ({@link BandTable}: stories sharing a band share wording), and its rare names
 * and figures ({@link TermTable}: stories sharing two rare terms may be a heavy rewrite with little
 * wording in common). Each candidate in the window is then decided by {@link DupMatcher}; the
 * duplicate with the highest score wins. The cost of a lookup is {@value Fingerprint#BANDS} hash
 * probes, one probe per term, at most {@link TermTable#RARE} postings per rare term and one
 * decision per candidate: none of these grows with the number of stories stored.
 *
 * <p>{@link #find(Fingerprint, Instant)} keeps the older, wording-only lookup (LSH with the slot
 * distance of the settings), used where no traits are known.
 *
 * <p>Memory: about 0.9 KB a story (a cold pass of 1,000 × 100 under a 256 MB heap: 85,682 stories,
 * 76 MB): its {@value Fingerprint#BANDS} band cells of 8 bytes at a load of 0.5 to 0.7, its
 * fingerprint (kept once, in its {@link Traits}), its names and figures. Each band's table grows by
 * itself, so a growth never needs two copies of all the cells at once.
 *
 * <p><b>A cap.</b> An index may be given a most stories ({@link #capAt}); at it, an add first drops
 * the oldest published twentieth (the stories a new one is least likely to duplicate), and a story
 * no newer than those dropped is not added; so a window larger than the heap allows weakens
 * deduplication instead of ending the process. {@link #defaultCap} sizes it from the heap.
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

    /** The stored story a new one duplicates, and the decision with its parts. */
    public record Found(long storyId, DupMatcher.Decision decision) {}

    /** Two rare terms in common make a candidate (one could be a shared place or year). */
    static final int MIN_SHARED_RARE = 2;

    /** Candidates decided per lookup at most (the first found: bands before terms). */
    static final int MAX_CANDIDATES = 200;

    /**
     * Heap a story costs at most, for {@link #defaultCap}: about 0.9 KB measured (see the class
     * comment), rounded up for stories with many names and figures.
     */
    static final int BYTES_PER_STORY = 1024;

    /** The default cap: a third of the heap, at {@link #BYTES_PER_STORY} a story. */
    public static int defaultCap(long maxHeapBytes) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxHeapBytes / 3 / BYTES_PER_STORY));
    }

    private static final int B = Fingerprint.BANDS;

    private final int maxDistance;
    private final long windowSeconds;

    // Stories, by internal slot.
    private long[] ids;
    private long[] times; // epoch seconds
    private Traits[] traits; // null for a free slot; their fingerprints are the wording sketches
    private int highWater;
    private int[] freeSlots = new int[16];
    private int freeCount;
    private final LongIntMap slotOf = new LongIntMap();

    // One table per band: each grows by itself, so a growth holds two copies of one band's
    // cells, not of all of them (the whole table of a large window would not fit a small heap
    // twice).
    private final BandTable[] bands = new BandTable[B];
    private final TermTable terms = new TermTable();

    // Scratch for lookups (guarded by the lock).
    private final long[] bandKeys = new long[B];
    private final int[] probePos = new int[B];
    private final int[] probeCheck = new int[B];
    private final SlotCounts seen = new SlotCounts();
    private final IntConsumer bandHit = slot -> seen.hit(slot, true);
    private final IntConsumer termHit = slot -> seen.hit(slot, false);
    private int[] queryTerms = new int[0]; // sorted, distinct
    private int[] queryCounts = new int[64];
    private final TermWeights lookupWeights =
            TermWeights.counted(() -> slotOf.size(), this::lookupCount);
    private long candidatesChecked;
    private long candidatesMet;
    private int cap = Integer.MAX_VALUE;
    private long dropped;
    private long droppedUpTo = Long.MIN_VALUE; // the newest published time dropped at the cap

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
        traits = new Traits[n];
        for (int b = 0; b < B; b++) {
            bands[b] = new BandTable(n);
        }
    }

    /** Adds a story known by its fingerprint only (no names, no figures). */
    public synchronized void add(long storyId, Fingerprint fingerprint, Instant published) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        add(
                storyId,
                new Traits(
                        fingerprint,
                        new int[0],
                        new int[0],
                        new int[0],
                        new int[0],
                        new int[0],
                        new int[0]),
                published);
    }

    /**
     * Adds a story, or replaces it if it is already in. A story whose traits are empty is not
     * indexed (and an earlier version of it is dropped).
     */
    public synchronized void add(long storyId, Traits story, Instant published) {
        Objects.requireNonNull(story, "story");
        Objects.requireNonNull(published, "published");
        remove(storyId);
        if (story.isEmpty()) {
            return;
        }
        if (slotOf.size() >= cap) {
            if (published.getEpochSecond() <= droppedUpTo) {
                // As old as what the cap already dropped: adding it would only drop another (a
                // re-read of the window would churn through all of them).
                return;
            }
            dropOldest(Math.max(1, cap / 20));
        }
        for (int b = 0; b < B; b++) {
            if (!bands[b].fits(1)) {
                bands[b].clearForGrowth(1);
                for (int slot = 0; slot < highWater; slot++) {
                    if (traits[slot] != null) {
                        bands[b].insert(bandKey(slot, b), slot);
                    }
                }
            }
        }
        int slot = allocateSlot();
        ids[slot] = storyId;
        times[slot] = published.getEpochSecond();
        traits[slot] = story.unlabelled(); // labels explain the new story only
        slotOf.put(storyId, slot);
        insertBands(slot);
        for (int t : story.terms()) {
            terms.add(t, slot);
        }
    }

    /** Whether the story is in the index. */
    public synchronized boolean contains(long storyId) {
        return slotOf.get(storyId) >= 0;
    }

    /**
     * The stored story that {@code story} (published at {@code published}) duplicates, as {@code
     * matcher} decides: the duplicate with the highest score among the candidates in the window;
     * empty if none. A story already added finds itself: look up before adding.
     */
    public synchronized Optional<Found> find(Traits story, Instant published, DupMatcher matcher) {
        Objects.requireNonNull(story, "story");
        Objects.requireNonNull(published, "published");
        if (story.isEmpty() || slotOf.size() == 0) {
            return Optional.empty();
        }
        long t = published.getEpochSecond();
        collect(story);
        TermWeights idf = lookupWeights;
        int bestSlot = -1;
        DupMatcher.Decision best = null;
        for (int k = 0; k < seen.size() && k < MAX_CANDIDATES; k++) {
            int slot = seen.slotAt(k);
            if (seen.bandHitAt(k) == 0 && seen.countAt(k) < MIN_SHARED_RARE) {
                continue;
            }
            if (Math.abs(times[slot] - t) > windowSeconds) {
                continue;
            }
            candidatesChecked++;
            DupMatcher.Decision d =
                    matcher.decide(
                            story,
                            published,
                            traits[slot],
                            Instant.ofEpochSecond(times[slot]),
                            idf);
            if (d.duplicate()
                    && (best == null
                            || d.score() > best.score()
                            || (d.score() == best.score() && earlier(slot, bestSlot)))) {
                best = d;
                bestSlot = slot;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Found(ids[bestSlot], best));
    }

    /**
     * Every candidate of {@code story} in the window with its decision, whether duplicate or not
     * (for explanations and the evaluation); the story itself ({@code selfId}) left out.
     */
    public synchronized java.util.Map<Long, DupMatcher.Decision> decideAll(
            Traits story, Instant published, DupMatcher matcher, long selfId) {
        java.util.Map<Long, DupMatcher.Decision> out = new java.util.LinkedHashMap<>();
        if (story.isEmpty() || slotOf.size() == 0) {
            return out;
        }
        long t = published.getEpochSecond();
        collect(story);
        TermWeights idf = lookupWeights;
        for (int k = 0; k < seen.size() && k < MAX_CANDIDATES; k++) {
            int slot = seen.slotAt(k);
            if (ids[slot] == selfId
                    || (seen.bandHitAt(k) == 0 && seen.countAt(k) < MIN_SHARED_RARE)
                    || Math.abs(times[slot] - t) > windowSeconds) {
                continue;
            }
            out.put(
                    ids[slot],
                    matcher.decide(
                            story,
                            published,
                            traits[slot],
                            Instant.ofEpochSecond(times[slot]),
                            idf));
        }
        return out;
    }

    /** The stored story's traits (for explanations), if it is in the index. */
    public synchronized Optional<Traits> traitsOf(long storyId) {
        int slot = slotOf.get(storyId);
        return slot < 0 ? Optional.empty() : Optional.of(traits[slot]);
    }

    /** Term weights from the stories now in the index. */
    public synchronized TermWeights weights() {
        long n = slotOf.size();
        return TermWeights.counted(() -> n, terms::count);
    }

    /**
     * The stored story nearest to {@code fingerprint} by wording only (fewest differing slots; on a
     * tie the earliest published, then the lowest id) among those published within the window and
     * at most {@code maxDistance} away; empty if there is none.
     */
    public synchronized Optional<Match> find(Fingerprint fingerprint, Instant published) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(published, "published");
        if (fingerprint.isEmpty() || slotOf.size() == 0) {
            return Optional.empty();
        }
        short[] q = fingerprint.rawSlots();
        long t = published.getEpochSecond();
        seen.clear();
        fillBandKeys(q, 0);
        BandTable.forEach(bands, bandKeys, probePos, probeCheck, bandHit);
        int best = -1;
        int bestDistance = maxDistance + 1;
        for (int k = 0; k < seen.size(); k++) {
            int slot = seen.slotAt(k);
            if (Math.abs(times[slot] - t) > windowSeconds) {
                continue;
            }
            candidatesChecked++;
            int dist = Fingerprint.distance(q, 0, traits[slot].fingerprint.rawSlots(), 0);
            if (dist < bestDistance || (dist == bestDistance && best >= 0 && earlier(slot, best))) {
                best = slot;
                bestDistance = dist;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(new Match(ids[best], bestDistance));
    }

    /** Fills {@link #seen} with the story's band and rare-term candidates. */
    private void collect(Traits story) {
        seen.clear();
        fillBandKeys(story.fingerprint.rawSlots(), 0);
        BandTable.forEach(bands, bandKeys, probePos, probeCheck, bandHit);
        queryTerms = story.terms();
        if (queryCounts.length < queryTerms.length) {
            queryCounts = new int[queryTerms.length];
        }
        terms.forEachRare(queryTerms, queryTerms.length, termHit, queryCounts);
        candidatesMet += seen.size();
    }

    /**
     * How many stories carry a term, during a lookup: the counts of the story's own terms were read
     * by {@link #collect}, so only the candidate's other terms go to the table again.
     */
    private long lookupCount(int term) {
        int k = Arrays.binarySearch(queryTerms, term);
        return k >= 0 ? queryCounts[k] : terms.count(term);
    }

    private void fillBandKeys(short[] s, int offset) {
        for (int b = 0; b < B; b++) {
            bandKeys[b] = BandTable.bandKey(b, Fingerprint.bandValue(s, offset, b));
        }
    }

    private void insertBands(int slot) {
        for (int b = 0; b < B; b++) {
            bands[b].insert(bandKey(slot, b), slot);
        }
    }

    /** The key of a stored story's band {@code b}. */
    private long bandKey(int slot, int b) {
        return BandTable.bandKey(
                b, Fingerprint.bandValue(traits[slot].fingerprint.rawSlots(), 0, b));
    }

    /** Removes a story; false if it was not in the index. */
    public synchronized boolean remove(long storyId) {
        int slot = slotOf.get(storyId);
        if (slot < 0) {
            return false;
        }
        for (int b = 0; b < B; b++) {
            bands[b].delete(bandKey(slot, b), slot);
        }
        for (int t : traits[slot].terms()) {
            terms.remove(t, slot);
        }
        traits[slot] = null;
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
            if (traits[slot] != null && times[slot] < c) {
                remove(ids[slot]);
                removed++;
            }
        }
        return removed;
    }

    /**
     * Holds at most {@code maxStories} stories from now on (dropping the oldest published at once
     * if it holds more).
     */
    public synchronized void capAt(int maxStories) {
        if (maxStories < 1) {
            throw new IllegalArgumentException("maxStories must be at least 1: " + maxStories);
        }
        cap = maxStories;
        if (slotOf.size() > cap) {
            dropOldest(slotOf.size() - cap);
        }
    }

    /** The most stories held. */
    public synchronized int cap() {
        return cap;
    }

    /** Stories dropped so far because the index was at its cap. */
    public synchronized long dropped() {
        return dropped;
    }

    /** Drops the {@code n} oldest published stories (on a tie, any of them). */
    private void dropOldest(int n) {
        long[] held = new long[slotOf.size()];
        int k = 0;
        for (int slot = 0; slot < highWater; slot++) {
            if (traits[slot] != null) {
                held[k++] = times[slot];
            }
        }
        Arrays.sort(held);
        long last = held[Math.min(n, k) - 1]; // the newest time dropped
        droppedUpTo = Math.max(droppedUpTo, last);
        // Fewer than n are older than the n-th oldest: all of them go, then ties up to n.
        int left = n - removeOlderThan(Instant.ofEpochSecond(last));
        for (int slot = 0; slot < highWater && left > 0; slot++) {
            if (traits[slot] != null && times[slot] == last) {
                remove(ids[slot]);
                left--;
            }
        }
        dropped += n - left;
    }

    /** Stories in the index. */
    public synchronized int size() {
        return slotOf.size();
    }

    /** Stories compared by a lookup so far (for the benchmark and tests). */
    synchronized long candidatesChecked() {
        return candidatesChecked;
    }

    /**
     * Stories met by a lookup's band and rare-term probes so far, before the window and the
     * two-shared-terms rule (for the benchmark).
     */
    synchronized long candidatesMet() {
        return candidatesMet;
    }

    /** Cells of the band table (for the benchmark). */
    synchronized int tableCapacity() {
        int cells = 0;
        for (BandTable t : bands) {
            cells += t.capacity();
        }
        return cells;
    }

    private boolean earlier(int slot, int than) {
        return times[slot] < times[than] || (times[slot] == times[than] && ids[slot] < ids[than]);
    }

    private int allocateSlot() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (highWater == ids.length) {
            int n =
                    (int)
                            Math.min(
                                    (long) ids.length + (ids.length >> 1) + 16,
                                    Integer.MAX_VALUE - 16);
            if (n <= ids.length) {
                throw new IllegalStateException("near-duplicate index is full");
            }
            ids = Arrays.copyOf(ids, n);
            times = Arrays.copyOf(times, n);
            traits = Arrays.copyOf(traits, n);
        }
        return highWater++;
    }

    /**
     * The candidates of one lookup: each slot once, in the order first met, with whether it shares
     * a band and how many rare terms it shares. Open addressing, cleared by the slots it holds.
     */
    private static final class SlotCounts {
        private int[] table = filled(1024);
        private int[] order = new int[64];
        private int[] counts = new int[64];
        private boolean[] band = new boolean[64];
        private int[] cellOf = new int[64];
        private int n;

        private static int[] filled(int c) {
            int[] a = new int[c];
            Arrays.fill(a, -1);
            return a;
        }

        void clear() {
            for (int k = 0; k < n; k++) {
                table[cellOf[k]] = -1;
            }
            n = 0;
        }

        private int position(int slot) {
            int mask = table.length - 1;
            int i = (int) Fingerprint.mix(slot) & mask;
            while (table[i] >= 0 && order[table[i]] != slot) {
                i = (i + 1) & mask;
            }
            return i;
        }

        void hit(int slot, boolean viaBand) {
            int i = position(slot);
            if (table[i] >= 0) {
                int k = table[i];
                counts[k] += viaBand ? 0 : 1;
                band[k] |= viaBand;
                return;
            }
            if (2 * (n + 1) > table.length) {
                int[] old = order;
                int had = n;
                table = filled(table.length * 2);
                for (int k = 0; k < had; k++) {
                    int c = position(old[k]);
                    table[c] = k;
                    cellOf[k] = c;
                }
                i = position(slot);
            }
            if (n == order.length) {
                order = Arrays.copyOf(order, n * 2);
                counts = Arrays.copyOf(counts, n * 2);
                band = Arrays.copyOf(band, n * 2);
                cellOf = Arrays.copyOf(cellOf, n * 2);
            }
            order[n] = slot;
            counts[n] = viaBand ? 0 : 1;
            band[n] = viaBand;
            cellOf[n] = i;
            table[i] = n++;
        }

        int size() {
            return n;
        }

        int slotAt(int k) {
            return order[k];
        }

        int countAt(int k) {
            return counts[k];
        }

        int bandHitAt(int k) {
            return band[k] ? 1 : 0;
        }
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
