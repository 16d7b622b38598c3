package org.feedhub.config;

import java.time.Duration;

/** {@code defaults:} of feeds.yml. {@code every} is the poll interval, {@code keep} the retention. */
public record Defaults(Duration every, Duration keep) {
    public static final Defaults BUILT_IN = new Defaults(Duration.ofMinutes(15), Duration.ofDays(90));
}
