package org.feedhub.dedup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides whether a new story tells the same event as a stored one. Pure: no state, no I/O.
 *
 * <p>The score adds three agreements, each 0..1:
 *
 * <ul>
 *   <li><b>text</b>: the estimated Jaccard similarity of the two stories' shingles ({@link
 *       Fingerprint}); high for copies and light edits, low for heavy rewrites;
 *   <li><b>names</b>: the weight of the names both carry over the weight of the names of the story
 *       that has fewer, or over {@link Weights#evidence} rare names if that is more (weights are
 *       {@link TermWeights}: rare names count, common ones hardly);
 *   <li><b>figures</b>: the same for figures and dates, normalised ({@link Figures}).
 * </ul>
 *
 * <p>and takes off {@link Weights#perDay} for each day the two stories are apart beyond {@link
 * Weights#freeHours}. A <b>conflict vetoes</b> the merge whatever the score: each story's title (or
 * each lead, or each lead's figures) carries a rare name or figure that the other story nowhere
 * has: another company, team or counterpart in the same place of the story, as template twins have.
 */
public final class DupMatcher {

    /**
     * The knobs of the decision. {@link #DEFAULTS} were tuned on the tuning half of the labelled
     * corpus in src/test/resources/dedup/corpus (see its README); {@code DupCorpusEvaluationTest}
     * prints the sweep.
     *
     * @param evidence how many names (figures) of the rarest weight two stories must share for
     *     their names (figures) to agree fully; sharing less counts in proportion, so two stories
     *     that share only "Lavrov", or only names every story carries, are not one event by their
     *     names (chosen on the tuning half: 2 keeps its recall, 4 loses 1.2 points of it)
     */
    public record Weights(
            double threshold,
            double text,
            double names,
            double figures,
            double freeHours,
            double perDay,
            double conflictWeight,
            double evidence) {

        public static final Weights DEFAULTS =
                new Weights(0.60, 1.0, 0.55, 0.35, 12, 0.75, 1.5, 2.0);

        public Weights {
            if (!(threshold > 0)
                    || text < 0
                    || names < 0
                    || figures < 0
                    || perDay < 0
                    || evidence < 0) {
                throw new IllegalArgumentException("bad near-duplicate weights");
            }
        }

        public Weights withThreshold(double t) {
            return new Weights(
                    t, text, names, figures, freeHours, perDay, conflictWeight, evidence);
        }
    }

    /**
     * The parts of a decision and the decision.
     *
     * @param conflict why a merge is vetoed ("title: acme ≠ borealis"), or null
     */
    public record Decision(
            boolean duplicate,
            double score,
            double text,
            double names,
            double figures,
            double hoursApart,
            double timePenalty,
            String conflict,
            List<String> sharedNames,
            List<String> sharedFigures) {

        /** The parts, one per line, for {@code explain-dup}. */
        public String describe(Weights w) {
            StringBuilder sb = new StringBuilder();
            sb.append(
                    String.format(
                            java.util.Locale.ROOT,
                            "text similarity   %.3f  x %.2f%n",
                            text,
                            w.text()));
            sb.append(
                    String.format(
                            java.util.Locale.ROOT,
                            "names agreement   %.3f  x %.2f  shared: %s%n",
                            names,
                            w.names(),
                            sharedNames));
            sb.append(
                    String.format(
                            java.util.Locale.ROOT,
                            "figures agreement %.3f  x %.2f  shared: %s%n",
                            figures,
                            w.figures(),
                            sharedFigures));
            sb.append(
                    String.format(
                            java.util.Locale.ROOT,
                            "time apart        %.1f h  -%.3f%n",
                            hoursApart,
                            timePenalty));
            sb.append("conflict          ")
                    .append(conflict == null ? "none" : conflict)
                    .append('\n');
            sb.append(
                    String.format(
                            java.util.Locale.ROOT,
                            "score             %.3f  (threshold %.2f)%n",
                            score,
                            w.threshold()));
            sb.append("decision          ")
                    .append(duplicate ? "DUPLICATE (would merge)" : "distinct")
                    .append('\n');
            return sb.toString();
        }
    }

    /** Name agreement above which, with {@link #FIGURES_OVERRIDE}, a name conflict is wording. */
    static final double NAMES_OVERRIDE = 0.7;

    /** Figure agreement that, with {@link #NAMES_OVERRIDE}, overrides a name conflict. */
    static final double FIGURES_OVERRIDE = 0.9;

    private final Weights weights;

    public DupMatcher(Weights weights) {
        this.weights = Objects.requireNonNull(weights);
    }

    public Weights weights() {
        return weights;
    }

    /** Whether {@code candidate} (published at {@code at}) tells the event of {@code stored}. */
    public Decision decide(
            Traits candidate, Instant at, Traits stored, Instant storedAt, TermWeights idf) {
        double text = candidate.fingerprint.similarity(stored.fingerprint);
        List<String> sharedNames = new ArrayList<>();
        double names = agreement(candidate, candidate.names, stored.names, idf, sharedNames);
        List<String> sharedFigures = new ArrayList<>();
        double figures =
                agreement(candidate, candidate.figures, stored.figures, idf, sharedFigures);
        double hours = Math.abs(Duration.between(at, storedAt).toMinutes()) / 60.0;
        double penalty = weights.perDay() * Math.max(0, hours - weights.freeHours()) / 24.0;
        double score =
                weights.text() * text
                        + weights.names() * names
                        + weights.figures() * figures
                        - penalty;
        String conflict = conflict(candidate, stored, idf, names, figures);
        if (conflict == null) {
            conflict =
                    at.isAfter(storedAt)
                            ? later(candidate, storedAt, stored)
                            : later(stored, at, candidate);
        }
        boolean dup =
                conflict == null
                        && score >= weights.threshold()
                        && !candidate.isEmpty()
                        && !stored.isEmpty();
        return new Decision(
                dup,
                score,
                text,
                names,
                figures,
                hours,
                penalty,
                conflict,
                sharedNames,
                sharedFigures);
    }

    /**
     * Shared weight over the weight of the side with less, so a cut copy still agrees fully; but
     * over no less than {@link Weights#evidence} terms of the rarest weight, so that two stories
     * which share only a common name or two ("Lavrov", "Moscow") do not agree fully.
     */
    private double agreement(
            Traits labels, int[] a, int[] b, TermWeights idf, List<String> shared) {
        double wa = 0;
        double wb = 0;
        double both = 0;
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (j == b.length || (i < a.length && a[i] < b[j])) {
                wa += idf.weight(a[i++]);
            } else if (i == a.length || b[j] < a[i]) {
                wb += idf.weight(b[j++]);
            } else {
                double w = idf.weight(a[i]);
                wa += w;
                wb += w;
                both += w;
                if (shared.size() < 12) {
                    shared.add(labels.label(a[i]));
                }
                i++;
                j++;
            }
        }
        double min = Math.max(Math.min(wa, wb), weights.evidence() * idf.rarest());
        return min <= 0 ? 0 : both / min;
    }

    /**
     * A rare term of one story's title (lead, lead figures) that the other nowhere carries, and the
     * same the other way round.
     */
    private String conflict(Traits a, Traits b, TermWeights idf, double names, double figures) {
        String c = oneSided(a, a.keyNames, b.names, idf);
        String d = c == null ? null : oneSided(b, b.keyNames, a.names, idf);
        // A rewrite may say "Scotland" where the wire says "Glasgow"; when the names otherwise
        // agree and every figure of one is in the other, such a difference is wording.
        boolean agreeOtherwise = names >= NAMES_OVERRIDE && figures >= FIGURES_OVERRIDE;
        if (c != null && d != null && !agreeOtherwise) {
            return "names: " + c + " / " + d;
        }
        c = oneSided(a, a.leadCoarse, b.coarse, idf);
        d = c == null ? null : oneSided(b, b.leadCoarse, a.coarse, idf);
        if (c != null && d != null) {
            return "lead figures: " + c + " / " + d;
        }
        return null;
    }

    /**
     * A follow-up: the later story's title or lead names a day after the earlier one was published,
     * which the earlier one nowhere names ("said on Thursday they would sue", a day after the
     * ruling).
     */
    private static String later(Traits later, Instant earlierAt, Traits earlier) {
        long earlierDay = earlierAt.atZone(java.time.ZoneOffset.UTC).toLocalDate().toEpochDay();
        for (int d : later.leadDays) {
            java.time.LocalDate day = java.time.LocalDate.ofEpochDay(d);
            if (d > earlierDay && !earlier.names(day)) {
                return "a later day in the lead: " + day;
            }
        }
        return null;
    }

    private String oneSided(Traits labels, int[] mine, int[] theirs, TermWeights idf) {
        for (int t : mine) {
            if (java.util.Arrays.binarySearch(theirs, t) < 0
                    && idf.weight(t) >= weights.conflictWeight()) {
                return labels.label(t);
            }
        }
        return null;
    }
}
