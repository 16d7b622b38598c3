package org.feedhub.app;

import java.time.Duration;
import org.feedhub.websub.HubLimits;
import org.feedhub.websub.HubSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code feedhub.hub.*}: the WebSub hub's settings (defaults as in the jar's application.yml).
 *
 * @param worker whether this instance runs the hub's worker (verifications and deliveries); with
 *     several instances any number may, each delivery is claimed by one
 * @param tick how often the worker looks for requests to verify and topics to deliver
 * @param maxPending see {@link HubLimits}
 */
@ConfigurationProperties("feedhub.hub")
public record HubProperties(
        Boolean worker,
        Duration tick,
        Duration defaultLease,
        Duration minLease,
        Duration maxLease,
        int maxPerHost,
        int maxPendingPerHost,
        int maxPending,
        int maxPendingPerClient,
        int requestsPerMinute,
        DataSize maxRequestSize,
        int deliveryAttempts,
        Duration retryDelay,
        int verifyAttempts,
        Duration verifyRetryDelay,
        Duration connectTimeout,
        Duration requestTimeout,
        int concurrency) {

    public HubProperties {
        if (worker == null) worker = true;
        if (tick == null || tick.isZero() || tick.isNegative()) tick = Duration.ofSeconds(5);
    }

    HubLimits limits() {
        return new HubLimits(maxPending, maxPendingPerClient, requestsPerMinute);
    }

    HubSettings settings(boolean allowPrivateNetworks, String userAgent) {
        return new HubSettings(
                defaultLease,
                minLease,
                maxLease,
                maxPerHost,
                maxPendingPerHost,
                maxRequestSize == null ? 0 : maxRequestSize.toBytes(),
                deliveryAttempts,
                retryDelay,
                verifyAttempts,
                verifyRetryDelay,
                connectTimeout,
                requestTimeout,
                concurrency,
                0,
                allowPrivateNetworks,
                userAgent);
    }
}
