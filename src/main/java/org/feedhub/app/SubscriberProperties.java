package org.feedhub.app;

import java.time.Duration;
import org.feedhub.websub.subscribe.SubscriberSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code feedhub.websub.*}: feedhub as a subscriber to its sources' WebSub hubs (defaults in {@link
 * SubscriberSettings} and the jar's application.yml).
 *
 * @param worker whether this instance runs the subscriber's worker (subscribe, renew, unsubscribe)
 * @param tick how often the worker looks for subscriptions to request or renew
 */
@ConfigurationProperties("feedhub.websub")
public record SubscriberProperties(
        Boolean subscribe,
        Boolean worker,
        Duration tick,
        Duration lease,
        Duration pollEvery,
        DataSize maxPushSize,
        int pushesPerMinute,
        Duration verifyWindow,
        Duration retryDelay) {

    public SubscriberProperties {
        if (subscribe == null) subscribe = true;
        if (worker == null) worker = true;
        if (tick == null || tick.isZero() || tick.isNegative()) tick = Duration.ofSeconds(10);
    }

    SubscriberSettings settings(String baseUrl, boolean allowPrivateNetworks, String userAgent) {
        return new SubscriberSettings(
                subscribe,
                baseUrl,
                lease,
                pollEvery,
                maxPushSize == null ? 0 : maxPushSize.toBytes(),
                pushesPerMinute,
                verifyWindow,
                retryDelay,
                null,
                allowPrivateNetworks,
                userAgent);
    }
}
