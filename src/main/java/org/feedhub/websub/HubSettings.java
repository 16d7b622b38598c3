package org.feedhub.websub;

import java.time.Duration;

/**
 * The hub's bounds and timings ({@code feedhub.hub.*}, plus the fetcher's private-network switch
 * and User-Agent); their defaults and checks are those of the settings ({@code HubProperties}).
 *
 * @param defaultLease lease granted when a subscriber asks for none
 * @param minLease shortest lease granted (a shorter request is raised to it)
 * @param maxLease longest lease granted (a longer request is cut to it)
 * @param maxPerHost subscriptions at most per callback host
 * @param maxPendingPerHost requests at most waiting for verification per callback host
 * @param maxRequestBytes largest {@code POST /hub} body accepted
 * @param deliveryAttempts attempts of one delivery before the subscription is marked failing
 * @param retryDelay wait before the first retry of a delivery; doubled before each further one
 * @param verifyAttempts attempts of one verification whose callback could not be reached
 * @param verifyRetryDelay wait before the first retry of such a verification; doubled before each
 *     further one
 * @param connectTimeout TCP connect timeout of callback requests
 * @param requestTimeout whole-request timeout of callback requests
 * @param concurrency callback requests in flight at once (per instance)
 * @param userAgent the User-Agent of callback requests
 */
public record HubSettings(
        Duration defaultLease,
        Duration minLease,
        Duration maxLease,
        int maxPerHost,
        int maxPendingPerHost,
        long maxRequestBytes,
        int deliveryAttempts,
        Duration retryDelay,
        int verifyAttempts,
        Duration verifyRetryDelay,
        Duration connectTimeout,
        Duration requestTimeout,
        int concurrency,
        boolean allowPrivateNetworks,
        String userAgent) {

    /** Verifications, and deliveries, claimed per worker run (not a setting). */
    public int batchSize() {
        return 50;
    }

    /**
     * The lease granted for a requested one (null: none asked), in seconds, within {@code
     * minLease..maxLease}.
     */
    public long grantedLeaseSeconds(Long requestedSeconds) {
        long wanted = requestedSeconds == null ? defaultLease.toSeconds() : requestedSeconds;
        return Math.max(minLease.toSeconds(), Math.min(maxLease.toSeconds(), wanted));
    }

    /**
     * The wait before retry number {@code failures} (1 after the first failure): {@code base}
     * doubled per earlier failure, capped at a day.
     */
    static Duration backoff(Duration base, int failures) {
        int exponent = Math.max(0, Math.min(failures - 1, 20));
        Duration wait = base.multipliedBy(1L << exponent);
        return wait.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : wait;
    }
}
