package org.feedhub.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The decision's parts on small invented cases: a rewrite, a twin, a follow-up, a syndicated copy.
 */
class DupMatcherTest {
    static final Instant T0 = Instant.parse("2026-03-14T09:00:00Z");
    static final DupMatcher M = new DupMatcher(DupMatcher.Weights.DEFAULTS);

    static final String WIRE_T = "Maple Rail to buy Fjord Cargo for $3.1 billion";
    static final String WIRE =
            "Maple Rail agreed on Saturday to buy Fjord Cargo for $3.1 billion, creating the largest freight"
                    + " operator in northern Europe. Maple Rail chief executive Anna Berg said the deal would close"
                    + " in the second half.\nFjord Cargo shareholders will receive 52,000 Maple Rail shares per lot.";

    static DupMatcher.Decision decide(
            String t1, String x1, Instant a1, String t2, String x2, Instant a2) {
        return decide(M, t1, x1, a1, t2, x2, a2);
    }

    /** Rare terms: a uniform high weight, as in a large window where these names are rare. */
    static final TermWeights RARE =
            new TermWeights() {
                @Override
                public double weight(int term) {
                    return 3.0;
                }

                @Override
                public double rarest() {
                    return 3.0;
                }
            };

    static DupMatcher.Decision decide(
            DupMatcher m, String t1, String x1, Instant a1, String t2, String x2, Instant a2) {
        return m.decide(Traits.of(t2, x2, a2), a2, Traits.of(t1, x1, a1), a1, RARE);
    }

    @Test
    void twoEventsThatShareOnlyOneNameAndStockWordingAreTwoStories() {
        String t1 = "Lavrov warns of new sanctions";
        String x1 =
                "Foreign minister Lavrov warned on Tuesday that new sanctions would hurt exporters and"
                        + " farmers, and said the government was ready to answer them in kind, the ministry"
                        + " said in a statement.";
        String t2 = "Lavrov meets Wang in Beijing";
        String x2 =
                "Foreign minister Lavrov met Wang Yi in Beijing on Tuesday for two days of talks on"
                        + " energy, shipping and a new bridge across the river, the ministry said in a"
                        + " statement.";
        Instant later = T0.plus(Duration.ofHours(2));
        DupMatcher.Decision d = decide(t1, x1, T0, t2, x2, later);
        assertThat(d.sharedNames()).containsExactly("lavrov");
        assertThat(d.names()).as("one shared name is not full agreement").isLessThan(0.6);
        assertThat(d.duplicate()).as(d.describe(M.weights())).isFalse();
        // without the evidence floor, the one name both carry was full agreement and merged them
        DupMatcher.Weights w = DupMatcher.Weights.DEFAULTS;
        DupMatcher noFloor =
                new DupMatcher(
                        new DupMatcher.Weights(
                                w.threshold(),
                                w.text(),
                                w.names(),
                                w.figures(),
                                w.freeHours(),
                                w.perDay(),
                                w.conflictWeight(),
                                0));
        DupMatcher.Decision old = decide(noFloor, t1, x1, T0, t2, x2, later);
        assertThat(old.names()).isEqualTo(1.0);
        assertThat(old.duplicate()).isTrue();
    }

    @Test
    void aHeavyRewriteWithTheSameNamesAndFiguresIsOneStory() {
        DupMatcher.Decision d =
                decide(
                        WIRE_T,
                        WIRE,
                        T0,
                        "Maple, Fjord to combine in 3,1 млрд-style $3.1 bln rail deal",
                        "Anna Berg, who runs Maple Rail, said on March 14 the takeover of Fjord Cargo closes in the"
                                + " second half. Holders of Fjord Cargo stock get 52 000 Maple Rail shares per lot in"
                                + " the 3.1 bln dollar deal.",
                        T0.plus(Duration.ofHours(3)));
        assertThat(d.text()).isLessThan(0.3);
        assertThat(d.names()).isGreaterThan(0.8);
        assertThat(d.figures()).isGreaterThan(0.8);
        assertThat(d.conflict()).isNull();
        assertThat(d.duplicate()).isTrue();
    }

    @Test
    void aTemplateTwinWithOtherCompaniesIsVetoed() {
        DupMatcher.Decision d =
                decide(
                        WIRE_T,
                        WIRE,
                        T0,
                        "Borealis Rail to buy Nordic Cargo for $2.4 billion",
                        WIRE.replace("Maple", "Borealis")
                                .replace("Fjord", "Nordic")
                                .replace("3.1", "2.4")
                                .replace("Anna Berg", "Piotr Nowak")
                                .replace("52,000", "31,000"),
                        T0.plus(Duration.ofHours(1)));
        assertThat(d.text()).isGreaterThan(0.3);
        assertThat(d.conflict()).isNotNull();
        assertThat(d.duplicate()).isFalse();
    }

    @Test
    void aSyndicatedCopyWithCaptionDatelineAndNewsletterIsOneStory() {
        DupMatcher.Decision d =
                decide(
                        WIRE_T,
                        WIRE,
                        T0,
                        WIRE_T,
                        "[Photo: Kate Morrow / Northwire]\nLONDON (Northwire) - "
                                + WIRE
                                + "\nSubscribe to our newsletter for the day's top stories.",
                        T0.plus(Duration.ofMinutes(30)));
        assertThat(d.text()).isGreaterThan(0.9);
        assertThat(d.conflict()).isNull();
        assertThat(d.duplicate()).isTrue();
    }

    @Test
    void aNextDayFollowUpNamingALaterDayIsVetoed() {
        Instant next = T0.plus(Duration.ofHours(26));
        DupMatcher.Decision d =
                decide(
                        WIRE_T,
                        WIRE,
                        T0,
                        "Fjord Cargo investors back Maple Rail bid",
                        "Fjord Cargo investors said on Sunday they would back the $3.1 billion bid from Maple Rail."
                                + " Maple Rail chief executive Anna Berg welcomed the support.\nThe deal, agreed on"
                                + " Saturday, would give holders 52,000 Maple Rail shares per lot.",
                        next);
        assertThat(d.conflict()).startsWith("a later day in the lead");
        assertThat(d.timePenalty()).isGreaterThan(0);
        assertThat(d.duplicate()).isFalse();
    }

    @Test
    void theSameStoryDaysApartLosesScoreWithTime() {
        DupMatcher.Decision near =
                decide(WIRE_T, WIRE, T0, WIRE_T, WIRE, T0.plus(Duration.ofHours(2)));
        DupMatcher.Decision far =
                decide(WIRE_T, WIRE, T0, WIRE_T, WIRE, T0.plus(Duration.ofHours(60)));
        assertThat(near.timePenalty()).isZero();
        assertThat(far.score()).isLessThan(near.score());
    }

    @Test
    void traitsSurviveTheirStoredForm() {
        Traits t = Traits.of(WIRE_T, WIRE, T0);
        Traits back = Traits.decode(t.fingerprint(), t.encode());
        assertThat(back.encode()).isEqualTo(t.encode());
        assertThat(Traits.decode(t.fingerprint(), "garbage;x").isEmpty()).isFalse();
        DupMatcher.Decision d = M.decide(t, T0, back, T0, term -> 3.0);
        assertThat(d.names()).isEqualTo(1.0);
        assertThat(d.duplicate()).isTrue();
    }
}
