package org.feedhub.websub;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.feedhub.config.FeedsConfig;
import org.feedhub.config.TopicDef;
import org.feedhub.publish.FeedRenderer;
import org.feedhub.publish.FeedView;
import org.feedhub.publish.TopicFeeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSub hub's worker: verifies the requests {@link HubIntake} recorded with the subscribers,
 * and delivers each topic feed's new entries to its subscribers.
 *
 * <p>{@link #runOnce}, called by a scheduled worker on every instance, does the rest: it claims due
 * verifications and due deliveries from the database (so each is done by one instance), sends them
 * concurrently, and records the outcome.
 *
 * <p>A delivery carries the entries whose stories joined the topic after the subscription's last
 * delivered topic version, up to the current one, in the subscribed format, limited to what the
 * topic feed itself shows (its {@code limit} newest). A change that adds no entry (an update, a
 * removal) sends nothing. A failed delivery is retried with exponential backoff, {@code
 * deliveryAttempts} times in all; then the subscription is marked failing (kept, shown in {@code
 * /api/hub}) and is tried once at each later change, with all entries added since its last
 * successful delivery; one success makes it active again.
 */
public class HubDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HubDispatcher.class);

    /** Subscriptions whose lease ran out are forgotten this long after. */
    static final Duration EXPIRED_KEPT = Duration.ofDays(1);

    /** What one {@link #runOnce} did. */
    public record RunReport(
            int verified, int refused, int denied, int delivered, int failed, int nothingNew) {}

    private final HubStore store;
    private final CallbackClient client;
    private final TopicFeeds feeds;
    private final Supplier<FeedsConfig> config;
    private final HubSettings settings;
    private final Clock clock;
    private final String instance;
    private final Duration claimLease;
    private final ExecutorService pool;
    private final FeedRenderer renderer = new FeedRenderer();
    private final SecureRandom random = new SecureRandom();

    public HubDispatcher(
            HubStore store,
            CallbackClient client,
            TopicFeeds feeds,
            Supplier<FeedsConfig> config,
            HubSettings settings,
            Clock clock,
            String instance,
            Duration claimLease) {
        this.store = store;
        this.client = client;
        this.feeds = feeds;
        this.config = config;
        this.settings = settings;
        this.clock = clock;
        this.instance = instance;
        this.claimLease = claimLease;
        AtomicInteger n = new AtomicInteger();
        this.pool =
                Executors.newFixedThreadPool(
                        settings.concurrency(),
                        r -> {
                            Thread t = new Thread(r, "hub-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
    }

    public HubSettings settings() {
        return settings;
    }

    // ------------------------------------------------------------------ the worker

    /**
     * Verifies what is due, delivers what is due, forgets long-expired subscriptions. Never throws.
     */
    public RunReport runOnce() {
        int[] v = {0, 0, 0};
        int[] d = {0, 0, 0};
        try {
            Instant now = clock.instant();
            List<Verification> verifications =
                    store.claimVerifications(
                            instance, now, now.plus(claimLease), settings.batchSize());
            for (String outcome :
                    all(
                            verifications.stream()
                                    .map(
                                            x ->
                                                    (java.util.concurrent.Callable<String>)
                                                            () -> verify(x))
                                    .toList())) {
                switch (outcome) {
                    case "verified" -> v[0]++;
                    case "refused" -> v[1]++;
                    case "denied" -> v[2]++;
                    default -> {}
                }
            }
            now = clock.instant();
            List<Subscription> due =
                    store.claimDeliveries(
                            instance, now, now.plus(claimLease), settings.batchSize());
            Map<String, byte[]> rendered = new ConcurrentHashMap<>();
            for (String outcome :
                    all(
                            due.stream()
                                    .map(
                                            x ->
                                                    (java.util.concurrent.Callable<String>)
                                                            () -> deliver(x, rendered))
                                    .toList())) {
                switch (outcome) {
                    case "delivered" -> d[0]++;
                    case "failed" -> d[1]++;
                    case "nothing" -> d[2]++;
                    default -> {}
                }
            }
            int purged = store.purgeExpired(clock.instant().minus(EXPIRED_KEPT));
            if (purged > 0)
                log.info("hub: forgot {} subscription(s) whose lease ended over a day ago", purged);
        } catch (RuntimeException e) {
            log.warn("hub: worker run failed: {}", e.toString());
        }
        return new RunReport(v[0], v[1], v[2], d[0], d[1], d[2]);
    }

    private List<String> all(List<java.util.concurrent.Callable<String>> tasks) {
        List<Future<String>> futures = new ArrayList<>();
        for (var t : tasks) futures.add(pool.submit(t));
        List<String> out = new ArrayList<>();
        long wait =
                settings.connectTimeout()
                        .plus(settings.requestTimeout())
                        .plusSeconds(30)
                        .toMillis();
        for (Future<String> f : futures) {
            try {
                out.add(f.get(wait, TimeUnit.MILLISECONDS));
            } catch (Exception e) {
                log.warn("hub: a callback task did not finish: {}", e.toString());
                out.add("error");
            }
        }
        return out;
    }

    String verify(Verification v) {
        try {
            return doVerify(v);
        } catch (RuntimeException e) {
            log.warn(
                    "hub: verification of {} for {} failed: {}",
                    v.callback(),
                    v.topicUrl(),
                    e.toString());
            int attempts = v.attempts() + 1;
            if (attempts >= settings.verifyAttempts()) {
                store.finishVerification(v.id());
            } else {
                store.retryVerification(
                        v.id(),
                        instance,
                        attempts,
                        clock.instant()
                                .plus(HubSettings.backoff(settings.verifyRetryDelay(), attempts)),
                        e.toString());
            }
            return "error";
        }
    }

    private String doVerify(Verification v) {
        Map<String, String> params = new LinkedHashMap<>();
        if (Verification.DENIED.equals(v.mode())) {
            params.put("hub.mode", "denied");
            params.put("hub.topic", v.topicUrl());
            params.put("hub.reason", v.reason() == null ? "refused" : v.reason());
            CallbackClient.Answer a = client.get(v.callback(), params);
            log.info(
                    "hub: told {} that {} is denied ({}): {}",
                    v.callback(),
                    v.topicUrl(),
                    v.reason(),
                    a.describe());
            store.finishVerification(v.id());
            return "denied";
        }
        String challenge = challenge();
        params.put("hub.mode", v.mode());
        params.put("hub.topic", v.topicUrl());
        params.put("hub.challenge", challenge);
        if (v.mode().equals(HubRequest.Mode.SUBSCRIBE.wire()))
            params.put("hub.lease_seconds", Long.toString(v.leaseSeconds()));
        CallbackClient.Answer a = client.get(v.callback(), params);
        if (a.ok() && a.body() != null && a.body().strip().equals(challenge)) {
            if (v.mode().equals(HubRequest.Mode.SUBSCRIBE.wire())) {
                store.activate(v, clock.instant());
                log.info(
                        "hub: {} subscribed to {} for {} s",
                        v.callback(),
                        v.topicUrl(),
                        v.leaseSeconds());
            } else {
                store.unsubscribe(v);
                log.info("hub: {} unsubscribed from {}", v.callback(), v.topicUrl());
            }
            store.finishVerification(v.id());
            return "verified";
        }
        int attempts = v.attempts() + 1;
        if (a.temporary() && attempts < settings.verifyAttempts()) {
            Instant next =
                    clock.instant()
                            .plus(HubSettings.backoff(settings.verifyRetryDelay(), attempts));
            store.retryVerification(v.id(), instance, attempts, next, a.describe());
            log.info(
                    "hub: could not verify {} of {} for {} ({}); retrying at {}",
                    v.mode(),
                    v.callback(),
                    v.topicUrl(),
                    a.describe(),
                    next);
            return "retry";
        }
        store.finishVerification(v.id());
        String why = a.ok() ? "the answer is not the challenge" : a.describe();
        log.info(
                "hub: {} of {} for {} not verified: {}", v.mode(), v.callback(), v.topicUrl(), why);
        return "refused";
    }

    private String challenge() {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    String deliver(Subscription s, Map<String, byte[]> rendered) {
        try {
            return doDeliver(s, rendered);
        } catch (RuntimeException e) {
            log.warn(
                    "hub: delivery of {} to {} failed: {}",
                    s.topicUrl(),
                    s.callback(),
                    e.toString());
            store.release(s.id(), instance);
            return "error";
        }
    }

    private String doDeliver(Subscription s, Map<String, byte[]> rendered) {
        long version = store.topicVersion(s.topicId());
        long from = s.lastVersion();
        if (version
                <= (s.gaveUpVersion() != null
                        ? s.gaveUpVersion()
                        : from)) { // another instance was faster
            store.release(s.id(), instance);
            return "none";
        }
        TopicDef def = config.get().topic(s.topicId()).orElse(null);
        byte[] body =
                def == null
                        ? null
                        : rendered.computeIfAbsent(
                                s.topicId()
                                        + "|"
                                        + s.format()
                                        + "|"
                                        + s.baseUrl()
                                        + "|"
                                        + from
                                        + "|"
                                        + version,
                                k -> render(s, def, from, version));
        Instant now = clock.instant();
        if (body == null || body.length == 0) {
            store.delivered(s.id(), instance, version, null, now, false);
            return "nothing";
        }
        String link =
                "<"
                        + org.feedhub.publish.FeedUrls.hub(s.baseUrl())
                        + ">; rel=\"hub\", <"
                        + s.topicUrl()
                        + ">; rel=\"self\"";
        String signature = s.secret() == null ? null : Signatures.sign(s.secret(), body);
        CallbackClient.Answer a =
                client.post(s.callback(), s.format().mediaType(), link, signature, body);
        now = clock.instant();
        if (a.ok()) {
            store.delivered(s.id(), instance, version, a.status(), now, true);
            log.debug(
                    "hub: delivered {} (versions {}..{}) to {}",
                    s.topicUrl(),
                    from,
                    version,
                    s.callback());
            return "delivered";
        }
        int failures = s.failures() + 1;
        boolean giveUp =
                Subscription.FAILING.equals(s.state()) || failures >= settings.deliveryAttempts();
        Instant next =
                giveUp ? now : now.plus(HubSettings.backoff(settings.retryDelay(), failures));
        store.failed(
                s.id(),
                instance,
                failures,
                giveUp,
                version,
                next,
                a.status() == 0 ? null : a.status(),
                a.describe(),
                now);
        if (giveUp) {
            log.warn(
                    "hub: delivery of {} to {} failed {} time(s) ({}); marked failing until a later change gets through",
                    s.topicUrl(),
                    s.callback(),
                    failures,
                    a.describe());
        } else {
            log.info(
                    "hub: delivery of {} to {} failed ({}); retry {} at {}",
                    s.topicUrl(),
                    s.callback(),
                    a.describe(),
                    failures,
                    next);
        }
        return "failed";
    }

    /**
     * The subscribed feed with only the entries added in versions (from, to]; empty when there are
     * none.
     */
    private byte[] render(Subscription s, TopicDef def, long from, long to) {
        Set<Long> added = store.addedStories(s.topicId(), from, to, def.limit());
        if (added.isEmpty()) return new byte[0];
        Set<String> ids = feeds.entryIds(added);
        FeedView view = feeds.view(s.topicId(), s.baseUrl(), def.limit(), 0).orElse(null);
        if (view == null) return new byte[0];
        List<FeedView.EntryView> entries =
                view.entries().stream().filter(e -> ids.contains(e.id())).toList();
        if (entries.isEmpty()) return new byte[0];
        Instant updated =
                entries.stream()
                        .map(FeedView.EntryView::updated)
                        .max(Instant::compareTo)
                        .orElse(view.updated());
        return s.format()
                .render(renderer, new FeedView(view.baseUrl(), view.topic(), updated, entries));
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(settings.requestTimeout().toSeconds() + 5, TimeUnit.SECONDS))
                pool.shutdownNow();
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
