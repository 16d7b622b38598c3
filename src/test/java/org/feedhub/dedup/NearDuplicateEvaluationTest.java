package org.feedhub.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Precision and recall of near-duplicate detection on the hand-labelled pairs in
 * src/test/resources/dedup/pairs.jsonl, through the real path: story a is added to a {@link
 * NearDuplicateIndex} with {@link DedupSettings#DEFAULTS}, story b (published an hour later) is
 * looked up.
 */
class NearDuplicateEvaluationTest {

    record Pair(
            String id,
            boolean dup,
            String kind,
            String aTitle,
            String aText,
            String bTitle,
            String bText) {}

    static final Instant T0 = Instant.parse("2018-07-16T10:00:00Z");
    static List<Pair> pairs;

    @BeforeAll
    static void load() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        pairs = new ArrayList<>();
        try (InputStream in =
                        NearDuplicateEvaluationTest.class.getResourceAsStream(
                                "/dedup/pairs.jsonl");
                BufferedReader r =
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                String label = n.get("label").asString();
                assertThat(label).isIn("dup", "distinct");
                pairs.add(
                        new Pair(
                                n.get("id").asString(),
                                label.equals("dup"),
                                n.get("kind").asString(),
                                n.get("a").get("title").asString(),
                                n.get("a").get("text").asString(),
                                n.get("b").get("title").asString(),
                                n.get("b").get("text").asString()));
            }
        }
    }

    @Test
    void theLabelledSetIsLargeAndVaried() {
        long dups = pairs.stream().filter(Pair::dup).count();
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(200);
        assertThat(dups).isGreaterThanOrEqualTo(90);
        assertThat(pairs.size() - dups).isGreaterThanOrEqualTo(110);
        assertThat(pairs.stream().filter(Pair::dup).map(Pair::kind).distinct())
                .containsExactlyInAnyOrder(
                        "rewrite", "added-paragraph", "new-headline", "syndicated", "boilerplate");
        assertThat(pairs.stream().filter(p -> !p.dup()).map(Pair::kind).distinct())
                .containsExactlyInAnyOrder("same-people-other-event", "follow-up", "same-topic");
        assertThat(
                        pairs.stream()
                                .filter(
                                        p ->
                                                p.aText()
                                                        .codePoints()
                                                        .anyMatch(
                                                                c ->
                                                                        Character.UnicodeScript.of(
                                                                                        c)
                                                                                == Character
                                                                                        .UnicodeScript
                                                                                        .CYRILLIC)))
                .hasSizeGreaterThan(10);
    }

    @Test
    void precisionAndRecallWithTheDefaultSettings() {
        Score s = score(DedupSettings.DEFAULTS, true);
        System.out.printf(
                "dedup precision=%.2f recall=%.2f on %d pairs%n",
                s.precision(), s.recall(), pairs.size());
        System.out.println("  " + s.detail());
        System.out.println("  sweep (maxDistance: precision/recall): " + sweep());
        System.out.println("  simhash for comparison: " + simhashReport());
        assertThat(s.precision()).as("precision").isGreaterThanOrEqualTo(0.98);
        assertThat(s.recall()).as("recall").isGreaterThanOrEqualTo(0.90);
    }

    /**
     * The same pairs through today's decision ({@link Traits}, {@link DupMatcher} with its
     * defaults, an index holding both stories): a regression report beside the labelled corpus. The
     * pairs carry no dates, so both stories are published an hour apart; term weights come from all
     * the pairs' stories.
     */
    @Test
    void regressionReportWithTheDecisionOnNamesAndFigures() {
        NearDuplicateIndex background =
                new NearDuplicateIndex(DedupSettings.DEFAULTS, 2 * pairs.size());
        long id = 0;
        for (Pair p : pairs) {
            background.add(id++, Traits.of(p.aTitle(), p.aText(), T0), T0);
            background.add(id++, Traits.of(p.bTitle(), p.bText(), T0), T0);
        }
        TermWeights idf = background.weights();
        DupMatcher m = new DupMatcher(DupMatcher.Weights.DEFAULTS);
        int tp = 0, fp = 0, fn = 0;
        List<String> wrong = new ArrayList<>();
        for (Pair p : pairs) {
            boolean merged =
                    m.decide(
                                    Traits.of(p.bTitle(), p.bText(), T0.plus(Duration.ofHours(1))),
                                    T0.plus(Duration.ofHours(1)),
                                    Traits.of(p.aTitle(), p.aText(), T0),
                                    T0,
                                    idf)
                            .duplicate();
            if (merged != p.dup()) wrong.add(p.id());
            if (p.dup() && merged) tp++;
            else if (p.dup()) fn++;
            else if (merged) fp++;
        }
        double precision = tp / (double) Math.max(1, tp + fp);
        double recall = tp / (double) Math.max(1, tp + fn);
        System.out.printf(
                "dedup (names and figures) on the 240 old pairs: precision=%.3f recall=%.3f; wrong: %s%n",
                precision, recall, wrong);
        assertThat(precision).as("precision").isGreaterThanOrEqualTo(0.90);
        assertThat(recall).as("recall").isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void storiesOutsideTheWindowAreNotMatched() {
        Pair dup =
                pairs.stream()
                        .filter(p -> p.dup() && p.kind().equals("boilerplate"))
                        .findFirst()
                        .orElseThrow();
        NearDuplicateIndex index = new NearDuplicateIndex(DedupSettings.DEFAULTS);
        index.add(1, Fingerprint.of(dup.aTitle(), dup.aText()), T0);
        Fingerprint b = Fingerprint.of(dup.bTitle(), dup.bText());
        assertThat(index.find(b, T0.plus(Duration.ofDays(3)))).isPresent();
        assertThat(index.find(b, T0.plus(Duration.ofDays(3)).plusSeconds(1))).isEmpty();
        assertThat(index.find(b, T0.minus(Duration.ofDays(4)))).isEmpty();
    }

    record Score(int tp, int fp, int fn, int tn, String detail) {
        double precision() {
            return tp + fp == 0 ? 1.0 : tp / (double) (tp + fp);
        }

        double recall() {
            return tp / (double) (tp + fn);
        }
    }

    static Score score(DedupSettings settings, boolean withDetail) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        Map<String, int[]> byKind = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        for (Pair p : pairs) {
            NearDuplicateIndex index = new NearDuplicateIndex(settings, 16);
            index.add(1, Fingerprint.of(p.aTitle(), p.aText()), T0);
            boolean found =
                    index.find(Fingerprint.of(p.bTitle(), p.bText()), T0.plus(Duration.ofHours(1)))
                            .isPresent();
            int[] k =
                    byKind.computeIfAbsent(
                            (p.dup() ? "dup/" : "distinct/") + p.kind(), x -> new int[2]);
            k[0]++;
            if (found == p.dup()) {
                k[1]++;
            } else {
                errors.add(p.id());
            }
            if (p.dup()) {
                if (found) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (found) {
                fp++;
            } else {
                tn++;
            }
        }
        String detail = "";
        if (withDetail) {
            StringBuilder sb = new StringBuilder("correct by kind:");
            byKind.forEach(
                    (kind, c) ->
                            sb.append(' ')
                                    .append(kind)
                                    .append('=')
                                    .append(c[1])
                                    .append('/')
                                    .append(c[0]));
            sb.append("; wrong: ").append(errors);
            detail = sb.toString();
        }
        return new Score(tp, fp, fn, tn, detail);
    }

    static String sweep() {
        StringBuilder sb = new StringBuilder();
        for (int d = 44; d <= 54; d++) {
            Score s = score(new DedupSettings(d, Duration.ofDays(3)), false);
            sb.append(String.format(" %d:%.3f/%.3f", d, s.precision(), s.recall()));
        }
        return sb.toString().trim();
    }

    /**
     * SimHash P/R at Hamming ≤ 3 (what 4 bands of 16 bits can index) and at the threshold that
     * keeps P ≥ 0.98.
     */
    static String simhashReport() {
        int n = pairs.size();
        int[] dist = new int[n];
        for (int i = 0; i < n; i++) {
            Pair p = pairs.get(i);
            dist[i] =
                    Fingerprint.simhashDistance(
                            Fingerprint.simhash(p.aTitle(), p.aText()),
                            Fingerprint.simhash(p.bTitle(), p.bText()));
        }
        StringBuilder sb = new StringBuilder();
        int bestT = -1;
        double bestR = -1;
        for (int t = 0; t <= 32; t++) {
            int tp = 0;
            int fp = 0;
            int dups = 0;
            for (int i = 0; i < n; i++) {
                boolean dup = pairs.get(i).dup();
                dups += dup ? 1 : 0;
                if (dist[i] <= t) {
                    if (dup) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
            }
            double prec = tp + fp == 0 ? 1 : tp / (double) (tp + fp);
            double rec = tp / (double) dups;
            if (t == 3) {
                sb.append(String.format("hamming<=3 precision=%.2f recall=%.2f", prec, rec));
            }
            if (prec >= 0.98 && rec > bestR) {
                bestR = rec;
                bestT = t;
            }
        }
        return sb.append(
                        String.format(
                                "; best hamming threshold with precision>=0.98: <=%d, recall=%.2f",
                                bestT, bestR))
                .toString();
    }
}
