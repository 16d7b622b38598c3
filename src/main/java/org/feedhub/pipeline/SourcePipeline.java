package org.feedhub.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.feedhub.config.SourceDef;
import org.feedhub.enrich.Enricher;
import org.feedhub.fetch.FetchRequest;
import org.feedhub.fetch.FetchResult;
import org.feedhub.fetch.Fetcher;
import org.feedhub.fulltext.FullTextFetcher;
import org.feedhub.identify.Identification;
import org.feedhub.identify.Identified;
import org.feedhub.identify.Identifier;
import org.feedhub.normalize.CanonicalUrl;
import org.feedhub.normalize.HtmlText;
import org.feedhub.normalize.ItemKeys;
import org.feedhub.normalize.Story;
import org.feedhub.normalize.StoryNormalizer;
import org.feedhub.parse.FeedParser;
import org.feedhub.parse.ParseException;
import org.feedhub.parse.ParsedFeed;
import org.feedhub.parse.ParsedItem;
import org.feedhub.store.FetchOutcome;
import org.feedhub.store.FetchOutcome.FeedInfo;
import org.feedhub.store.FetchOutcome.Validators;
import org.feedhub.store.SourceState;
import org.feedhub.store.StoryStore;
import org.feedhub.store.WriteCounts;
import org.springframework.dao.DuplicateKeyException;

/**
 * The path of one source's stories, top to bottom: fetch → parse → normalize → identify → enrich →
 * store. {@link #poll} runs the first five on a polling thread (many sources at once); {@link
 * #store} runs the last on the writer, one source per transaction, as soon as that source is ready.
 *
 * <p>Every failure becomes a {@link FetchOutcome} of kind FAILED with a one-line reason: nothing a
 * source does can break the pass. Work on the body (parse to enrich) has a deadline, and a feed
 * gives at most {@link PipelineSettings#maxItems()} items per poll. Identification comes before
 * enrichment so that only new and changed stories get full text, tags, a summary and topics.
 */
public final class SourcePipeline {
    /** Runs the body's processing, so a deadline can abandon it; threads end when idle. */
    private static final ExecutorService WORKERS =
            Executors.newCachedThreadPool(
                    r -> {
                        Thread t = new Thread(r, "poll-processing");
                        t.setDaemon(true);
                        return t;
                    });

    private final Fetcher fetcher;
    private final FeedParser parser = new FeedParser();
    private final StoryNormalizer normalizer;
    private final Identifier identifier;
    private final FullTextFetcher fullText;
    private final StoryStore stories;
    private final Clock clock;
    private final PipelineSettings settings;
    private StageTimings timings = StageTimings.NONE;
    private LinksListener links = (id, l, url) -> {};

    /** Told the WebSub hub and self links of each feed parsed (to subscribe to its hub). */
    public interface LinksListener {
        void found(String sourceId, org.feedhub.parse.FeedLinks links, String fetchedUrl);
    }

    /**
     * @param stories where {@link #store} writes; null for a pipeline that only polls (preview)
     */
    public SourcePipeline(
            Fetcher fetcher,
            Identifier identifier,
            StoryStore stories,
            Clock clock,
            PipelineSettings settings) {
        this.fetcher = fetcher;
        this.identifier = identifier;
        this.stories = stories;
        this.clock = clock;
        this.settings = settings;
        this.normalizer = new StoryNormalizer(settings.stripParams());
        this.fullText = new FullTextFetcher(fetcher, settings.fullText());
    }

    /** Reports fetch and parse durations (metrics); none by default. */
    public SourcePipeline timedBy(StageTimings t) {
        this.timings = t;
        return this;
    }

    /** Reports each parsed feed's WebSub links; none by default. */
    public SourcePipeline linksTo(LinksListener l) {
        this.links = l;
        return this;
    }

    /**
     * The same pipeline reading through another fetcher: a WebSub push hands its body in as the
     * first fetch's answer, and every later stage is this pipeline's.
     */
    public SourcePipeline withFetcher(Fetcher other) {
        return new SourcePipeline(other, identifier, stories, clock, settings)
                .timedBy(timings)
                .linksTo(links);
    }

