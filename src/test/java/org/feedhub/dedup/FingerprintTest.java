package org.feedhub.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    static final String TITLE = "Lavrov to visit North Korea on invitation from Pyongyang";
    static final String TEXT =
            "Russian Foreign Minister Sergei Lavrov will travel to Pyongyang on Thursday for talks with "
                    + "his North Korean counterpart Ri Yong-ho, the Russian Foreign Ministry said.\nThe agenda covers relations "
                    + "between the two countries as well as regional and international issues.";

    @Test
    void hammingDistanceCountsDifferingBits() {
        assertThat(Fingerprint.simhashDistance(0L, 0L)).isZero();
        assertThat(Fingerprint.simhashDistance(0L, -1L)).isEqualTo(64);
        assertThat(Fingerprint.simhashDistance(0b1011L, 0b0110L)).isEqualTo(3);
        assertThat(Fingerprint.simhashDistance(Long.MIN_VALUE, 0L)).isEqualTo(1);
    }

    @Test
    void identicalTextHasDistanceZero() {
        Fingerprint a = Fingerprint.of(TITLE, TEXT);
        Fingerprint b = Fingerprint.of(TITLE, TEXT);
        assertThat(a.distance(b)).isZero();
        assertThat(a.similarity(b)).isEqualTo(1.0);
        assertThat(a).isEqualTo(b);
        assertThat(
                        Fingerprint.simhashDistance(
                                Fingerprint.simhash(TITLE, TEXT), Fingerprint.simhash(TITLE, TEXT)))
                .isZero();
    }

    @Test
    void caseAccentsPunctuationAndFunctionWordsDoNotCount() {
        Fingerprint a = Fingerprint.of(TITLE, TEXT);
        Fingerprint b =
                Fingerprint.of(
                        TITLE.toUpperCase(),
                        TEXT.replace("Sergei", "Sérgei")
                                .replace(",", " -")
                                .replace("on Thursday", "Thursday")
                                .replace("the Russian", "a Russian"));
        assertThat(a.distance(b)).isZero();
    }

    @Test
    void unrelatedStoriesAreFarApart() {
        Fingerprint a = Fingerprint.of(TITLE, TEXT);
        Fingerprint b =
                Fingerprint.of(
                        "Kipchoge breaks marathon world record in Berlin",
                        "Kenya's Eliud Kipchoge broke the marathon world record on Sunday, winning the Berlin marathon in "
                                + "2 hours 1 minute 39 seconds.");
        assertThat(a.distance(b)).isGreaterThan(60);
    }

    @Test
    void distanceEstimatesJaccardOfTheShingles() {
        // b keeps the first half of a's text and adds as much new text: Jaccard about 1/3.
        String a =
                "alpha1 beta1 alpha2 beta2 alpha3 beta3 alpha4 beta4 alpha5 beta5 alpha6 beta6 alpha7 beta7 alpha8 "
                        + "beta8 alpha9 beta9 alpha10 beta10 alpha11 beta11 alpha12 beta12 alpha13 beta13 alpha14 beta14";
        String b =
                a.substring(0, a.indexOf("alpha8"))
                        + "gamma1 delta1 gamma2 delta2 gamma3 delta3 gamma4 delta4 "
                        + "gamma5 delta5 gamma6 delta6 gamma7 delta7";
        List<String> sa = Fingerprint.shingles("", a);
        List<String> sb = Fingerprint.shingles("", b);
        Set<String> inter = sa.stream().filter(sb::contains).collect(Collectors.toSet());
        double jaccard = inter.size() / (double) (sa.size() + sb.size() - inter.size());
        double estimate = Fingerprint.of("", a).similarity(Fingerprint.of("", b));
        assertThat(jaccard).isBetween(0.3, 0.4);
        assertThat(estimate).isBetween(jaccard - 0.15, jaccard + 0.15);
    }

    @Test
    void shinglesAreContentWordPairsOfTitleAndTextSeparately() {
        assertThat(
                        Fingerprint.shingles(
                                "Lavrov's visit", "The minister said on Monday that 2-0 was fair."))
                .containsExactly("lavrov visit", "minister monday", "monday 2", "2 0", "0 fair");
        assertThat(Fingerprint.shingles("Лавров: визит в Пхеньян", ""))
                .containsExactly("лавров визит", "визит пхеньян");
    }

    @Test
    void tooShortStoriesHaveNoFingerprintAndMatchNothing() {
        assertThat(Fingerprint.of("Breaking news", "")).isSameAs(Fingerprint.NONE);
        assertThat(Fingerprint.of(null, null)).isSameAs(Fingerprint.NONE);
        assertThat(Fingerprint.NONE.distance(Fingerprint.NONE)).isEqualTo(Fingerprint.SLOTS);
        assertThat(Fingerprint.bandKeys(Fingerprint.NONE)).isEmpty();
    }

    @Test
    void bandKeysNameEachBandAndItsTwoSlots() {
        Fingerprint fp = Fingerprint.of(TITLE, TEXT);
        List<long[]> keys = Fingerprint.bandKeys(fp);
        assertThat(keys).hasSize(Fingerprint.BANDS);
        for (int b = 0; b < Fingerprint.BANDS; b++) {
            assertThat(keys.get(b)[0]).isEqualTo(b);
            assertThat(keys.get(b)[1])
                    .isEqualTo((long) fp.slot(2 * b) << 16 | fp.slot(2 * b + 1))
                    .isNotNegative();
        }
    }

    @Test
    void slotsAndBytesRoundTrip() {
        Fingerprint fp = Fingerprint.of(TITLE, TEXT);
        assertThat(Fingerprint.ofSlots(fp.slots())).isEqualTo(fp);
        assertThat(fp.toBytes()).hasSize(128);
        assertThat(Fingerprint.fromBytes(fp.toBytes())).isEqualTo(fp);
        assertThat(Fingerprint.fromBytes(new byte[0])).isSameAs(Fingerprint.NONE);
        assertThatThrownBy(() -> Fingerprint.ofSlots(new int[3]))
                .isInstanceOf(IllegalArgumentException.class);
        int[] tooBig = new int[Fingerprint.SLOTS];
        tooBig[5] = 1 << 16;
        assertThatThrownBy(() -> Fingerprint.ofSlots(tooBig))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
