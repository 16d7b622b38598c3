package org.feedhub.publish.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
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
    private final SubscriptionStore pushes;

    SourcesApiController(SourceStore sources, SubscriptionStore pushes) {
        this.sources = sources;
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
            PushJson push) {}

    @GetMapping("/api/sources")
    List<SourceJson> list() {
        Map<String, SourceSubscription> subs =
                pushes.all().stream()
                        .collect(
                                Collectors.toMap(
                                        SourceSubscription::sourceId, Function.identity()));
        return sources.all().stream().map(s -> json(s, subs.get(s.id()))).toList();
    }

    private static SourceJson json(SourceState s, SourceSubscription push) {
        return new SourceJson(
                s.id(),
                s.url(),
                s.effectiveUrl(),
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
                PushJson.of(push));
    }
}
