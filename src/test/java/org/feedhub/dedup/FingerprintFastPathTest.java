package org.feedhub.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.feedhub.RandomText;
import org.junit.jupiter.api.Test;

/**
 * {@link Fingerprint#of} hashes shingles straight from the words; it must give what the shingle
 * strings gave ({@link Fingerprint#shingles}, each hashed by {@link Fingerprint#hash64}), since
 * stored sketches are compared with new ones.
 */
class FingerprintFastPathTest {

    /** The sketch as first written: the distinct shingle strings, hashed one by one. */
    static Fingerprint asFirstWritten(String title, String text) {
        List<String> shingles = Fingerprint.shingles(title, text);
        if (shingles.size() < Fingerprint.MIN_SHINGLES) return Fingerprint.NONE;
        long[] seeds = new long[Fingerprint.SLOTS];
        long s = 0x5DEECE66DL;
        for (int k = 0; k < seeds.length; k++) {
            s += 0x9E3779B97F4A7C15L;
            seeds[k] = Fingerprint.mix(s);
        }
        int[] min = new int[Fingerprint.SLOTS];
        Arrays.fill(min, Integer.MAX_VALUE);
        for (String sh : shingles) {
            long h = Fingerprint.hash64(sh);
            for (int k = 0; k < min.length; k++)
                min[k] = Math.min(min[k], (int) (Fingerprint.mix(h ^ seeds[k]) >>> 33));
        }
        int[] slots = new int[min.length];
        for (int k = 0; k < min.length; k++) slots[k] = min[k] & 0xFFFF;
        return Fingerprint.ofSlots(slots);
    }

    /** SimHash as first written: a vote per bit over the distinct shingle strings' hashes. */
    static long simhashAsFirstWritten(String title, String text) {
        List<String> shingles = Fingerprint.shingles(title, text);
        if (shingles.isEmpty()) return 0L;
        int[] votes = new int[64];
        for (String sh : shingles) {
            long h = Fingerprint.hash64(sh);
            for (int b = 0; b < 64; b++) votes[b] += (h >>> b & 1L) != 0 ? 1 : -1;
        }
        long r = 0;
        for (int b = 0; b < 64; b++) if (votes[b] > 0) r |= 1L << b;
        return r;
    }

    @Test
    void theSketchesOfTheLabelledCorpusAreWhatTheShingleStringsGave() {
        List<DupCorpus.Item> items = DupCorpus.load().items;
        assertThat(items).hasSizeGreaterThan(100);
        for (DupCorpus.Item i : items) {
            assertThat(Fingerprint.of(i.title(), i.text()))
                    .as(i.id())
                    .isEqualTo(asFirstWritten(i.title(), i.text()));
            assertThat(Fingerprint.simhash(i.title(), i.text()))
                    .as(i.id())
                    .isEqualTo(simhashAsFirstWritten(i.title(), i.text()));
        }
    }

    @Test
    void randomTextsGiveWhatTheShingleStringsGave() {
        // stop words, one-letter words, repeats (the same shingle twice), scripts, separators
        RandomText words =
                new RandomText(
                        18,
                        "the ",
                        "and ",
                        "a ",
                        "x ",
                        "Lavrov ",
                        "lavrov ",
                        "talks ",
                        "Moscow, ",
                        "said. ",
                        "2026 ",
                        "1,5 ",
                        "и ",
                        "в ",
                        "Лавров ",
                        "визит ",
                        "北京",
                        "會談 ",
                        "Ri Yong-ho ",
                        "don't ",
                        "—",
                        "\n",
                        " ",
                        "café ",
                        "Ærø ");
        int some = 0;
        for (int n = 0; n < 5_000; n++) {
            String title = words.next(8);
            String text = words.next(120);
            Fingerprint fast = Fingerprint.of(title, text);
            assertThat(fast).as("%s | %s", title, text).isEqualTo(asFirstWritten(title, text));
            assertThat(Fingerprint.simhash(title, text))
                    .as("%s | %s", title, text)
                    .isEqualTo(simhashAsFirstWritten(title, text));
            if (!fast.isEmpty()) some++;
        }
        assertThat(some).as("texts long enough to sketch").isGreaterThan(2_000);
    }

    @Test
    void aShortTextIsStillTooShortAndOneWordIsOneShingle() {
        assertThat(Fingerprint.of("Lavrov", "")).isEqualTo(Fingerprint.NONE);
        assertThat(Fingerprint.of("Lavrov", "Moscow talks"))
                .isEqualTo(Fingerprint.NONE); // 2 shingles
        assertThat(Fingerprint.of("Lavrov", "Moscow talks today")).isNotEqualTo(Fingerprint.NONE);
        assertThat(Fingerprint.of("Lavrov", "Moscow talks today"))
                .isEqualTo(asFirstWritten("Lavrov", "Moscow talks today"));
    }
}
