package org.feedhub.publish.web;

import java.time.Instant;
import java.util.List;
import org.feedhub.store.SourceState;
import org.feedhub.store.SourceStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/sources}: each source's fetch state, for operators and editors. */
@RestController
class SourcesApiController {
    private final SourceStore sources;

    SourcesApiController(SourceStore sources) {
        this.sources = sources;
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
            String itemKey) {}

    @GetMapping("/api/sources")
    List<SourceJson> list() {
        return sources.all().stream().map(SourcesApiController::json).toList();
    }

    private static SourceJson json(SourceState s) {
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
                s.guidPolicy());
    }
}
