package org.feedhub.config;

import java.time.Duration;

/**
 * {@code defaults:} of feeds.yml. {@code every} is the poll interval, {@code keep} the retention,
 * {@code stem} whether tags and topic matches without their own {@code stem:} match by word stems.
 */
public record Defaults(Duration every, Duration keep, boolean stem) {
    public static final Defaults BUILT_IN =
            new Defaults(Duration.ofMinutes(15), Duration.ofDays(90), false);

    /** Exact-word matching. */
    public Defaults(Duration every, Duration keep) {
        this(every, keep, false);
    }
}
