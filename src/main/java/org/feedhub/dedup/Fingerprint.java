package org.feedhub.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.feedhub.text.Words;

/**
 * The near-duplicate fingerprint of a story: a MinHash sketch of the story's shingles, plus the
 * 64-bit SimHash kept for comparison.
 *
 * <p><b>Shingles.</b> The folded words ({@link Words#of}) of the title and of the text, each on its
 * own, with function words left out ({@link #STOP_WORDS}, English and Russian, and single letters
 * such as the "s" of "Lavrov's"); a shingle is two consecutive remaining words ("foreign minister",
 * "minister sergei", "sergei lavrov"). Dropping function words first makes a rewrite that only
 * changes "said on Monday" into "said Monday" keep its shingles, and keeps the shingles that every
 * English text shares ("of the", "in the") from making unrelated stories look alike. Numbers stay:
 * "beat Arsenal 2-0" and "beat Arsenal 3-1" must differ.
 *
 * <p><b>Sketch.</b> {@value #SLOTS} MinHash slots; slot {@code k} is the smallest of {@code
 * h_k(shingle)} over the story's shingles, where {@code h_k} is FNV-1a 64 of the shingle mixed with
 * a per-slot seed by the MurmurHash3 finalizer. Only the low 16 bits of each minimum are kept
 * (b-bit MinHash): two slots of different sets agree by chance with probability 2<sup>-16</sup>, so
 * {@link #distance(Fingerprint)} (slots that differ) estimates {@code SLOTS * (1 - Jaccard)} with
 * no practical bias, in 128 bytes per story.
 *
 * <p><b>Bands.</b> {@value #BANDS} bands of {@value #ROWS} slots; a band's value is its two 16-bit
 * slots as one 32-bit number. Two stories share a band with probability J<sup>2</sup>, so they
 * become candidates with probability 1-(1-J<sup>2</sup>)<sup>32</sup>: 0.87 at J=0.25 (the default
 * threshold), 0.95 at J=0.3, 1.00 at J=0.5. Unrelated stories share a given band by chance with
 * probability 2<sup>-32</sup>, so a lookup meets almost only real candidates however many stories
 * are stored. (Stories that merely share a phrase, such as two reports naming "foreign minister
 * sergei lavrov", do share a band now and then; they are compared and rejected.)
 *
 * <p><b>Why MinHash and not SimHash.</b> Measured on the labelled set (src/test/resources/dedup,
 * 240 pairs; {@code NearDuplicateEvaluationTest} prints both): SimHash over the same shingles
 * reaches precision ≥ 0.98 only up to a Hamming threshold of 20 of 64 bits, with recall 0.89; at
 * Hamming ≤ 3, which 4 bands of 16 bits can index exactly, its recall is 0.02 (rewritten, extended
 * and syndicated copies of a short news story differ in far more than 3 bits). No banding of 64
 * bits finds fingerprints 20 bits apart without probing buckets that grow with the store. This
 * sketch, through the index, gives precision 1.00 and recall 0.965 at the default threshold. {@link
 * #simhash} stays for that comparison.
 */
public final class Fingerprint {

    /** MinHash slots in a sketch. */
    public static final int SLOTS = 64;

    /** Slots per band. */
    public static final int ROWS = 2;

    /** Bands of a sketch, each looked up on its own. */
    public static final int BANDS = SLOTS / ROWS;

    /**
     * Fewer distinct shingles than this and a story has no sketch ({@link #NONE}): a headline of
     * three words says too little to call two stories the same. Such stories are still deduplicated
     * by link and item key.
     */
    public static final int MIN_SHINGLES = 3;

    /** The fingerprint of a story too short to compare: it matches nothing and is not indexed. */
    public static final Fingerprint NONE = new Fingerprint(new short[0]);

