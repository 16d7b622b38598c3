package org.feedhub.app;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.feedhub.config.SourceDef;
import org.feedhub.fetch.FetchResult;
import org.feedhub.fetch.Fetcher;
import org.feedhub.pipeline.ConfigInForce;
import org.feedhub.pipeline.SourcePipeline;
import org.feedhub.store.FetchOutcome;
import org.feedhub.store.SourceState;
import org.feedhub.store.SourceStore;
import org.feedhub.store.WriteCounts;
import org.feedhub.websub.subscribe.PushedBodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pushed body through the same spine as a polled one: the {@link SourcePipeline} reading through
 * a fetcher whose first answer is the pushed body (later fetches, such as full-text article pages,
 * go to the real fetcher), then stored as the pass's writer does, leaving the source's poll
 * schedule as it was.
 */
class PushIntoPipeline implements PushedBodyHandler {
    private static final Logger log = LoggerFactory.getLogger(PushIntoPipeline.class);
    private final Supplier<ConfigInForce> rules;
    private final SourceStore sources;
    private final SourcePipeline pipeline;
    private final Fetcher fetcher;
    private final Clock clock;

    PushIntoPipeline(
            Supplier<ConfigInForce> rules,
            SourceStore sources,
            SourcePipeline pipeline,
            Fetcher fetcher,
            Clock clock) {
        this.rules = rules;
        this.sources = sources;
        this.pipeline = pipeline;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    @Override
    public void accept(String sourceId, byte[] body, String contentType) {
        ConfigInForce now = rules.get();
        SourceDef def = now.config().source(sourceId).orElse(null);
        if (def == null) return; // left feeds.yml meanwhile
        SourceState state = sources.find(sourceId).orElse(null);
        String url = state != null && state.url().equals(def.url()) ? state.fetchUrl() : def.url();
        AtomicBoolean first = new AtomicBoolean(true);
        Fetcher pushed =
                request ->
                        first.getAndSet(false)
                                ? FetchResult.ok(200, url, body, contentType)
                                : fetcher.fetch(request);
        SourcePipeline once = pipeline.withFetcher(pushed);
        FetchOutcome o = once.poll(def, state, now);
        if (o.failed()) throw new IllegalArgumentException(o.error());
        if (o.kind() != FetchOutcome.Kind.FETCHED) return; // the same body as last time
        Instant at = clock.instant();
        Instant nextDue = state == null || state.nextDueAt() == null ? at : state.nextDueAt();
        WriteCounts c = once.store(o, at, nextDue);
        log.info(
                "websub: push for source {}: {} new, {} updated, {} merged",
                sourceId,
                c.added(),
                c.updated(),
                c.merged());
    }
}
