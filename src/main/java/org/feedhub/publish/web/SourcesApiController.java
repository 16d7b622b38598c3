package org.feedhub.publish.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.feedhub.claim.ClaimView;
import org.feedhub.claim.Claims;
import org.feedhub.config.FeedsConfig;
import org.feedhub.publish.LocalPaths;
import org.feedhub.store.SourceState;
import org.feedhub.store.SourceStore;
import org.feedhub.websub.subscribe.SourceSubscription;
import org.feedhub.websub.subscribe.SubscriptionStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/sources}: each source's fetch state, for operators and editors. */
@RestController
class SourcesApiController {
    private final SourceStore sources;
    private final Claims claims;
    private final Supplier<FeedsConfig> config;
    private final SubscriptionStore pushes;

    SourcesApiController(
            SourceStore sources,
            Claims claims,
            Supplier<FeedsConfig> config,
            SubscriptionStore pushes) {
        this.sources = sources;
        this.claims = claims;
        this.config = config;
        this.pushes = pushes;
    }

    /**
     * The source's WebSub subscription, when its feed announces a hub (the callback's token and
     * secret are never shown).
     */
    record PushJson(
            String hub,
            String topic,
            String state,
            Instant subscribedUntil,
            Instant lastPush,
            String lastError,
            Instant lastErrorAt) {
        static PushJson of(SourceSubscription s) {
            return s == null
                    ? null
                    : new PushJson(
                            s.hubUrl(),
                            s.topicUrl(),
                            s.state(),
                            s.subscribedUntil(),
                            s.lastPushAt(),
                            s.lastError(),
                            s.lastErrorAt());
        }
    }

    record SourceJson(
            String id,
            String url,
            String effectiveUrl,
            boolean active,
            Instant lastFetch,
            Instant lastSuccess,
            Integer lastStatus,
            String lastError,
            int consecutiveFailures,
            long storyCount,
            Instant nextDue,
            Instant retired,
            String itemKey,
            ClaimView claim,
            PushJson push) {}

    @GetMapping("/api/sources")
    List<SourceJson> list() {
        Map<String, ClaimView> claimed = claims.current();
        Map<String, SourceSubscription> subs =
                pushes.all().stream()
                        .collect(
                                Collectors.toMap(
                                        SourceSubscription::sourceId, Function.identity()));
        java.nio.file.Path file = config.get().file();
        java.nio.file.Path dir = file == null ? null : file.toAbsolutePath().getParent();
        return sources.all().stream()
                .map(s -> json(s, dir, claimed.get(s.id()), subs.get(s.id())))
                .toList();
    }

    /**
     * A {@code file:} source shows its path relative to feeds.yml, not the server's disk layout;
     * {@code claim}: the pass holding the source now (null when none), with host, pid, until;
     * {@code push}: its WebSub subscription.
     */
    private static SourceJson json(
            SourceState s, java.nio.file.Path dir, ClaimView claim, SourceSubscription push) {
        return new SourceJson(
                s.id(),
                LocalPaths.shown(s.url(), dir),
                LocalPaths.shown(s.effectiveUrl(), dir),
                s.active(),
                s.lastFetchAt(),
                s.lastSuccessAt(),
                s.lastStatus(),
                s.lastError(),
                s.failures(),
                s.storyCount(),
                s.nextDueAt(),
                s.retiredAt(),
                s.guidPolicy(),
                claim,
                PushJson.of(push));
    }
}