    /** Function words (folded, as {@link Words#of} gives them). */
    static final Set<String> STOP_WORDS =
            Set.of(
                    // English
                    "a",
                    "an",
                    "the",
                    "and",
                    "or",
                    "but",
                    "nor",
                    "of",
                    "to",
                    "in",
                    "on",
                    "at",
                    "by",
                    "for",
                    "with",
                    "from",
                    "as",
                    "into",
                    "onto",
                    "over",
                    "under",
                    "after",
                    "before",
                    "about",
                    "against",
                    "between",
                    "during",
                    "since",
                    "until",
                    "up",
                    "down",
                    "out",
                    "off",
                    "than",
                    "then",
                    "so",
                    "if",
                    "is",
                    "are",
                    "was",
                    "were",
                    "be",
                    "been",
                    "being",
                    "am",
                    "it",
                    "its",
                    "this",
                    "that",
                    "these",
                    "those",
                    "he",
                    "she",
                    "they",
                    "we",
                    "you",
                    "i",
                    "his",
                    "her",
                    "hers",
                    "their",
                    "theirs",
                    "our",
                    "your",
                    "him",
                    "them",
                    "us",
                    "me",
                    "my",
                    "not",
                    "no",
                    "has",
                    "have",
                    "had",
                    "having",
                    "do",
                    "does",
                    "did",
                    "will",
                    "would",
                    "can",
                    "could",
                    "may",
                    "might",
                    "must",
                    "shall",
                    "should",
                    "said",
                    "says",
                    "say",
                    "told",
                    "which",
                    "who",
                    "whom",
                    "whose",
                    "what",
                    "when",
                    "where",
                    "why",
                    "how",
                    "there",
                    "here",
                    "all",
                    "any",
                    "some",
                    "more",
                    "most",
                    "other",
                    "such",
                    "only",
                    "own",
                    "same",
                    "very",
                    "just",
                    "also",
                    "too",
                    "while",
                    "although",
                    "though",
                    "because",
                    "both",
                    "each",
                    "either",
                    "neither",
                    "per",
                    "via",
                    "mr",
                    "mrs",
                    "ms",
                    "dr",
                    // Russian
                    "и",
                    "в",
                    "во",
                    "не",
                    "что",
                    "он",
                    "на",
                    "я",
                    "с",
                    "со",
                    "как",
                    "а",
                    "то",
                    "все",
                    "она",
                    "так",
                    "его",
                    "но",
                    "да",
                    "ты",
                    "к",
                    "у",
                    "же",
                    "вы",
                    "за",
                    "бы",
                    "по",
                    "только",
                    "ее",
                    "мне",
                    "было",
                    "вот",
                    "от",
                    "меня",
                    "еще",
                    "нет",
                    "о",
                    "об",
                    "из",
                    "ему",
                    "теперь",
                    "когда",
                    "даже",
                    "ну",
                    "ли",
                    "если",
                    "уже",
                    "или",
                    "ни",
                    "быть",
                    "был",
                    "была",
                    "были",
                    "будет",
                    "него",
                    "до",
                    "вас",
                    "там",
                    "потом",
                    "себя",
                    "ей",
                    "может",
                    "они",
                    "тут",
                    "где",
                    "есть",
                    "надо",
                    "ней",
                    "для",
                    "мы",
                    "тебя",
                    "их",
                    "чем",
                    "сам",
                    "чтобы",
                    "чтоб",
                    "без",
                    "чего",
                    "раз",
                    "тоже",
                    "себе",
                    "под",
                    "ж",
                    "тогда",
                    "кто",
                    "этот",
                    "того",
                    "потому",
                    "этого",
                    "какой",
                    "ним",
                    "здесь",
                    "этом",
                    "почти",
                    "тем",
                    "нее",
                    "сейчас",
                    "куда",
                    "при",
                    "над",
                    "больше",
                    "тот",
                    "через",
                    "эти",
                    "нас",
                    "про",
                    "всего",
                    "них",
                    "какая",
                    "много",
                    "эту",
                    "этой",
                    "перед",
                    "такой",
                    "им",
                    "более",
                    "также",
                    "это",
                    "который",
                    "которая",
                    "которые",
                    "которого",
                    "сообщил",
                    "сообщила",
                    "сообщили",
                    "заявил",
                    "заявила",
                    "заявили");

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long[] SLOT_SEEDS = new long[SLOTS];

    static {
        long s = 0x5DEECE66DL;
        for (int k = 0; k < SLOTS; k++) {
            s += 0x9E3779B97F4A7C15L; // SplitMix64
            SLOT_SEEDS[k] = mix(s);
        }
    }

    private final short[] slots;

    private Fingerprint(short[] slots) {
        this.slots = slots;
    }

    /**
     * The fingerprint of a story's title and visible text (paragraphs separated by newlines); null
     * is empty.
     */
    public static Fingerprint of(String title, String text) {
        long[] shingles = shingleHashes(title, text);
        if (shingles.length < MIN_SHINGLES) {
            return NONE;
        }
        int[] min = new int[SLOTS];
        Arrays.fill(min, Integer.MAX_VALUE);
        for (long h : shingles) {
            for (int k = 0; k < SLOTS; k++) {
                int v = (int) (mix(h ^ SLOT_SEEDS[k]) >>> 33);
                if (v < min[k]) {
                    min[k] = v;
                }
            }
        }
        short[] s = new short[SLOTS];
        for (int k = 0; k < SLOTS; k++) {
            s[k] = (short) min[k];
        }
        return new Fingerprint(s);
    }

