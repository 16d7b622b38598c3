package org.feedhub.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a source is due again: its interval after a success; after failures, the interval doubled
 * per consecutive failure (capped at one day) with ±10% jitter so failing sources do not retry in
 * lockstep, and never sooner than a server's Retry-After.
 */
final class Backoff {
    static final Duration CAP = Duration.ofDays(1);

    private Backoff() {}

    static Instant next(
            Instant now, Duration every, int failuresSoFar, boolean failed, Duration retryAfter) {
        if (!failed) return now.plus(every);
        int exponent = Math.min(failuresSoFar, 16); // failuresSoFar before this one
        Duration wait = every.multipliedBy(1L << exponent);
        if (wait.compareTo(CAP) > 0) wait = CAP.compareTo(every) > 0 ? CAP : every;
        long jitter =
                (long) (wait.toMillis() * 0.1 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        wait = wait.plusMillis(jitter);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0)
            wait = retryAfter.compareTo(CAP) > 0 ? CAP : retryAfter;
        return now.plus(wait);
    }
}
