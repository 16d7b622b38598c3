package org.feedhub.batch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.feedhub.config.SourceDef;
import org.feedhub.dedup.ItemKeys;
import org.feedhub.enrich.Enricher;
import org.feedhub.fetch.FetchRequest;
import org.feedhub.fetch.FetchResult;
import org.feedhub.fetch.Fetcher;
import org.feedhub.fulltext.FullTextFetcher;
import org.feedhub.fulltext.FullTextSettings;
import org.feedhub.normalize.HtmlText;
import org.feedhub.normalize.Story;
import org.feedhub.normalize.StoryNormalizer;
import org.feedhub.parse.FeedParser;
import org.feedhub.parse.ParseException;
import org.feedhub.parse.ParsedFeed;
import org.feedhub.parse.ParsedItem;
import org.feedhub.store.FetchOutcome;
import org.feedhub.store.FetchOutcome.Kind;
import org.feedhub.store.SourceState;

/**
 * One source through fetch → parse → normalize → enrich, as plain Java. Every failure becomes a
 * {@link FetchOutcome} of kind FAILED with a one-line reason: nothing a source does can break the
 * pass.
 */
public final class SourcePoller {
    private final Fetcher fetcher;
    private final FeedParser parser = new FeedParser();
    private final StoryNormalizer normalizer;
    private final FullTextFetcher fullText;
    private final Clock clock;
    private StageTimings timings = StageTimings.NONE;
    private LinksListener links = (id, l, url) -> {};

    /** Told the WebSub hub and self links of each feed parsed (to subscribe to its hub). */
    public interface LinksListener {
        void found(String sourceId, org.feedhub.parse.FeedLinks links, String fetchedUrl);
    }

    public SourcePoller(Fetcher fetcher, Clock clock) {
        this(fetcher, clock, List.of(), FullTextSettings.DEFAULTS);
    }

    /**
     * @param stripParams query parameters removed from story links besides the built-in tracking
     *     ones
     * @param fullText limits for sources with {@code fulltext:}
     */
    public SourcePoller(
            Fetcher fetcher,
            Clock clock,
            Collection<String> stripParams,
            FullTextSettings fullText) {
        this.fetcher = fetcher;
        this.clock = clock;
        this.normalizer = new StoryNormalizer(stripParams);
        this.fullText = new FullTextFetcher(fetcher, fullText);
    }

    /** Reports each parsed feed's WebSub links; none by default. */
    public SourcePoller linksTo(LinksListener l) {
        this.links = l;
        return this;
    }

    /** Reports fetch and parse durations (metrics); none by default. */
    public SourcePoller timedBy(StageTimings t) {
        this.timings = t;
        return this;
    }

    private FetchResult fetch(FetchRequest request) {
        long t0 = System.nanoTime();
        FetchResult r = fetcher.fetch(request);
        timings.fetched(
                java.time.Duration.ofNanos(System.nanoTime() - t0),
                r.status().name().toLowerCase(java.util.Locale.ROOT));
        return r;
    }

    public FetchOutcome poll(SourceDef def, SourceState state, Enricher enricher) {
        long start = System.nanoTime();
        try {
            return poll(def, state, enricher, start);
        } catch (RuntimeException e) {
            String reason =
                    e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return failure(def.id(), 0, "internal error: " + reason, start);
        }
    }