    /**
     * The distinct shingle hashes of a story, {@link #hash64} of each shingle that {@link
     * #shingles} would give, computed from the words without building the shingle strings or a set
     * of them (about 3% of a cold pass's CPU). Open addressing over a long array; a 64-bit
     * collision between two shingles of one story would only lower the distinct count by one.
     */
    private static final class ShingleHashes {
        private static final long FREE = 0;
        private long[] table = new long[64];
        private int size;
        private boolean hasFree; // the one hash equal to FREE, kept beside the table

        void add(String s) {
            List<String> words = contentWords(s);
            int n = words.size();
            if (n == 1) {
                put(mix(fnv(FNV_OFFSET, words.get(0))));
            }
            for (int i = 0; i + 1 < n; i++) { // FNV of "first second", the state carried over
                long first = (fnv(FNV_OFFSET, words.get(i)) ^ ' ') * FNV_PRIME;
                put(mix(fnv(first, words.get(i + 1))));
            }
        }

        private void put(long h) {
            if (h == FREE) {
                if (!hasFree) {
                    hasFree = true;
                    size++;
                }
                return;
            }
            int mask = table.length - 1;
            for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
                if (table[i] == h) return;
                if (table[i] == FREE) {
                    table[i] = h;
                    if (++size * 2 > table.length) grow();
                    return;
                }
            }
        }

        /** Each distinct hash once. */
        long[] distinct() {
            long[] out = new long[size];
            int n = 0;
            for (long h : table) {
                if (h != FREE) out[n++] = h;
            }
            if (hasFree) out[n] = FREE;
            return out;
        }

