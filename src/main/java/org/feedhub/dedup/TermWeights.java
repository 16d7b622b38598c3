package org.feedhub.dedup;

import java.util.function.IntToLongFunction;
import java.util.function.LongSupplier;

/**
 * How much agreeing on a term says: its inverse document frequency among the stories of the window,
 * so a name every story carries ("Moscow" on a Russian desk, the year) counts for little and a rare
 * one (a company, a player, a figure) for much.
 */
public interface TermWeights {

    /** The weight of {@code term}: {@code ln((stories + 1) / (storiesWithTerm + 1)) + 1}. */
    double weight(int term);

    /**
     * The weight of a term no stored story carries: the most one term can weigh. Agreement on a few
     * common names is measured against it, so it cannot count as much as agreement on rare ones.
     */
    default double rarest() {
        return 1.0;
    }

    /** Every term weighs the same (no statistics yet). */
    TermWeights UNIFORM = term -> 1.0;

    /**
     * Weights among {@code stories} stories, {@code storiesWith} counting those that carry a term
     * (both asked at each call, so the weights follow a window that changes).
     */
    static TermWeights counted(LongSupplier stories, IntToLongFunction storiesWith) {
        return new TermWeights() {
            @Override
            public double weight(int term) {
                return idf(stories.getAsLong(), storiesWith.applyAsLong(term));
            }

            @Override
            public double rarest() {
                return idf(stories.getAsLong(), 0);
            }
        };
    }

    /** The weight of a term seen in {@code df} of {@code n} stories. */
    static double idf(long n, long df) {
        return Math.log((n + 1.0) / (df + 1.0)) + 1.0;
    }
}
