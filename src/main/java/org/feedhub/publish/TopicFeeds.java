package org.feedhub.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.feedhub.config.FeedsConfig;
import org.feedhub.config.SourceDef;
import org.feedhub.config.TopicDef;
import org.feedhub.publish.FeedView.CarrierView;
import org.feedhub.publish.FeedView.EntryView;
import org.feedhub.store.FeedQueries;
import org.feedhub.store.StoredStory;
import org.feedhub.store.TopicStats;

/**
 * A topic's feeds, rendered once per change: each rendering is kept with its ETag and Last-Modified
 * and served again until the topic's version in the database moves (any instance's pass bumps it)
 * or feeds.yml changes the topic. A request costs one small query when nothing changed.
 */
public class TopicFeeds {
    /** Rendered bytes with their validators. */
    public record Rendered(
            byte[] body,
            String etag,
            Instant lastModified,
            Duration maxAge,
            byte[] gzipped,
            String gzipEtag) {

        /**
         * Compressed once, when rendered, not per request. The gzip variant has an ETag of its own:
         * a strong validator names one exact byte sequence (and Tomcat would refuse to compress a
         * strong-ETag response).
         */
        Rendered(byte[] body, String etag, Instant lastModified, Duration maxAge) {
            this(
                    body,
                    etag,
                    lastModified,
                    maxAge,
                    gzip(body),
                    etag.substring(0, etag.length() - 1) + "-gz\"");
        }
    }

