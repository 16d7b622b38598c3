package org.feedhub.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.feedhub.config.FeedsConfig;
import org.feedhub.config.SourceDef;
import org.feedhub.config.TopicDef;
import org.feedhub.normalize.CanonicalUrl;
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
    /**
     * Rendered bytes with their validators, and the two header values that depend only on them
     * ({@code Last-Modified}, {@code Cache-Control}), formatted once here rather than on every
     * request: formatting them was a tenth of what answering a 304 cost feedhub itself.
     */
    public record Rendered(
            byte[] body,
            String etag,
            Instant lastModified,
            Duration maxAge,
            byte[] gzipped,
            String gzipEtag,
            String lastModifiedHeader,
            String cacheControl) {

        /**
         * RFC 9110's IMF-fixdate: two-digit day, always GMT. ({@code RFC_1123_DATE_TIME} writes "2
         * Dec", which strict caches and clients reject as a validator.)
         */
        private static final java.time.format.DateTimeFormatter HTTP_DATE =
                java.time.format.DateTimeFormatter.ofPattern(
                                "EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US)
                        .withZone(java.time.ZoneOffset.UTC);

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
                    etag.substring(0, etag.length() - 1) + "-gz\"",
                    HTTP_DATE.format(lastModified),
                    cacheControl(maxAge));
        }

        /** The same bytes with another max-age (which may shorten as a page settles). */
        Rendered withMaxAge(Duration age) {
            return new Rendered(
                    body,
                    etag,
                    lastModified,
                    age,
                    gzipped,
                    gzipEtag,
                    lastModifiedHeader,
                    cacheControl(age));
        }

        private static String cacheControl(Duration maxAge) {
            return "max-age=" + maxAge.toSeconds() + ", public";
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

    /**
     * @param complete an archive page whose places are all given out (it changes only when a story
     *     leaves the topic)
     */
    private record Entry(long version, TopicDef def, Rendered rendered, boolean complete) {}

    private static final Duration MAX_AGE_CAP = Duration.ofHours(1);

    /** A complete archive page unchanged this long is cached for as long. */
    static final Duration ARCHIVE_SETTLED = Duration.ofDays(1);

    private final FeedQueries queries;
    private final Supplier<FeedsConfig> config;
    private final Clock clock;
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
    private volatile String exportHub;

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
        this(queries, config, versionTtl, Clock.systemUTC());
    }

    public TopicFeeds(
            FeedQueries queries, Supplier<FeedsConfig> config, Duration versionTtl, Clock clock) {
        this.queries = queries;
        this.config = config;
        this.versionTtlNanos = versionTtl.toNanos();
        this.clock = clock;
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

    /** The topic's live feed in {@code format}, naming this site's hub. */
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
        int pages = archive(def, view).pages();
        byte[] body = render(format, view, 0, pages);
        Instant changed = changedAt(topicId + "|" + format.extension(), body, baseUrl);
        Rendered r = new Rendered(body, etag(body), changed, maxAge(c, def));
        cache.put(key, new Entry(v.version(), def, r, false));
        return Optional.of(r);
    }

    /**
     * For a static export: the live feed as {@link #feed}, but naming {@code hub} (null: none) as
     * its hub, uncached.
     */
    public Optional<byte[]> exportedFeed(
            String topicId, FeedFormat format, String baseUrl, String hub) {
        FeedsConfig c = config.get();
        TopicDef def = c.topic(topicId).orElse(null);
        if (def == null) return Optional.empty();
        FeedView view = view(c, def, baseUrl, def.limit(), 0, queries.version(topicId));
        return Optional.of(render(format, view.withHub(hub), 0, archive(def, view).pages()));
    }

    /** How many archive pages the topic has (a static export writes them all). */
    public int archivePages(String topicId, String baseUrl) {
        FeedsConfig c = config.get();
        TopicDef def = c.topic(topicId).orElse(null);
        if (def == null) return 0;
        FeedView view = view(c, def, baseUrl, def.limit(), 0, queries.version(topicId));
        return archive(def, view).pages();
    }

    /**
     * An archive page as a static export writes it: as {@link #archive}, naming {@code hub} (null:
     * none).
     */
    public Optional<byte[]> exportedArchive(String topicId, int n, String baseUrl, String hub) {
        FeedsConfig c = config.get();
        TopicDef def = c.topic(topicId).orElse(null);
        if (def == null || n < 1) return Optional.empty();
        FeedView live = view(c, def, baseUrl, def.limit(), 0, queries.version(topicId));
        ArchiveLayout layout = archive(def, live);
        if (n > layout.pages()) return Optional.empty();
        return Optional.of(
                render(
                        FeedFormat.ATOM,
                        archiveView(c, def, baseUrl, n).withHub(hub),
                        n,
                        layout.pages()));
    }

    /**
     * The archive's shape: {@code limit} places a page, page N holding places (N-1)*limit+1 ..
     * N*limit. Every complete page is published; the last, incomplete one only when it holds a
     * story the live feed does not show (a story that joined late with an old date). So every story
     * is in the live feed or on one archive page, and on no more than one.
     */
    private record ArchiveLayout(long places, int complete, int pages) {}

    private ArchiveLayout archive(TopicDef def, FeedView live) {
        long places = queries.numberArchive(def.id());
        int complete = (int) Math.min(Integer.MAX_VALUE - 1, places / def.limit());
        int pages = complete;
        if (places % def.limit() != 0) {
            Set<String> shown = new HashSet<>();
            for (EntryView e : live.entries()) shown.add(e.id());
            for (StoredStory s :
                    queries.archiveStories(def.id(), (long) complete * def.limit() + 1, places)) {
                if (!shown.contains(s.entryId())) {
                    pages = complete + 1;
                    break;
                }
            }
        }
        return new ArchiveLayout(places, complete, pages);
    }

    /**
     * Archive page {@code n} (1 = the oldest) of a topic's Atom feed. A complete page changes only
     * when a story leaves the topic (retention, a topic-rule edit); a page that changed gets a new
     * ETag and Last-Modified, and the topic's short max-age until it has been unchanged for {@link
     * #ARCHIVE_SETTLED}.
     */
    public Optional<Rendered> archive(String topicId, int n, String baseUrl) {
        FeedsConfig c = config.get();
        TopicDef def = c.topic(topicId).orElse(null);
        if (def == null || n < 1) return Optional.empty();
        TopicStats v = version(topicId);
        Key key = new Key(topicId, FeedFormat.ATOM, baseUrl, n);
        Entry e = cache.getIfPresent(key);
        if (e == null || e.version != v.version() || !e.def.equals(def)) {
            FeedView live = view(c, def, baseUrl, def.limit(), 0, v);
            ArchiveLayout layout = archive(def, live);
            if (n > layout.pages()) return Optional.empty();
            byte[] body =
                    render(FeedFormat.ATOM, archiveView(c, def, baseUrl, n), n, layout.pages());
            Instant changed =
                    changedAt(topicId + "|archive|" + def.limit() + "|" + n, body, baseUrl);
            e =
                    new Entry(
                            v.version(),
                            def,
                            new Rendered(body, etag(body), changed, maxAge(c, def)),
                            n <= layout.complete());
            cache.put(key, e);
        }
        boolean settled =
                e.complete()
                        && !e.rendered
                                .lastModified()
                                .plus(ARCHIVE_SETTLED)
                                .isAfter(clock.instant());
        return Optional.of(e.rendered.withMaxAge(settled ? ARCHIVE_SETTLED : maxAge(c, def)));
    }

    private FeedView archiveView(FeedsConfig c, TopicDef def, String baseUrl, int n) {
        List<EntryView> entries = new ArrayList<>();
        long from = (long) (n - 1) * def.limit() + 1;
        for (StoredStory s : queries.archiveStories(def.id(), from, from + def.limit() - 1)) {
            entries.add(entry(c, s, baseUrl));
        }
        Instant updated =
                entries.stream()
                        .map(EntryView::updated)
                        .filter(java.util.Objects::nonNull)
                        .max(Instant::compareTo)
                        .orElse(Instant.EPOCH);
        return new FeedView(baseUrl, topicView(def), updated, entries);
    }

    /** Page 0: the live feed (its Atom form links the newest archive page); N: archive page N. */
    private byte[] render(FeedFormat format, FeedView view, int page, int pages) {
        String base = view.baseUrl();
        String id = view.topic().id();
        if (format != FeedFormat.ATOM) return format.render(renderer, view);
        if (page == 0) {
            return renderer.atom(
                    view,
                    new FeedRenderer.Paging(
                            null,
                            pages > 0 ? FeedUrls.archive(base, id, pages) : null,
                            null,
                            false));
        }
        return renderer.atom(
                view,
                new FeedRenderer.Paging(
                        FeedUrls.archive(base, id, page),
                        page > 1 ? FeedUrls.archive(base, id, page - 1) : null,
                        page < pages ? FeedUrls.archive(base, id, page + 1) : null,
                        true));
    }

    /**
     * When this representation last changed. Its fingerprint leaves out the base URL (which may
     * differ per request when none is configured), so only a change of content moves the time.
     */
    private Instant changedAt(String key, byte[] body, String baseUrl) {
        String text = new String(body, StandardCharsets.UTF_8);
        String base = FeedUrls.trimBase(baseUrl);
        String content = base.isEmpty() ? text : text.replace(base, "");
        return queries.changedAt(key, etag(utf8(content)), clock.instant());
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

    /** As {@link #view}, only the topic's stories with this exact tag; empty for no such topic. */
    public Optional<FeedView> taggedView(String topicId, String tag, String baseUrl, int limit) {
        FeedsConfig c = config.get();
        TopicDef def = c.topic(topicId).orElse(null);
        if (def == null) return Optional.empty();
        List<EntryView> entries = new ArrayList<>();
        for (StoredStory s : queries.topicStoriesTagged(topicId, tag, limit, 0))
            entries.add(entry(c, s, baseUrl));
        Instant changed = version(topicId).lastChange();
        Instant updated =
                entries.stream()
                        .map(EntryView::updated)
                        .filter(java.util.Objects::nonNull)
                        .max(Instant::compareTo)
                        .orElse(changed != null ? changed : Instant.EPOCH);
        return Optional.of(new FeedView(baseUrl, topicView(def), updated, entries));
    }

    /** Every tag of the topic's stories (a static export writes a page for each). */
    public List<String> topicTags(String topicId) {
        return config.get().topic(topicId).isEmpty() ? List.of() : queries.topicTags(topicId);
    }

    /**
     * The topic's stories whose entries link to their page on this site (they have no safe link of
     * their own): a static export writes those pages too.
     */
    public List<Long> storiesLinkingToTheirPage(String topicId, String baseUrl) {
        FeedsConfig c = config.get();
        List<Long> out = new ArrayList<>();
        if (c.topic(topicId).isEmpty()) return out;
        for (StoredStory s : queries.topicStories(topicId, Integer.MAX_VALUE, 0)) {
            if (entry(c, s, baseUrl).link().equals(FeedUrls.storyPage(baseUrl, s.id())))
                out.add(s.id());
        }
        return out;
    }

    /** One story as an entry (for its own page), whichever topics it is in. */
    public Optional<EntryView> story(long storyId, String baseUrl) {
        FeedsConfig c = config.get();
        return queries.story(storyId).map(s -> entry(c, s, baseUrl));
    }

    private FeedView view(
            FeedsConfig c, TopicDef def, String baseUrl, int limit, int offset, TopicStats v) {
        List<EntryView> entries = new ArrayList<>();
        for (StoredStory s : queries.topicStories(def.id(), limit, offset))
            entries.add(entry(c, s, baseUrl));
        Instant updated =
                entries.stream()
                        .map(EntryView::updated)
                        .filter(java.util.Objects::nonNull)
                        .max(Instant::compareTo)
                        .orElse(v.lastChange() != null ? v.lastChange() : Instant.EPOCH);
        return new FeedView(baseUrl, topicView(def), updated, entries);
    }

    private static FeedView.TopicView topicView(TopicDef def) {
        return new FeedView.TopicView(def.id(), def.title(), def.description(), def.language());
    }

    /**
     * A stored story as readers get it: its permanent id; a link that works (its canonical link,
     * else its first carrier's, else its page on this site); carriers with web links only (no
     * {@code javascript:} site link, no local {@code file:} path) and their story links without
     * tracking parameters.
     */
    static EntryView entry(FeedsConfig c, StoredStory s, String baseUrl) {
        List<CarrierView> carriers = new ArrayList<>();
        for (StoredStory.Carrier k : s.carriers()) {
            String title = c.source(k.sourceId()).map(SourceDef::title).orElse(null);
            if (title == null) title = k.sourceTitle() != null ? k.sourceTitle() : k.sourceId();
            carriers.add(
                    new CarrierView(
                            k.sourceId(),
                            title,
                            FeedWriting.webUrl(k.feedUrl()),
                            FeedWriting.webUrl(k.siteUrl()),
                            untracked(k.link()),
                            FeedWriting.webUrl(k.sourceImage())));
        }
        String link = FeedWriting.webUrl(s.canonicalUrl());
        for (int i = 0; link == null && i < carriers.size(); i++) link = carriers.get(i).link();
        if (link == null) link = FeedUrls.storyPage(baseUrl, s.id());
        return new EntryView(
                s.entryId(),
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

    /** The permanent entry ids of these stories (row ids), as every feed names them. */
    public Set<String> entryIds(java.util.Collection<Long> storyIds) {
        return queries.entryIds(storyIds);
    }

    /** A carrier's story link, web links only, without tracking parameters ({@code utm_*} …). */
    static String untracked(String link) {
        String web = FeedWriting.webUrl(link);
        if (web == null) return null;
        try {
            String clean = CanonicalUrl.canonicalize(web, null);
            return FeedWriting.webUrl(clean) != null ? clean : web;
        } catch (RuntimeException e) {
            return web;
        }
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
