package org.feedhub.app;

import static org.feedhub.InvalidSetting.atLeast;
import static org.feedhub.InvalidSetting.positive;

import java.time.Duration;
import org.feedhub.Doc;
import org.feedhub.InvalidSetting;
import org.feedhub.websub.HubLimits;
import org.feedhub.websub.HubSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code feedhub.hub.*}: the WebSub hub at {@code /hub}. Each default is written here once; a wrong
 * value stops start-up naming it (see {@link org.feedhub.FeedhubProperties}).
 */
@ConfigurationProperties("feedhub.hub")
public record HubProperties(
        @Doc(
                        "`false`: this instance neither verifies nor pushes (it still accepts `POST"
                                + " /hub`); with several instances any number may, each delivery is"
                                + " claimed by one")
                @DefaultValue("true")
                boolean worker,
        @Doc("how often the hub's worker looks for requests to verify and topics to push")
                @DefaultValue("5s")
                Duration tick,
        @Doc("lease granted when a subscriber asks for none") @DefaultValue("10d")
                Duration defaultLease,
        @Doc("shortest lease granted (a shorter request is raised to it)") @DefaultValue("1h")
                Duration minLease,
        @Doc("longest lease granted (a longer request is cut to it)") @DefaultValue("30d")
                Duration maxLease,
        @Doc("subscriptions at most per callback host") @DefaultValue("100") int maxPerHost,
        @Doc("requests at most waiting for verification per callback host (by address)")
                @DefaultValue("20")
                int maxPendingPerHost,
        @Doc("requests at most waiting for verification, from all clients") @DefaultValue("1000")
                int maxPending,
        @Doc("requests at most waiting for verification from one client address")
                @DefaultValue("50")
                int maxPendingPerClient,
        @Doc("`POST /hub` requests a minute from one client address") @DefaultValue("60")
                int requestsPerMinute,
        @Doc("largest `POST /hub` body") @DefaultValue("64KB") DataSize maxRequestSize,
        @Doc("attempts of one push before the subscription is marked failing") @DefaultValue("6")
                int deliveryAttempts,
        @Doc("wait before the first retry of a push; doubled before each further one")
                @DefaultValue("2m")
                Duration retryDelay,
        @Doc("attempts to reach a callback that could not be reached at verification")
                @DefaultValue("3")
                int verifyAttempts,
        @Doc("wait before the first retry of such a verification; doubled each time")
                @DefaultValue("30s")
                Duration verifyRetryDelay,
        @Doc("TCP connect timeout of every request to a callback") @DefaultValue("5s")
                Duration connectTimeout,
        @Doc("whole-request timeout of every request to a callback") @DefaultValue("10s")
                Duration requestTimeout,
        @Doc("requests to callbacks in flight at once, per instance") @DefaultValue("8")
                int concurrency) {

    public HubProperties {
        positive("feedhub.hub.tick", tick);
        positive("feedhub.hub.default-lease", defaultLease);
        if (minLease.compareTo(Duration.ofSeconds(1)) < 0)
            throw new InvalidSetting("feedhub.hub.min-lease", minLease, "must be at least 1s");
        if (maxLease.compareTo(minLease) < 0)
            throw new InvalidSetting(
                    "feedhub.hub.max-lease",
                    maxLease,
                    "must not be shorter than feedhub.hub.min-lease ("
                            + InvalidSetting.text(minLease)
                            + ")");
        atLeast("feedhub.hub.max-per-host", maxPerHost, 1);
        atLeast("feedhub.hub.max-pending-per-host", maxPendingPerHost, 1);
        atLeast("feedhub.hub.max-pending", maxPending, 1);
        atLeast("feedhub.hub.max-pending-per-client", maxPendingPerClient, 1);
        atLeast("feedhub.hub.requests-per-minute", requestsPerMinute, 1);
        positive("feedhub.hub.max-request-size", maxRequestSize);
        atLeast("feedhub.hub.delivery-attempts", deliveryAttempts, 1);
        positive("feedhub.hub.retry-delay", retryDelay);
        atLeast("feedhub.hub.verify-attempts", verifyAttempts, 1);
        positive("feedhub.hub.verify-retry-delay", verifyRetryDelay);
        positive("feedhub.hub.connect-timeout", connectTimeout);
        positive("feedhub.hub.request-timeout", requestTimeout);
        atLeast("feedhub.hub.concurrency", concurrency, 1);
    }

    HubLimits limits() {
        return new HubLimits(maxPending, maxPendingPerClient, requestsPerMinute);
    }

    /** The hub stage's settings; public for tests that need the shipped ones. */
    public HubSettings settings(boolean allowPrivateNetworks, String userAgent) {
        return new HubSettings(
                defaultLease,
                minLease,
                maxLease,
                maxPerHost,
                maxPendingPerHost,
                maxRequestSize.toBytes(),
                deliveryAttempts,
                retryDelay,
                verifyAttempts,
                verifyRetryDelay,
                connectTimeout,
                requestTimeout,
                concurrency,
                allowPrivateNetworks,
                userAgent);
    }
}