    static byte[] gzip(byte[] body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length / 4 + 64);
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code page} 0 is the live feed, N ≥ 1 the archive page N (RFC 5005). */
    private record Key(String topicId, FeedFormat format, String baseUrl, int page) {}

    private record Entry(long version, TopicDef def, Rendered rendered) {}

    private static final Duration MAX_AGE_CAP = Duration.ofHours(1);
    private final FeedQueries queries;
    private final Supplier<FeedsConfig> config;
    private final FeedRenderer renderer = new FeedRenderer();

    /**
     * Rendered feeds kept, by their size in bytes: one copy per base URL must not grow unbounded.
     */
    static final long CACHE_BYTES = 64L << 20;

    private final com.github.benmanes.caffeine.cache.Cache<Key, Entry> cache =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumWeight(CACHE_BYTES)
                    .<Key, Entry>weigher((k, e) -> 256 + e.rendered().body().length)
                    .build();

    private record Seen(TopicStats stats, long atNanos) {}

    private final Map<String, Seen> versions = new ConcurrentHashMap<>();
    private final long versionTtlNanos;

    public TopicFeeds(FeedQueries queries, Supplier<FeedsConfig> config) {
        this(queries, config, Duration.ZERO);
    }

    /**
     * @param versionTtl how long a topic's version read from the database is trusted before it is
     *     read again: a feed request then costs no query at all. Passes of this JVM forget the
     *     versions at once ({@link #forgetVersions()}); another instance's pass shows after at most
     *     this long.
     */
    public TopicFeeds(FeedQueries queries, Supplier<FeedsConfig> config, Duration versionTtl) {
        this.queries = queries;
        this.config = config;
        this.versionTtlNanos = versionTtl.toNanos();
    }

    /** Called after a pass of this JVM: the next request reads every topic's version afresh. */
    public void forgetVersions() {
        versions.clear();
    }

    private TopicStats version(String topicId) {
        long now = System.nanoTime();
        Seen seen = versions.get(topicId);
        if (seen != null && now - seen.atNanos() < versionTtlNanos) return seen.stats();
        TopicStats fresh = queries.version(topicId);
        if (versionTtlNanos > 0) versions.put(topicId, new Seen(fresh, now));
        return fresh;
    }

    public Optional<Rendered> feed(String topicId, FeedFormat format, String baseUrl) {
        FeedsConfig c = config.get();
        TopicDef def = c.topic(topicId).orElse(null);
        if (def == null) return Optional.empty();
        TopicStats v = version(topicId);
        Key key = new Key(topicId, format, baseUrl, 0);
        Entry e = cache.getIfPresent(key);
        if (e != null && e.version == v.version() && e.def.equals(def))
            return Optional.of(e.rendered);
        FeedView view = view(c, def, baseUrl, def.limit(), 0, v);
        byte[] body;
        if (format == FeedFormat.ATOM) {
            int pages = completeArchivePages(def);
            body =
                    renderer.atom(
                            view,
                            new FeedRenderer.Paging(
                                    null,
                                    pages > 0 ? archiveUrl(baseUrl, topicId, pages) : null,
                                    null,
                                    false));
        } else {
            body = format.render(renderer, view);
        }
        Rendered r = new Rendered(body, etag(body), lastModified(v, view), maxAge(c, def));
        cache.put(key, new Entry(v.version(), def, r));
        return Optional.of(r);
    }

    /**
     * Archive page {@code n} (1 = the oldest) of a topic's Atom feed: {@code limit} stories in the
     * order they were stored. Only full pages exist, so a page never changes once published
     * (retention aside); the stories after the last full page are all in the live feed.
     */
    public Optional<Rendered> archive(String topicId, int n, String baseUrl) {
        FeedsConfig c = config.get();
        TopicDef def = c.topic(topicId).orElse(null);
        if (def == null || n < 1) return Optional.empty();
        TopicStats v = version(topicId);
        Key key = new Key(topicId, FeedFormat.ATOM, baseUrl, n);
        Entry e = cache.getIfPresent(key);
        if (e != null && e.version == v.version() && e.def.equals(def))
            return Optional.of(e.rendered);
        int pages = completeArchivePages(def);
        if (n > pages) return Optional.empty();
        List<EntryView> entries = new ArrayList<>();
        for (StoredStory s :
                queries.topicStoriesInStoredOrder(topicId, def.limit(), (n - 1) * def.limit())) {
            entries.add(0, entry(c, s)); // newest first within the page, as in the live feed
        }
        Instant updated =
                entries.stream()
                        .map(EntryView::updated)
                        .max(Instant::compareTo)
                        .orElse(Instant.EPOCH);
        FeedView view =
                new FeedView(
                        baseUrl,
                        new FeedView.TopicView(def.id(), def.title(), def.description()),
                        updated,
                        entries);
        byte[] body =
                renderer.atom(
                        view,
                        new FeedRenderer.Paging(
                                archiveUrl(baseUrl, topicId, n),
                                n > 1 ? archiveUrl(baseUrl, topicId, n - 1) : null,
                                n < pages ? archiveUrl(baseUrl, topicId, n + 1) : null,
                                true));
        // An archive page's content changes only if retention purges from it: a long max-age is
        // right.
        Rendered r = new Rendered(body, etag(body), lastModified(v, view), Duration.ofDays(1));
        cache.put(key, new Entry(v.version(), def, r));
        return Optional.of(r);
    }

    public static String archiveUrl(String baseUrl, String topicId, int n) {
        return baseUrl + "/topics/" + topicId + "/archive/" + n + ".atom";
    }

    private int completeArchivePages(TopicDef def) {
        return (int) (queries.stats(def.id()).storyCount() / def.limit());
    }

    private static Instant lastModified(TopicStats v, FeedView view) {
        return (v.lastChange() != null ? v.lastChange() : view.updated())
                .truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * The topic's stories as a renderer's input, {@code limit} of them from {@code offset}, newest
     * first.
     */
    public Optional<FeedView> view(String topicId, String baseUrl, int limit, int offset) {
        FeedsConfig c = config.get();
        return c.topic(topicId)
                .map(def -> view(c, def, baseUrl, limit, offset, queries.version(topicId)));
    }

    private FeedView view(
            FeedsConfig c, TopicDef def, String baseUrl, int limit, int offset, TopicStats v) {
        List<EntryView> entries = new ArrayList<>();
        for (StoredStory s : queries.topicStories(def.id(), limit, offset))
            entries.add(entry(c, s));
        Instant updated =
                entries.stream()
                        .map(EntryView::updated)
                        .max(Instant::compareTo)
                        .orElse(v.lastChange() != null ? v.lastChange() : Instant.EPOCH);
        return new FeedView(
                baseUrl,
                new FeedView.TopicView(def.id(), def.title(), def.description()),
                updated,
                entries);
    }

    private static EntryView entry(FeedsConfig c, StoredStory s) {
        List<CarrierView> carriers = new ArrayList<>();
        for (StoredStory.Carrier k : s.carriers()) {
            String title = c.source(k.sourceId()).map(SourceDef::title).orElse(null);
            if (title == null) title = k.sourceTitle() != null ? k.sourceTitle() : k.sourceId();
            carriers.add(
                    new CarrierView(
                            k.sourceId(),
                            title,
                            k.feedUrl(),
                            k.siteUrl(),
                            k.link(),
                            k.sourceImage()));
        }
        String link =
                s.canonicalUrl() != null
                        ? s.canonicalUrl()
                        : s.carriers().stream()
                                .map(StoredStory.Carrier::link)
                                .filter(java.util.Objects::nonNull)
                                .findFirst()
                                .orElse(null);
        return new EntryView(
                entryId(s.id()),
                s.title(),
                link,
                s.published(),
                s.updated(),
                s.author(),
                s.summary(),
                s.contentHtml(),
                s.tags(),
                carriers,
                s.media(),
                s.leadImage());
    }

    /** The stable id of a story's entry in every feed: {@code urn:feedhub:story:ID}. */
    public static String entryId(long storyId) {
        return "urn:feedhub:story:" + storyId;
    }

    /**
     * Readers may keep a feed for its shortest source interval (at most an hour): no sooner can it
     * change.
     */
    private static Duration maxAge(FeedsConfig c, TopicDef def) {
        Duration shortest =
                c.sourcesOf(def).stream()
                        .map(SourceDef::every)
                        .min(Duration::compareTo)
                        .orElse(c.defaults().every());
        return shortest.compareTo(MAX_AGE_CAP) > 0 ? MAX_AGE_CAP : shortest;
    }

    static String etag(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return "\""
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(java.util.Arrays.copyOf(d, 16))
                    + "\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
