package org.feedhub.app;

import static org.feedhub.InvalidSetting.atLeast;
import static org.feedhub.InvalidSetting.notNegative;
import static org.feedhub.InvalidSetting.positive;

import java.time.Duration;
import org.feedhub.Doc;
import org.feedhub.websub.subscribe.SubscriberSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code feedhub.websub.*}: feedhub as a subscriber to its sources' WebSub hubs. Each default is
 * written here once; a wrong value stops start-up naming it (see {@link
 * org.feedhub.FeedhubProperties}).
 */
@ConfigurationProperties("feedhub.websub")
public record SubscriberProperties(
        @Doc("subscribe to the hubs sources announce (only with a public `feedhub.base-url`)")
                @DefaultValue("true")
                boolean subscribe,
        @Doc(
                        "`false`: this instance does not request, renew or end subscriptions (it"
                                + " still takes pushes)")
                @DefaultValue("true")
                boolean worker,
        @Doc("how often the subscriber's worker looks for subscriptions to request or renew")
                @DefaultValue("10s")
                Duration tick,
        @Doc("lease asked of a hub; renewed at four fifths of what it grants") @DefaultValue("7d")
                Duration lease,
        @Doc("a subscribed source is still polled, at most this often") @DefaultValue("6h")
                Duration pollEvery,
        @Doc("largest pushed body") @DefaultValue("5MB") DataSize maxPushSize,
        @Doc("pushes taken a minute per source") @DefaultValue("20") int pushesPerMinute,
        @Doc("how long a request waits for the hub's verification before it is retried")
                @DefaultValue("10m")
                Duration verifyWindow,
        @Doc("first retry of a refused or unverified request; doubled each time")
                @DefaultValue("5m")
                Duration retryDelay) {

    public SubscriberProperties {
        positive("feedhub.websub.tick", tick);
        positive("feedhub.websub.lease", lease);
        notNegative("feedhub.websub.poll-every", pollEvery);
        positive("feedhub.websub.max-push-size", maxPushSize);
        atLeast("feedhub.websub.pushes-per-minute", pushesPerMinute, 1);
        positive("feedhub.websub.verify-window", verifyWindow);
        positive("feedhub.websub.retry-delay", retryDelay);
    }

    /** The subscriber stage's settings; public for tests that need the shipped ones. */
    public SubscriberSettings settings(
            String baseUrl, boolean allowPrivateNetworks, String userAgent) {
        return new SubscriberSettings(
                subscribe,
                baseUrl,
                lease,
                pollEvery,
                maxPushSize.toBytes(),
                pushesPerMinute,
                verifyWindow,
                retryDelay,
                null,
                allowPrivateNetworks,
                userAgent);
    }
}
