package org.feedhub.websub.subscribe;

import java.time.Duration;

/**
 * The subscriber side of WebSub ({@code feedhub.websub.*} and the site's base URL).
 *
 * @param subscribe {@code feedhub.websub.subscribe}: subscribe to the hubs sources announce
 * @param baseUrl {@code feedhub.base-url}: where hubs reach the callbacks (empty: unknown)
 * @param lease the lease asked of a hub (the hub may grant another)
 * @param pollEvery a subscribed source is polled at most this often (a safety net)
 * @param maxPushBytes largest pushed body accepted
 * @param pushesPerMinute pushes accepted a minute per source
 * @param verifyWindow how long a subscribe or unsubscribe request waits for the hub's verification
 * @param retryDelay wait before retrying a refused or unverified request; doubled each time
 * @param allowPrivateNetworks hubs and the base URL may be on private addresses (tests, local)
 */
public record SubscriberSettings(
        boolean subscribe,
        String baseUrl,
        Duration lease,
        Duration pollEvery,
        long maxPushBytes,
        int pushesPerMinute,
        Duration verifyWindow,
        Duration retryDelay,
        Duration requestTimeout,
        boolean allowPrivateNetworks,
        String userAgent) {

    public SubscriberSettings {
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
        while (baseUrl.endsWith("/")) baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        if (lease == null || lease.isNegative() || lease.isZero()) lease = Duration.ofDays(7);
        if (pollEvery == null || pollEvery.isNegative()) pollEvery = Duration.ofHours(6);
        if (maxPushBytes <= 0) maxPushBytes = 5L * 1024 * 1024;
        if (pushesPerMinute <= 0) pushesPerMinute = 20;
        if (verifyWindow == null || verifyWindow.isNegative() || verifyWindow.isZero())
            verifyWindow = Duration.ofMinutes(10);
        if (retryDelay == null || retryDelay.isNegative() || retryDelay.isZero())
            retryDelay = Duration.ofMinutes(5);
        if (requestTimeout == null) requestTimeout = Duration.ofSeconds(10);
        if (userAgent == null || userAgent.isBlank()) userAgent = "feedhub";
    }
}
