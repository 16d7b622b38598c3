package org.feedhub.websub;

import java.time.Duration;

/**
 * The hub's bounds and timings ({@code feedhub.hub.*}, plus the fetcher's private-network switch).
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
 * @param batchSize verifications, and deliveries, claimed per worker run
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
        int batchSize,
        boolean allowPrivateNetworks,
        String userAgent) {

    public HubSettings {
        if (defaultLease == null) defaultLease = Duration.ofDays(10);
        if (minLease == null) minLease = Duration.ofHours(1);
        if (maxLease == null) maxLease = Duration.ofDays(30);
        if (minLease.compareTo(Duration.ofSeconds(1)) < 0) minLease = Duration.ofSeconds(1);
        if (maxLease.compareTo(minLease) < 0) maxLease = minLease;
        if (maxPerHost <= 0) maxPerHost = 100;
        if (maxPendingPerHost <= 0) maxPendingPerHost = 20;
        if (maxRequestBytes <= 0) maxRequestBytes = 64 * 1024;
        if (deliveryAttempts <= 0) deliveryAttempts = 6;
        if (retryDelay == null || retryDelay.isZero() || retryDelay.isNegative())
            retryDelay = Duration.ofMinutes(2);
        if (verifyAttempts <= 0) verifyAttempts = 3;
        if (verifyRetryDelay == null
                || verifyRetryDelay.isZero()
                || verifyRetryDelay.isNegative()) {
            verifyRetryDelay = Duration.ofSeconds(30);
        }
        if (connectTimeout == null) connectTimeout = Duration.ofSeconds(5);
        if (requestTimeout == null) requestTimeout = Duration.ofSeconds(10);
        if (concurrency <= 0) concurrency = 8;
        if (batchSize <= 0) batchSize = 50;
        if (userAgent == null || userAgent.isBlank()) userAgent = "feedhub-hub";
    }

    /** Every default: what a hub needs in tests and tools. */
    public static HubSettings defaults() {
        return new HubSettings(
                null, null, null, 0, 0, 0, 0, null, 0, null, null, null, 0, 0, false, null);
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
