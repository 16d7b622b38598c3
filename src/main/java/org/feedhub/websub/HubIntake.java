package org.feedhub.websub;

import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.feedhub.config.FeedsConfig;

/**
 * The hub's front door ({@code POST /hub}): rate-limits each client, bounds what waits for
 * verification (overall, per client, per callback address) and the live subscriptions per callback
 * address, and records a valid request for {@link HubDispatcher} to verify. Limits count addresses
 * ({@link NetworkKey}), never spellings of them.
 */
public class HubIntake {
    private final HubStore store;
    private final Supplier<FeedsConfig> config;
    private final HubSettings settings;
    private final HubLimits limits;
    private final RateLimits perClient;
    private final Clock clock;

    public HubIntake(
            HubStore store,
            Supplier<FeedsConfig> config,
            HubSettings settings,
            HubLimits limits,
            Clock clock) {
        this.store = store;
        this.config = config;
        this.settings = settings;
        this.limits = limits;
        this.perClient = new RateLimits(limits.requestsPerMinute(), 10_000);
        this.clock = clock;
    }

    public HubSettings settings() {
        return settings;
    }

    /**
     * Takes one request from the client's allowance ({@code requestsPerMinute}); 429 past it.
     *
     * @param client the client's {@link NetworkKey}
     */
    public void admit(String client) throws HubRequestException {
        if (!perClient.tryTake(client)) {
            throw new HubRequestException(
                    429,
                    "more than "
                            + limits.requestsPerMinute()
                            + " requests a minute from "
                            + client
                            + "; try again later");
        }
    }

    /**
     * Records a valid request for verification. A topic ID this site does not publish is recorded
     * for a {@code denied} callback instead. Refuses (429) a request beyond the bounds.
     *
     * @param client the {@link NetworkKey} of the client that sent it
     */
    public void accept(HubRequest r, String client) throws HubRequestException {
        Instant now = clock.instant();
        TopicUrl t = r.topic();
        String address;
        try {
            address = NetworkKey.ofHost(r.callbackHost());
        } catch (UnknownHostException e) {
            throw HubRequestException.bad("hub.callback: unknown host " + r.callbackHost());
        }
        if (store.pendingCount() >= limits.maxPending()) {
            throw new HubRequestException(
                    429, "too many requests are waiting for verification; try again later");
        }
        if (store.pendingFrom(client) >= limits.maxPendingPerClient()) {
            throw new HubRequestException(
                    429,
                    "too many requests from "
                            + client
                            + " are waiting for verification; try again later");
        }
        if (store.pendingAt(address) >= settings.maxPendingPerHost()) {
            throw new HubRequestException(
                    429,
                    "too many requests for callback host "
                            + r.callbackHost()
                            + " are waiting for verification; try again later");
        }
        if (config.get().topic(t.topicId()).isEmpty()) {
            store.enqueue(
                    Verification.DENIED,
                    t.topicId(),
                    t.format(),
                    t.url(),
                    t.baseUrl(),
                    r.callback(),
                    r.callbackHost(),
                    address,
                    client,
                    null,
                    0,
                    "no topic '" + t.topicId() + "' on this hub",
                    now);
            return;
        }
        if (r.mode() == HubRequest.Mode.SUBSCRIBE
                && !store.subscribed(t.topicId(), t.format(), r.callback(), now)
                && store.liveSubscriptionsAt(address, now) >= settings.maxPerHost()) {
            throw new HubRequestException(
                    429,
                    "callback host "
                            + r.callbackHost()
                            + " already has "
                            + settings.maxPerHost()
                            + " subscriptions, the most this hub keeps per host");
        }
        store.enqueue(
                r.mode().wire(),
                t.topicId(),
                t.format(),
                t.url(),
                t.baseUrl(),
                r.callback(),
                r.callbackHost(),
                address,
                client,
                r.secret(),
                r.leaseSeconds(),
                null,
                now);
    }

    /** Every subscription, for {@code /api/hub}. */
    public List<Subscription> subscriptions() {
        return store.all();
    }

    public int pendingVerifications() {
        return store.pendingCount();
    }

    public Instant now() {
        return clock.instant();
    }
}
