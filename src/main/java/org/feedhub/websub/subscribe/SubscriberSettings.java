package org.feedhub.websub.subscribe;

import java.time.Duration;

/**
 * The subscriber side of WebSub ({@code feedhub.websub.*} and the site's base URL); the defaults
 * and checks of those settings are {@code SubscriberProperties}'.
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
        java.util.Objects.requireNonNull(lease, "lease");
        java.util.Objects.requireNonNull(pollEvery, "pollEvery");
        java.util.Objects.requireNonNull(verifyWindow, "verifyWindow");
        java.util.Objects.requireNonNull(retryDelay, "retryDelay");
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
        while (baseUrl.endsWith("/")) baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        if (requestTimeout == null) requestTimeout = Duration.ofSeconds(10);
        if (userAgent == null || userAgent.isBlank()) userAgent = "feedhub";
    }
}
