package org.feedhub.dedup;

import java.time.Duration;
import java.util.Objects;

/**
 * When two stories from different sources count as one.
 *
 * @param maxDistance the most {@link Fingerprint} slots (of {@value Fingerprint#SLOTS}) that may
 *     differ: {@code maxDistance = SLOTS * (1 - min. Jaccard similarity)} of the stories' shingles
 * @param window how far apart their published times may be; stories further apart are never
 *     compared
 * @param minScore the score {@link DupMatcher} needs to call two stories one (its {@link
 *     DupMatcher.Weights#threshold})
 */
public record DedupSettings(int maxDistance, Duration window, double minScore) {

    /**
     * 48 of 64 slots (an estimated Jaccard similarity of at least 0.25 on the stories' shingles)
     * within 3 days. Tuned on the labelled set in src/test/resources/dedup, through the index:
     * precision 1.00 and recall 0.93 at 44, 0.965 at 48, precision 0.991 and recall 0.97 to 1.00
     * from 50 to 52, precision 0.966 from 53; 48 is the middle of the range where both targets
     * (precision ≥ 0.98, recall ≥ 0.90) hold. {@code NearDuplicateEvaluationTest} prints the sweep.
     */
    public static final DedupSettings DEFAULTS =
            new DedupSettings(48, Duration.ofDays(3), DupMatcher.Weights.DEFAULTS.threshold());

    /** Settings with the default {@code minScore}. */
    public DedupSettings(int maxDistance, Duration window) {
        this(maxDistance, window, DupMatcher.Weights.DEFAULTS.threshold());
    }

    /** The decision's weights with this {@code minScore}. */
    public DupMatcher.Weights weights() {
        return DupMatcher.Weights.DEFAULTS.withThreshold(minScore);
    }

    public DedupSettings {
        if (!(minScore > 0 && minScore < 10)) {
            throw new IllegalArgumentException("minScore must be in (0, 10): " + minScore);
        }
        Objects.requireNonNull(window, "window");
        if (maxDistance < 0 || maxDistance >= Fingerprint.SLOTS) {
            throw new IllegalArgumentException(
                    "maxDistance must be 0.." + (Fingerprint.SLOTS - 1) + ": " + maxDistance);
        }
        if (window.isNegative()) {
            throw new IllegalArgumentException("window must not be negative: " + window);
        }
    }

    /**
     * Settings from a minimum similarity (0 < s ≤ 1, estimated Jaccard of the shingles) instead of
     * a distance.
     */
    public static DedupSettings ofSimilarity(double minSimilarity, Duration window) {
        if (!(minSimilarity > 0 && minSimilarity <= 1)) {
            throw new IllegalArgumentException("minSimilarity must be in (0, 1]: " + minSimilarity);
        }
        int minSame = (int) Math.ceil(minSimilarity * Fingerprint.SLOTS - 1e-9);
        return new DedupSettings(Fingerprint.SLOTS - minSame, window);
    }

    /** The smallest estimated similarity these settings accept. */
    public double minSimilarity() {
        return 1.0 - maxDistance / (double) Fingerprint.SLOTS;
    }
}
