package org.feedhub.publish.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.feedhub.claim.ClaimView;
import org.feedhub.claim.Claims;
import org.feedhub.store.SourceState;
import org.feedhub.store.SourceStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/sources}: each source's fetch state, for operators and editors. */
@RestController
class SourcesApiController {
    private final SourceStore sources;
    private final Claims claims;

    SourcesApiController(SourceStore sources, Claims claims) {
        this.sources = sources;
        this.claims = claims;
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
            ClaimView claim) {}

    @GetMapping("/api/sources")
    List<SourceJson> list() {
        Map<String, ClaimView> claimed = claims.current();
        return sources.all().stream().map(s -> json(s, claimed.get(s.id()))).toList();
    }

    /** {@code claim}: the pass holding the source now (null when none), with host, pid, until. */
    private static SourceJson json(SourceState s, ClaimView claim) {
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
                claim);
    }
}