        private void grow() {
            long[] old = table;
            table = new long[old.length * 2];
            int mask = table.length - 1;
            for (long h : old) {
                if (h == FREE) continue;
                int i = (int) (h ^ (h >>> 32)) & mask;
                while (table[i] != FREE) i = (i + 1) & mask;
                table[i] = h;
            }
        }
    }

    /** FNV-1a 64 from state {@code h} over the UTF-16 units of {@code s}. */
    private static long fnv(long h, String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            h ^= s.charAt(i);
            h *= FNV_PRIME;
        }
        return h;
    }

    /**
     * A fingerprint from its stored slots ({@link #slots()}): {@value #SLOTS} values 0..65535, or
     * none for {@link #NONE}.
     */
    public static Fingerprint ofSlots(int[] slots) {
        if (slots.length == 0) {
            return NONE;
        }
        if (slots.length != SLOTS) {
            throw new IllegalArgumentException(
                    "a fingerprint has " + SLOTS + " slots, not " + slots.length);
        }
        short[] s = new short[SLOTS];
        for (int k = 0; k < SLOTS; k++) {
            if (slots[k] < 0 || slots[k] > 0xFFFF) {
                throw new IllegalArgumentException("slot " + k + " out of range: " + slots[k]);
            }
            s[k] = (short) slots[k];
        }
        return new Fingerprint(s);
    }

    /** The slots, each 0..65535; empty for {@link #NONE}. */
    public int[] slots() {
        int[] out = new int[slots.length];
        for (int k = 0; k < slots.length; k++) {
            out[k] = slot(k);
        }
        return out;
    }

    /** Slot {@code k}, 0..65535. */
    public int slot(int k) {
        return slots[k] & 0xFFFF;
    }

    /** Whether this is {@link #NONE}: the story was too short to fingerprint. */
    public boolean isEmpty() {
        return slots.length == 0;
    }

    /**
     * Slots that differ, 0 (the same shingles, or nearly) to {@value #SLOTS} (nothing in common);
     * about {@code SLOTS * (1 - Jaccard)}. {@link #SLOTS} when either fingerprint is {@link #NONE}.
     */
    public int distance(Fingerprint other) {
        if (isEmpty() || other.isEmpty()) {
            return SLOTS;
        }
        return distance(slots, 0, other.slots, 0);
    }

    static int distance(short[] a, int aOffset, short[] b, int bOffset) {
        int same = 0;
        for (int k = 0; k < SLOTS; k++) {
            if (a[aOffset + k] == b[bOffset + k]) {
                same++;
            }
        }
        return SLOTS - same;
    }

    /** The estimated Jaccard similarity of the two stories' shingle sets, 0..1. */
    public double similarity(Fingerprint other) {
        return 1.0 - distance(other) / (double) SLOTS;
    }

    /** The value of band {@code band}: its {@value #ROWS} slots as one unsigned 32-bit number. */
    public int bandValue(int band) {
        return bandValue(slots, 0, band);
    }

    static int bandValue(short[] s, int offset, int band) {
        return (s[offset + band * ROWS] & 0xFFFF) << 16 | (s[offset + band * ROWS + 1] & 0xFFFF);
    }

    /**
     * The rows a store keeps to find this story again by SQL: one {@code {band, value}} per band,
     * band 0..31 and value the unsigned 32-bit band value (as a long). Stories that share any row
     * are the candidates {@link NearDuplicateIndex#find} considers; for example a table {@code
     * dedup_band(band, value, story_id)} with an index on {@code (band, value)}, queried with
     * {@code (band, value) IN (...)} and the time window, then {@link #distance} on the candidates'
     * stored {@link #slots()}. Empty for {@link #NONE}.
     */
    public static List<long[]> bandKeys(Fingerprint fp) {
        List<long[]> keys = new ArrayList<>(fp.isEmpty() ? 0 : BANDS);
        if (!fp.isEmpty()) {
            for (int b = 0; b < BANDS; b++) {
                keys.add(new long[] {b, fp.bandValue(b) & 0xFFFFFFFFL});
            }
        }
        return keys;
    }

    /** 128 bytes (two per slot, big-endian) for storage; empty for {@link #NONE}. */
    public byte[] toBytes() {
        byte[] out = new byte[slots.length * 2];
        for (int k = 0; k < slots.length; k++) {
            out[2 * k] = (byte) (slots[k] >>> 8);
            out[2 * k + 1] = (byte) slots[k];
        }
        return out;
    }

    /** The fingerprint {@link #toBytes()} wrote. */
    public static Fingerprint fromBytes(byte[] bytes) {
        if (bytes.length == 0) {
            return NONE;
        }
        if (bytes.length != 2 * SLOTS) {
            throw new IllegalArgumentException(
                    "a fingerprint has " + 2 * SLOTS + " bytes, not " + bytes.length);
        }
        short[] s = new short[SLOTS];
        for (int k = 0; k < SLOTS; k++) {
            s[k] = (short) ((bytes[2 * k] & 0xFF) << 8 | (bytes[2 * k + 1] & 0xFF));
        }
        return new Fingerprint(s);
    }

    short[] rawSlots() {
        return slots;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && Arrays.equals(slots, f.slots);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(slots);
    }

    @Override
    public String toString() {
        return isEmpty() ? "Fingerprint[none]" : "Fingerprint" + Arrays.toString(slots());
    }

    // ---- shingles and SimHash
    // -------------------------------------------------------------------------------

    /** The distinct shingles of a story, as text ("sergei lavrov"), title first. */
    static List<String> shingles(String title, String text) {
        Set<String> out = new LinkedHashSet<>();
        addShingles(title, out);
        addShingles(text, out);
        return new ArrayList<>(out);
    }

    private static void addShingles(String s, Set<String> out) {
        List<String> words = contentWords(s);
        if (words.size() == 1) {
            out.add(words.get(0));
        }
        for (int i = 0; i + 1 < words.size(); i++) {
            out.add(words.get(i) + ' ' + words.get(i + 1));
        }
    }

    /** The words of {@code s} that are not stop words: what shingles are made of. */
    private static List<String> contentWords(String s) {
        List<String> words = new ArrayList<>();
        for (String w : Words.of(s)) {
            if (!isStopWord(w)) {
                words.add(w);
            }
        }
        return words;
    }

    static boolean isStopWord(String w) {
        return STOP_WORDS.contains(w) || (w.length() == 1 && Character.isLetter(w.charAt(0)));
    }

    /** The distinct shingle hashes of a story, in no order: see {@link ShingleHashes}. */
    private static long[] shingleHashes(String title, String text) {
        ShingleHashes shingles = new ShingleHashes();
        shingles.add(title);
        shingles.add(text);
        return shingles.distinct();
    }

    /** FNV-1a 64 over the UTF-16 units of {@code s}, then the MurmurHash3 finalizer. */
    static long hash64(String s) {
        return mix(fnv(FNV_OFFSET, s));
    }

    /**
     * The MurmurHash3 64-bit finalizer (fmix64): a bijection that spreads every input bit over the
     * output.
     */
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /**
     * The 64-bit SimHash of the same shingles, each weighing one. Not used by {@link
     * NearDuplicateIndex} (see the class comment for why); kept so its precision and recall can be
     * measured against the sketch, and as a compact fingerprint for near-identical copies. 0 when
     * the story has no shingles.
     */
    public static long simhash(String title, String text) {
        int[] votes = new int[64];
        long[] hashes = shingleHashes(title, text);
        if (hashes.length == 0) {
            return 0L;
        }
        for (long h : hashes) {
            for (int b = 0; b < 64; b++) {
                votes[b] += (h >>> b & 1L) != 0 ? 1 : -1;
            }
        }
        long r = 0;
        for (int b = 0; b < 64; b++) {
            if (votes[b] > 0) {
                r |= 1L << b;
            }
        }
        return r;
    }

    /**
     * Bits that differ between two SimHashes, 0..64 (not {@link #distance(Fingerprint)}, which
     * counts MinHash slots).
     */
    public static int simhashDistance(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
