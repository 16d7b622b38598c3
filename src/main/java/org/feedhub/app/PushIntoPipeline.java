package org.feedhub.app;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.feedhub.FeedhubProperties;
import org.feedhub.batch.SourcePoller;
import org.feedhub.config.SourceDef;
import org.feedhub.fetch.FetchResult;
import org.feedhub.fetch.Fetcher;
import org.feedhub.store.FetchOutcome;
import org.feedhub.store.SourceState;
import org.feedhub.store.SourceStore;
import org.feedhub.store.StoryStore;
import org.feedhub.store.WriteCounts;
import org.feedhub.websub.subscribe.PushedBodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pushed body through the same stages as a polled one: a {@link SourcePoller} whose first fetch
 * answers with the pushed body (later fetches, such as full-text article pages, go to the real
 * fetcher), then {@link StoryStore#apply} as the pass's writer does, leaving the source's poll
 * schedule as it was. A thin adapter: when the pipeline gets an entry that processes a fetched
 * body, this class calls that instead.
 */
class PushIntoPipeline implements PushedBodyHandler {
    private static final Logger log = LoggerFactory.getLogger(PushIntoPipeline.class);
    private final LiveConfig live;
    private final SourceStore sources;
    private final StoryStore stories;
    private final Fetcher fetcher;
    private final FeedhubProperties props;
    private final Clock clock;

    PushIntoPipeline(
            LiveConfig live,
            SourceStore sources,
            StoryStore stories,
            Fetcher fetcher,
            FeedhubProperties props,
            Clock clock) {
        this.live = live;
        this.sources = sources;
        this.stories = stories;
        this.fetcher = fetcher;
        this.props = props;
        this.clock = clock;
    }

    @Override
    public void accept(String sourceId, byte[] body, String contentType) {
        LiveConfig.Snapshot snapshot = live.current();
        SourceDef def = snapshot.config().source(sourceId).orElse(null);
        if (def == null) return; // left feeds.yml meanwhile
        SourceState state = sources.find(sourceId).orElse(null);
        String url = state != null && state.url().equals(def.url()) ? state.fetchUrl() : def.url();
        AtomicBoolean first = new AtomicBoolean(true);
        Fetcher pushed =
                request ->
                        first.getAndSet(false)
                                ? new FetchResult(
                                        FetchResult.Status.OK,
                                        200,
                                        url,
                                        null,
                                        body,
                                        contentType,
                                        null,
                                        null,
                                        null,
                                        null)
                                : fetcher.fetch(request);
        FetchOutcome o =
                new SourcePoller(
                                pushed,
                                clock,
                                props.normalize().stripParams(),
                                props.fulltext().settings())
                        .poll(def, state, snapshot.enricher());
        if (o.failed()) throw new IllegalArgumentException(o.error());
        if (o.kind() != FetchOutcome.Kind.FETCHED) return; // the same body as last time
        Instant now = clock.instant();
        Instant nextDue = state == null || state.nextDueAt() == null ? now : state.nextDueAt();
        WriteCounts c = stories.apply(o, now, nextDue, snapshot.matcher()::topicsFor);
        log.info(
                "websub: push for source {}: {} new, {} updated, {} merged",
                sourceId,
                c.added(),
                c.updated(),
                c.merged());
    }
}