    /** Fetch, parse, normalize, identify and enrich one source: ready for {@link #store}. */
    public FetchOutcome poll(SourceDef def, SourceState state, ConfigInForce rules) {
        long start = System.nanoTime();
        FetchOutcome o;
        try {
            o = pollSource(def, state, rules);
        } catch (RuntimeException e) {
            o = FetchOutcome.failed(def.id(), 0, "internal error: " + describe(e));
        }
        return o.took((System.nanoTime() - start) / 1_000_000);
    }

    private FetchOutcome pollSource(SourceDef def, SourceState state, ConfigInForce rules) {
        // 1. fetch: conditional GET; 304, an identical body, a failure or a 410 end here
        Body body = fetch(def, state);
        if (body.outcome() != null) return body.outcome();
        Deadline deadline = new Deadline(settings.processingDeadline(), WORKERS);
        try {
            // 2. parse, at most maxItems newest items; 3. normalize; 4. identify
            Read read = deadline.run(() -> read(def, body));
            if (read.failure() != null) return read.failure();
            // full text: new and changed stories only, under its own time budget (page fetches)
            Identification items = completeFullText(def, read);
            // 5. enrich: new and changed stories only (tags, summary, topics)
            Identification enriched = deadline.run(() -> enrich(def, read, items, rules));
            return FetchOutcome.fetched(
                    def.id(),
                    body.result().httpStatus(),
                    body.validators(),
                    feedInfo(read.feed()),
                    enriched,
                    read.warnings());
        } catch (Deadline.Exceeded e) {
            return FetchOutcome.failed(
                    def.id(),
                    body.result().httpStatus(),
                    "processing took longer than "
                            + settings.processingDeadline().toSeconds()
                            + " s (feedhub.poll.processing-deadline); stopped");
        }
        // 6. store: by the writer, through store()
    }

    /**
     * 6. Store one polled source in one transaction: each NEW item is first checked against every
     * source's stories (identify's second step), then the store carries each decision out.
     */
    public WriteCounts store(FetchOutcome o, Instant now, Instant nextDue) {
        if (o.failed()) {
            stories.recordFailure(o, now, nextDue);
            return WriteCounts.NONE;
        }
        try {
            return stories.inTransaction(() -> write(o, now, nextDue));
        } catch (DuplicateKeyException race) {
            // Someone stored some of these items, or the same canonical link, since they were
            // identified (another instance; or this source twice, its claim having run out):
            // identify them again against what is stored now.
            FetchOutcome again = o.withItems(identifier.again(o.sourceId(), o.items()));
            return stories.inTransaction(() -> write(again, now, nextDue));
        }
    }

    /**
     * Whether storing this outcome writes nothing but its source's row (a 304, an identical body, a
     * feed with no items): such outcomes may be stored together by {@link #storeUnchanged}.
     */
    public static boolean onlySourceRow(FetchOutcome o) {
        return !o.failed()
                && o.items().items().isEmpty()
                && o.items().identifyByLinkBecause() == null;
    }

    /**
     * 6. Store many {@link #onlySourceRow} outcomes in one transaction: in a warm pass most sources
     * answer 304, and a transaction each was most of what storing them cost.
     */
    public void storeUnchanged(List<FetchOutcome> outcomes, List<Instant> nextDue, Instant now) {
        for (FetchOutcome o : outcomes)
            if (!onlySourceRow(o)) throw new IllegalArgumentException(o.sourceId() + " has items");
        stories.recordUnchanged(outcomes, nextDue, now);
    }

    private WriteCounts write(FetchOutcome o, Instant now, Instant nextDue) {
        StoryStore.SourceWrite write = stories.begin(o.sourceId(), now);
        String byLink = o.items().identifyByLinkBecause();
        if (byLink != null) write.identifyByLink(byLink);
        for (Identified item : o.items().items()) write.carryOut(identifier.acrossSources(item));
        return write.finish(o, nextDue);
    }

    // ---- 1. fetch ----

