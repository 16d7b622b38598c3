package org.feedhub.websub.subscribe;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.feedhub.fetch.UrlSafety;
import org.feedhub.parse.FeedLinks;
import org.feedhub.websub.RateLimits;
import org.feedhub.websub.Signatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * feedhub as a WebSub subscriber to its sources' hubs.
 *
 * <ul>
 *   <li>{@link #discovered}: a poll found a hub in a source's feed; the source is recorded for
 *       subscription.
 *   <li>{@link #runOnce} (a worker, on any instance; each row is claimed by one): asks hubs to
 *       subscribe, renews leases at four fifths of their length, retries refused requests with
 *       backoff, and unsubscribes sources that left feeds.yml.
 *   <li>{@link #verify}: a hub's verification; only a pending intent is confirmed.
 *   <li>{@link #push}: a hub's content delivery, checked (size, rate, signature) and handed to the
 *       pipeline.
 * </ul>
 */
public class Subscriber implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Subscriber.class);
    public static final String CALLBACK_PATH = "/websub/callback/";
    static final int MAX_CHALLENGE = 1024;
    private static final Duration DENIED_RETRY = Duration.ofDays(1);

    /** What became of a push; each is counted. */
    public enum PushOutcome {
        ACCEPTED,
        UNKNOWN,
        UNSIGNED,
        BAD_SIGNATURE,
        TOO_LARGE,
        RATE_LIMITED,
        BUSY
    }

    /** What one {@link #runOnce} did. */
    public record RunReport(int requested, int failed, int leaving) {}

    private final SubscriptionStore store;
    private final HubClient hubs;
    private final PushedBodyHandler pipeline;
    private final Supplier<Set<String>> sourceIds;
    private final SubscriberSettings settings;
    private final Clock clock;
    private final String instance;
    private final Duration claimLease;
    private final RateLimits perSource;
    private final ThreadPoolExecutor pushes;
    private final SecureRandom random = new SecureRandom();
    private final String whyNot;

    public Subscriber(
            SubscriptionStore store,
            HubClient hubs,
            PushedBodyHandler pipeline,
            Supplier<Set<String>> sourceIds,
            SubscriberSettings settings,
            Clock clock,
            String instance,
            Duration claimLease) {
        this.store = store;
        this.hubs = hubs;
        this.pipeline = pipeline;
        this.sourceIds = sourceIds;
        this.settings = settings;
        this.clock = clock;
        this.instance = instance;
        this.claimLease = claimLease;
        this.perSource = new RateLimits(settings.pushesPerMinute(), 100_000);
        this.pushes =
                new ThreadPoolExecutor(
                        1,
                        2,
                        30,
                        TimeUnit.SECONDS,
                        new ArrayBlockingQueue<>(64),
                        r -> {
                            Thread t = new Thread(r, "websub-push");
                            t.setDaemon(true);
                            return t;
                        });
        this.whyNot = reasonNotToSubscribe(settings);
    }

    /**
     * Null when feedhub subscribes to hubs, else why not (one line, for the start-up log): hubs
     * must be able to reach the callbacks.
     */
    public static String reasonNotToSubscribe(SubscriberSettings s) {
        if (!s.subscribe()) return "feedhub.websub.subscribe is off";
        if (s.baseUrl().isEmpty())
            return "feedhub.base-url is not set, so hubs could not reach the callbacks";
        String refusal = UrlSafety.refusal(s.baseUrl() + "/", s.allowPrivateNetworks());
        if (refusal != null)
            return "feedhub.base-url "
                    + s.baseUrl()
                    + " is not a public address hubs can reach ("
                    + refusal
                    + ")";
        return null;
    }

    public boolean subscribing() {
        return whyNot == null;
    }

    public String whyNotSubscribing() {
        return whyNot;
    }

    public SubscriberSettings settings() {
        return settings;
    }

    // ------------------------------------------------------------------ discovery

    /**
     * A poll parsed the source's feed: if it announces a hub, the source is to be subscribed (to
     * the first hub; the topic is the feed's self URL, else the URL it was fetched from).
     */
    public void discovered(String sourceId, FeedLinks links, String fetchedUrl) {
        if (!subscribing() || links == null || !links.hasHub()) return;
        String topic = links.self() != null ? links.self() : fetchedUrl;
        if (topic == null) return;
        try {
            store.discovered(
                    sourceId, links.hubs().get(0), topic, token(), token(), clock.instant());
        } catch (RuntimeException e) {
            log.warn("websub: could not record the hub of source {}: {}", sourceId, e.toString());
        }
    }

    // ------------------------------------------------------------------ the worker

    /** Subscribes, renews and unsubscribes what is due. Never throws. */
    public RunReport runOnce() {
        int requested = 0, failed = 0, leaving = 0;
        if (!subscribing()) return new RunReport(0, 0, 0);
        try {
            Instant now = clock.instant();
            Set<String> active = sourceIds.get();
            for (SourceSubscription s :
                    store.claimGone(active, instance, now, now.plus(claimLease), 50)) {
                leave(s);
                leaving++;
            }
            for (SourceSubscription s : store.claimDue(instance, now, now.plus(claimLease), 50)) {
                if (!active.contains(s.sourceId())) continue; // left meanwhile: next run
                if (subscribe(s)) requested++;
                else failed++;
            }
        } catch (RuntimeException e) {
            log.warn("websub: subscriber run failed: {}", e.toString());
        }
        return new RunReport(requested, failed, leaving);
    }

    private boolean subscribe(SourceSubscription s) {
        Instant now = clock.instant();
        boolean neverVerified =
                s.pendingMode() != null
                        && s.pendingUntil() != null
                        && !s.pendingUntil().isAfter(now);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("hub.mode", "subscribe");
        form.put("hub.topic", s.topicUrl());
        form.put("hub.callback", callback(s));
        form.put("hub.secret", s.secret());
        form.put("hub.lease_seconds", Long.toString(settings.lease().toSeconds()));
        HubClient.Answer a = neverVerified ? null : hubs.post(s.hubUrl(), form);
        if (a != null && a.accepted()) {
            store.requested(
                    s.sourceId(), instance, "subscribe", now.plus(settings.verifyWindow()), false);
            log.info(
                    "websub: asked {} to subscribe source {} ({})",
                    s.hubUrl(),
                    s.sourceId(),
                    s.topicUrl());
            return true;
        }
        int failures = s.failures() + 1;
        String error =
                a == null
                        ? "the hub did not verify the subscription within "
                                + settings.verifyWindow().toSeconds()
                                + " s"
                        : a.describe();
        Instant next = now.plus(backoff(settings.retryDelay(), failures));
        store.failed(s.sourceId(), instance, SourceSubscription.FAILED, failures, error, next, now);
        log.warn(
                "websub: subscribing source {} at {} failed: {}; retry at {}",
                s.sourceId(),
                s.hubUrl(),
                error,
                next);
        return false;
    }

    private void leave(SourceSubscription s) {
        Instant now = clock.instant();
        boolean mayHaveSubscription =
                !SourceSubscription.LEAVING.equals(s.state())
                        && (s.live(now) || s.pendingMode() != null);
        if (mayHaveSubscription) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("hub.mode", "unsubscribe");
            form.put("hub.topic", s.topicUrl());
            form.put("hub.callback", callback(s));
            HubClient.Answer a = hubs.post(s.hubUrl(), form);
            if (a.accepted()) {
                store.requested(
                        s.sourceId(),
                        instance,
                        "unsubscribe",
                        now.plus(settings.verifyWindow()),
                        true);
                log.info(
                        "websub: source {} left feeds.yml; asked {} to unsubscribe",
                        s.sourceId(),
                        s.hubUrl());
                return;
            }
            log.warn(
                    "websub: source {} left feeds.yml; unsubscribing at {} failed ({}); its lease will run out",
                    s.sourceId(),
                    s.hubUrl(),
                    a.describe());
        }
        store.delete(s.sourceId());
    }

    String callback(SourceSubscription s) {
        return settings.baseUrl() + CALLBACK_PATH + s.token();
    }

    // ------------------------------------------------------------------ the callback

    /**
     * A hub's verification of intent ({@code GET callback?hub.mode=…}). Returns the body to answer
     * with 200 (the challenge, or empty for a denial), or null for 404: only an intent feedhub has
     * pending is confirmed.
     */
    public String verify(
            String token,
            String mode,
            String topic,
            String challenge,
            String leaseSeconds,
            String reason) {
        if (token == null || mode == null || topic == null) return null;
        Instant now = clock.instant();
        switch (mode) {
            case "subscribe" -> {
                if (challenge == null || challenge.isEmpty() || challenge.length() > MAX_CHALLENGE)
                    return null;
                long lease = lease(leaseSeconds);
                Instant until = now.plusSeconds(lease);
                Instant renewAt = now.plusMillis(lease * 800); // four fifths of the lease
                if (!store.verifySubscribe(token, topic, lease, until, renewAt, now)) return null;
                store.byToken(token)
                        .ifPresent(
                                s ->
                                        log.info(
                                                "websub: source {} subscribed at {} until {}",
                                                s.sourceId(),
                                                s.hubUrl(),
                                                until));
                return challenge;
            }
            case "unsubscribe" -> {
                if (challenge == null || challenge.isEmpty() || challenge.length() > MAX_CHALLENGE)
                    return null;
                String id = store.byToken(token).map(SourceSubscription::sourceId).orElse(null);
                if (!store.verifyUnsubscribe(token, topic, now)) return null;
                log.info("websub: source {} unsubscribed", id);
                return challenge;
            }
            case "denied" -> {
                String why =
                        reason == null || reason.isBlank() ? "no reason given" : oneLine(reason);
                String id = store.byToken(token).map(SourceSubscription::sourceId).orElse(null);
                if (!store.denied(token, topic, why, now.plus(DENIED_RETRY), now)) return null;
                log.warn("websub: the hub denied the subscription of source {}: {}", id, why);
                return "";
            }
            default -> {
                return null;
            }
        }
    }

    private long lease(String text) {
        try {
            long l = Long.parseLong(text.strip());
            if (l > 0) return Math.min(l, Duration.ofDays(365).toSeconds());
        } catch (RuntimeException e) {
            // absent or not a number: what was asked for
        }
        return settings.lease().toSeconds();
    }

    /**
     * A hub's content delivery. The body must be at most {@code maxPushBytes} (the caller read at
     * most one byte more), within the source's rate, and signed with the subscription's secret;
     * then it goes through the pipeline on a worker thread.
     */
    public PushOutcome push(String token, byte[] body, String contentType, String signature) {
        SourceSubscription s = token == null ? null : store.byToken(token).orElse(null);
        if (s == null
                || SourceSubscription.LEAVING.equals(s.state())
                || !sourceIds.get().contains(s.sourceId())) return PushOutcome.UNKNOWN;
        if (body.length > settings.maxPushBytes()) return PushOutcome.TOO_LARGE;
        if (!perSource.tryTake(s.sourceId())) return PushOutcome.RATE_LIMITED;
        if (signature == null || signature.isBlank()) {
            log.warn("websub: dropped an unsigned push for source {}", s.sourceId());
            return PushOutcome.UNSIGNED;
        }
        if (!Signatures.verify(s.secret(), body, signature)) {
            log.warn("websub: dropped a wrongly signed push for source {}", s.sourceId());
            return PushOutcome.BAD_SIGNATURE;
        }
        Instant now = clock.instant();
        try {
            pushes.execute(() -> process(s.sourceId(), body, contentType));
        } catch (RejectedExecutionException e) {
            return PushOutcome.BUSY;
        }
        store.pushed(s.sourceId(), now);
        return PushOutcome.ACCEPTED;
    }

    private void process(String sourceId, byte[] body, String contentType) {
        try {
            pipeline.accept(sourceId, body, contentType);
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : oneLine(e.getMessage());
            log.warn("websub: push for source {} refused: {}", sourceId, why);
            store.pushFailed(sourceId, why, clock.instant());
        }
    }

    /** Subscribed sources are polled less often (after each pass). */
    public void stretchPolling() {
        if (!subscribing()) return;
        try {
            store.stretchPolling(settings.pollEvery(), clock.instant());
        } catch (RuntimeException e) {
            log.warn(
                    "websub: could not space out the polls of subscribed sources: {}",
                    e.toString());
        }
    }

    private String token() {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static Duration backoff(Duration base, int failures) {
        int exponent = Math.max(0, Math.min(failures - 1, 20));
        Duration wait = base.multipliedBy(1L << exponent);
        return wait.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : wait;
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("[\\r\\n\\t]+", " ").strip();
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }

    @Override
    public void close() {
        pushes.shutdown();
        try {
            if (!pushes.awaitTermination(30, TimeUnit.SECONDS)) pushes.shutdownNow();
        } catch (InterruptedException e) {
            pushes.shutdownNow();
            Thread.currentThread().interrupt();
        }
        hubs.close();
    }
}
