package org.feedhub.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.feedhub.config.FeedsConfig;
import org.feedhub.config.TopicDef;
import org.feedhub.store.FeedQueries;
import org.feedhub.store.SourceState;
import org.feedhub.store.SourceStore;
import org.feedhub.store.TopicStats;

/** The pages and OPML files, for the live server and the static export alike. */
public class Site {
    /** Stories shown on a topic's HTML page. */
    public static final int PAGE_SIZE = 50;

    private final FeedQueries queries;
    private final SourceStore sources;
    private final TopicFeeds feeds;
    private final Supplier<FeedsConfig> config;
    private final Pages pages = new Pages();
    private final OpmlWriter opml = new OpmlWriter();

    /** The longest tag a page is asked for: as long as a stored tag may be. */
    public static final int MAX_TAG = 200;

    private final java.util.Map<String, TopicStats> counts =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.time.Clock clock;

    public Site(
            FeedQueries queries,
            SourceStore sources,
            TopicFeeds feeds,
            Supplier<FeedsConfig> config) {
        this(queries, sources, feeds, config, java.time.Clock.systemUTC());
    }

    /**
     * @param clock the render time of the pages, which their relative times ("3 hours ago") count
     *     from
     */
    public Site(
            FeedQueries queries,
            SourceStore sources,
            TopicFeeds feeds,
            Supplier<FeedsConfig> config,
            java.time.Clock clock) {
        this.queries = queries;
        this.sources = sources;
        this.feeds = feeds;
        this.config = config;
        this.clock = clock;
    }

    public String index(LinkStyle style) {
        List<TopicCard> cards = new ArrayList<>();
        for (TopicDef t : config.get().topics()) {
            TopicStats s = stats(t.id());
            cards.add(
                    new TopicCard(
                            t.id(), t.title(), t.description(), s.storyCount(), s.lastChange()));
        }
        return pages.index(new IndexPage("feedhub", cards, style, clock.instant()));
    }

    /** The {@code /sources} page as of {@code now}. */
    public String sourcesPage(java.time.Instant now) {
        return pages.sources(new SourcesPage("feedhub", SourceRow.rows(sources.all(), now), now));
    }

    /**
     * A topic's story count and last change. Counting is a scan of the topic's index range (tens of
     * ms at 100k stories), so the count is kept per topic version: it is recounted only after a
     * pass changed it.
     */
    private TopicStats stats(String topicId) {
        TopicStats v = queries.version(topicId);
        TopicStats cached = counts.get(topicId);
        if (cached != null && cached.version() == v.version()) return cached;
        TopicStats fresh = queries.stats(topicId);
        counts.put(topicId, fresh);
        return fresh;
    }

    public Optional<String> topicPage(String topicId, String baseUrl, LinkStyle style) {
        return feeds.view(topicId, baseUrl, PAGE_SIZE, 0)
                .map(view -> pages.topic(new TopicPage(null, view, style, null, clock.instant())));
    }

    /**
     * The page of a topic's stories with this exact tag (an empty list for a tag no story has);
     * empty for no such topic, and for a tag longer than any stored one ({@link #MAX_TAG}).
     */
    public Optional<String> tagPage(String topicId, String tag, String baseUrl, LinkStyle style) {
        if (tag == null || tag.isEmpty() || tag.length() > MAX_TAG) return Optional.empty();
        return feeds.taggedView(topicId, tag, baseUrl, PAGE_SIZE)
                .map(view -> pages.topic(new TopicPage(null, view, style, tag, clock.instant())));
    }

    /** A story's own page ({@code /stories/ID}), whichever topics it is in. */
    public Optional<String> storyPage(long storyId, String baseUrl) {
        return feeds.story(storyId, baseUrl)
                .map(e -> pages.story(new StoryPage(null, e, clock.instant())));
    }

    public byte[] topicsOpml(String baseUrl) {
        List<OpmlWriter.TopicLink> links =
                config.get().topics().stream()
                        .map(t -> new OpmlWriter.TopicLink(t.id(), t.title(), t.description()))
                        .toList();
        return opml.topics(baseUrl, links);
    }

    /**
     * The feeds feedhub polls, at the address it polls them now: feeds only (a scraped page is not
     * a feed a reader could subscribe to), each once, never a local {@code file:} source, and a
     * site link only when it is a web link.
     */
    public byte[] sourcesOpml() {
        List<OpmlWriter.SourceLink> links = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (var s : config.get().sources()) {
            if (s.html() != null) continue;
            SourceState state = sources.find(s.id()).orElse(null);
            String url = FeedWriting.webUrl(state != null ? state.fetchUrl() : s.url());
            if (url == null || !seen.add(url)) continue;
            String title =
                    s.title() != null
                            ? s.title()
                            : state != null && state.title() != null ? state.title() : s.id();
            links.add(
                    new OpmlWriter.SourceLink(
                            s.id(),
                            title,
                            url,
                            state == null ? null : FeedWriting.webUrl(state.siteUrl())));
        }
        return opml.sources(links);
    }
}