    /**
     * The fetched body, or the outcome that ends the poll here.
     *
     * @param validators what the next conditional fetch sends, and the body's hash
     */
    private record Body(FetchOutcome outcome, FetchResult result, Validators validators) {
        static Body ended(FetchOutcome o) {
            return new Body(o, null, null);
        }
    }

    private Body fetch(SourceDef def, SourceState state) {
        boolean sameUrl = state != null && state.url().equals(def.url());
        String url = sameUrl ? state.fetchUrl() : def.url();
        FetchResult r =
                fetch(
                        sameUrl
                                ? new FetchRequest(url, state.etag(), state.lastModified())
                                : FetchRequest.of(url));
        String effective = r.movedTo();
        switch (r.status()) {
            case NOT_MODIFIED:
                return Body.ended(
                        FetchOutcome.notModified(
                                def.id(),
                                r.httpStatus(),
                                new Validators(r.etag(), r.lastModified(), null, effective)));
            case GONE:
                return Body.ended(FetchOutcome.gone(def.id(), r.httpStatus(), r.error()));
            case FAILED:
                return Body.ended(
                        FetchOutcome.failed(def.id(), r.httpStatus(), r.error(), r.retryAfter()));
            default:
                break;
        }
        if (def.html() == null
                && FeedParser.detect(
                                new String(
                                        r.body(),
                                        0,
                                        Math.min(r.body().length, 4096),
                                        StandardCharsets.ISO_8859_1))
                        == FeedParser.Kind.HTML) {
            // A page given without selectors: poll the feed it advertises from now on.
            String feedUrl = parser.discoverFeed(r.body(), r.contentType(), r.finalUrl());
            if (feedUrl == null) {
                return Body.ended(
                        FetchOutcome.failed(
                                def.id(),
                                r.httpStatus(),
                                "an HTML page, not a feed, and it advertises no feed "
                                        + "(<link rel=\"alternate\">); add html: selectors to scrape it"));
            }
            r = fetch(FetchRequest.of(feedUrl));
            if (!r.ok()) {
                return Body.ended(
                        FetchOutcome.failed(
                                def.id(),
                                r.httpStatus(),
                                "autodiscovered feed " + feedUrl + ": " + r.error()));
            }
            effective = r.movedTo() != null ? r.movedTo() : feedUrl;
        }
        String bodyHash = ItemKeys.sha256(new String(r.body(), StandardCharsets.ISO_8859_1));
        Validators validators = new Validators(r.etag(), r.lastModified(), bodyHash, effective);
        if (sameUrl && bodyHash.equals(state.bodyHash())) {
            return Body.ended(FetchOutcome.sameBody(def.id(), r.httpStatus(), validators));
        }
        return new Body(null, r, validators);
    }

    private FetchResult fetch(FetchRequest request) {
        long t0 = System.nanoTime();
        FetchResult r = fetcher.fetch(request);
        timings.fetched(
                Duration.ofNanos(System.nanoTime() - t0),
                r.status().name().toLowerCase(Locale.ROOT));
        return r;
    }

    // ---- 2. parse, 3. normalize, 4. identify ----

    /**
     * A parsed, normalized and identified body, or the failure that ends the poll.
     *
     * @param itemOf each story's parsed item (for full text and the feed's own summary)
     */
    private record Read(
            FetchOutcome failure,
            ParsedFeed feed,
            Identification items,
            Map<String, ParsedItem> itemOf,
            List<String> warnings,
            Instant now) {}