    private FetchOutcome poll(SourceDef def, SourceState state, Enricher enricher, long start) {
        boolean sameUrl = state != null && state.url().equals(def.url());
        String url = sameUrl ? state.fetchUrl() : def.url();
        FetchRequest request =
                sameUrl
                        ? new FetchRequest(url, state.etag(), state.lastModified())
                        : FetchRequest.of(url);
        FetchResult r = fetch(request);
        String effective = r.movedTo();
        switch (r.status()) {
            case NOT_MODIFIED:
                return outcome(
                        def.id(),
                        Kind.NOT_MODIFIED,
                        r,
                        null,
                        null,
                        null,
                        effective,
                        List.of(),
                        List.of(),
                        start);
            case GONE:
                return new FetchOutcome(
                        def.id(),
                        Kind.GONE,
                        r.httpStatus(),
                        r.error(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        List.of(),
                        millis(start));
            case FAILED:
                return new FetchOutcome(
                        def.id(),
                        Kind.FAILED,
                        r.httpStatus(),
                        r.error(),
                        r.retryAfter(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        List.of(),
                        millis(start));
            default:
                break;
        }
        if (def.html() == null
                && FeedParser.detect(
                                new String(
                                        r.body(),
                                        0,
                                        Math.min(r.body().length, 4096),
                                        java.nio.charset.StandardCharsets.ISO_8859_1))
                        == FeedParser.Kind.HTML) {
            // A page given without selectors: poll the feed it advertises from now on.
            String feedUrl = parser.discoverFeed(r.body(), r.contentType(), r.finalUrl());
            if (feedUrl == null) {
                return failure(
                        def.id(),
                        r.httpStatus(),
                        "an HTML page, not a feed, and it advertises no feed "
                                + "(<link rel=\"alternate\">); add html: selectors to scrape it",
                        start);
            }
            r = fetch(FetchRequest.of(feedUrl));
            if (!r.ok()) {
                return failure(
                        def.id(),
                        r.httpStatus(),
                        "autodiscovered feed " + feedUrl + ": " + r.error(),
                        start);
            }
            effective = r.movedTo() != null ? r.movedTo() : feedUrl;
        }
        String bodyHash =
                ItemKeys.sha256(new String(r.body(), java.nio.charset.StandardCharsets.ISO_8859_1));
        if (state != null && sameUrl && bodyHash.equals(state.bodyHash())) {
            return outcome(
                    def.id(),
                    Kind.SAME_BODY,
                    r,
                    bodyHash,
                    null,
                    null,
                    effective,
                    List.of(),
                    List.of(),
                    start);
        }
        ParsedFeed feed;
        try {
            long t0 = System.nanoTime();
            try {
                feed = parser.parse(r.body(), r.contentType(), r.finalUrl(), def.html());
                timings.parsed(java.time.Duration.ofNanos(System.nanoTime() - t0), true);
            } catch (ParseException e) {
                timings.parsed(java.time.Duration.ofNanos(System.nanoTime() - t0), false);
                throw e;
            }
        } catch (ParseException e) {
            return failure(def.id(), r.httpStatus(), e.getMessage(), start);
        }
        links.found(
                def.id(),
                feed.links().orElse(org.feedhub.parse.FeedLinks.fromHeader(r.link())),
                r.finalUrl());
        // Only for a changed feed (an unchanged body returned above), and only for stories with
        // little text.
        if (def.fulltext() != null) feed = fullText.complete(feed, def);
        Instant now = clock.instant();
        List<Story> stories = new ArrayList<>();
        List<Story> normalized = normalizer.normalize(feed, now);
        Map<String, ParsedItem> byTitle = itemsByTitle(feed);
        for (int i = 0; i < normalized.size(); i++) {
            Story s = normalized.get(i);
            stories.add(enricher.enrich(s, def, feedSummary(byTitle, s)));
        }
        List<String> warnings = new ArrayList<>(feed.warnings());
        if (feed.items().size() > stories.size()) {
            warnings.add(
                    (feed.items().size() - stories.size())
                            + " items without title or text were skipped");
        }
        FetchOutcome o =
                outcome(
                        def.id(),
                        Kind.FETCHED,
                        r,
                        bodyHash,
                        clean(feed.title()),
                        feed.siteLink(),
                        effective,
                        stories,
                        warnings,
                        start);
        String image =
                feed.image() == null
                        ? null
                        : org.feedhub.normalize.CanonicalUrl.canonicalize(
                                feed.image(), feed.baseUrl());
        return new FetchOutcome(
                o.sourceId(),
                o.kind(),
                o.httpStatus(),
                o.error(),
                o.retryAfter(),
                o.etag(),
                o.lastModified(),
                o.bodyHash(),
                o.feedTitle(),
                o.siteUrl(),
                o.effectiveUrl(),
                o.stories(),
                o.warnings(),
                o.millis(),
                image);
    }

    /**
     * The items that have a summary, by cleaned title, the first such item per title: built once
     * per feed, so finding each story's item costs a lookup, not a scan that parsed every item's
     * title with jsoup again (quadratic in the feed's length).
     */
    private static Map<String, ParsedItem> itemsByTitle(ParsedFeed feed) {
        Map<String, ParsedItem> byTitle = new HashMap<>();
        for (ParsedItem i : feed.items()) {
            if (i.summaryHtml() != null && i.title() != null)
                byTitle.putIfAbsent(clean(i.title()), i);
        }
        return byTitle;
    }

    /**
     * The feed's own short description of the item, as text, for the summarizer to fall back on.
     */
    private static String feedSummary(Map<String, ParsedItem> byTitle, Story s) {
        ParsedItem i = s.title() == null ? null : byTitle.get(s.title());
        return i == null ? null : HtmlText.text(i.summaryHtml());
    }

    private static String clean(String title) {
        return title == null ? null : org.jsoup.Jsoup.parse(title).text().trim();
    }

    private static FetchOutcome outcome(
            String id,
            Kind kind,
            FetchResult r,
            String bodyHash,
            String title,
            String site,
            String effective,
            List<Story> stories,
            List<String> warnings,
            long start) {
        return new FetchOutcome(
                id,
                kind,
                r.httpStatus(),
                null,
                null,
                r.etag(),
                r.lastModified(),
                bodyHash,
                title,
                site,
                effective,
                stories,
                warnings,
                millis(start));
    }

    private static FetchOutcome failure(String id, int status, String error, long start) {
        return new FetchOutcome(
                id,
                Kind.FAILED,
                status,
                error,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                millis(start));
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