    private Read read(SourceDef def, Body body) {
        FetchResult r = body.result();
        ParsedFeed feed;
        long t0 = System.nanoTime();
        try {
            feed = parser.parse(r.body(), r.contentType(), r.finalUrl(), def.html());
            timings.parsed(Duration.ofNanos(System.nanoTime() - t0), true);
        } catch (ParseException e) {
            timings.parsed(Duration.ofNanos(System.nanoTime() - t0), false);
            return new Read(
                    FetchOutcome.failed(def.id(), r.httpStatus(), e.getMessage()),
                    null,
                    null,
                    null,
                    null,
                    null);
        }
        links.found(
                def.id(),
                feed.links().orElse(org.feedhub.parse.FeedLinks.fromHeader(r.link())),
                r.finalUrl());
        feed = NewestItems.keep(feed, settings.maxItems());
        Instant now = clock.instant();
        List<Story> normalized = new ArrayList<>(feed.items().size());
        Map<String, ParsedItem> itemOf = new HashMap<>();
        for (ParsedItem item : feed.items()) {
            if (Thread.currentThread().isInterrupted()) throw new IllegalStateException("stopped");
            Story s = normalizer.normalize(item, feed.baseUrl(), now);
            if (s == null) continue;
            normalized.add(s);
            itemOf.putIfAbsent(itemKey(s), item);
        }
        List<String> warnings = new ArrayList<>(feed.warnings());
        int skipped = feed.items().size() - normalized.size();
        if (skipped > 0) warnings.add(skipped + " items without title or text were skipped");
        Identification items = identifier.ownItems(def.id(), normalized);
        return new Read(null, feed, items, itemOf, warnings, now);
    }

    /** Finds a story's parsed item again whatever key identification gave the story. */
    private static String itemKey(Story s) {
        return s.contentHash() + "\n" + s.canonicalUrl() + "\n" + s.guid();
    }

    // ---- full text (sources with fulltext: only) ----

    /**
     * The new and changed stories completed from their pages. A completed story keeps the key and
     * the content hash of the feed's version, so the next poll sees it unchanged.
     */
    private Identification completeFullText(SourceDef def, Read read) {
        if (def.fulltext() == null) return read.items();
        List<ParsedItem> wanted = new ArrayList<>();
        for (Identified i : read.items().items())
            if (i.needsWork()) wanted.add(read.itemOf().get(itemKey(i.story())));
        if (wanted.isEmpty()) return read.items();
        ParsedFeed feed = read.feed();
        ParsedFeed completed =
                fullText.complete(
                        new ParsedFeed(
                                feed.title(),
                                feed.siteLink(),
                                feed.baseUrl(),
                                wanted,
                                List.of(),
                                feed.image()),
                        def);
        read.warnings().addAll(completed.warnings());
        Map<ParsedItem, ParsedItem> completedOf = new java.util.IdentityHashMap<>();
        for (int i = 0; i < wanted.size(); i++)
            completedOf.put(wanted.get(i), completed.items().get(i));
        return read.items()
                .withWorkDone(
                        i -> {
                            String key = itemKey(i.story());
                            ParsedItem page = completedOf.get(read.itemOf().get(key));
                            Story full = normalizer.normalize(page, feed.baseUrl(), read.now());
                            if (full == null) return i;
                            Story kept =
                                    full.withKeys(i.story().itemKey(), i.story().contentHash());
                            read.itemOf().put(itemKey(kept), page);
                            return i.withStory(kept);
                        });
    }

    // ---- 5. enrich ----

    private Identification enrich(
            SourceDef def, Read read, Identification items, ConfigInForce rules) {
        Enricher enricher = rules.enricher();
        return items.withWorkDone(
                i -> {
                    if (Thread.currentThread().isInterrupted())
                        throw new IllegalStateException("stopped");
                    ParsedItem item = read.itemOf().get(itemKey(i.story()));
                    String feedSummary =
                            item == null || item.summaryHtml() == null
                                    ? null
                                    : HtmlText.text(item.summaryHtml());
                    Story s = enricher.enrich(i.story(), def, feedSummary);
                    Identified done = i.enriched(s, rules.matcher().topicsFor(def.id(), s));
                    identifier.prepare(done); // its near-duplicate traits, off the writer
                    return done;
                });
    }

    private static FeedInfo feedInfo(ParsedFeed feed) {
        String image =
                feed.image() == null
                        ? null
                        : CanonicalUrl.canonicalize(feed.image(), feed.baseUrl());
        String title =
                feed.title() == null ? null : org.jsoup.Jsoup.parse(feed.title()).text().trim();
        return new FeedInfo(title, feed.siteLink(), image);
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
