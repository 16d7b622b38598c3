package org.feedhub;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Every {@code feedhub.*} setting, with the defaults that ship in the jar's application.yml. */
@ConfigurationProperties("feedhub")
public record FeedhubProperties(
        String feeds,
        String baseUrl,
        Schedule schedule,
        Fetch fetch,
        Cluster cluster,
        Dedup dedup,
        Normalize normalize,
        Fulltext fulltext,
        Publish publish,
        Tags tags) {

    public FeedhubProperties {
        if (feeds == null || feeds.isBlank()) feeds = "feeds.yml";
        if (baseUrl == null) baseUrl = "";
        if (schedule == null) schedule = new Schedule(true, null, null);
        if (fetch == null) fetch = new Fetch(null, null, null, 0, 0, 0, false, null);
        if (cluster == null) cluster = new Cluster(null);
        if (dedup == null) dedup = new Dedup(0, null);
        if (normalize == null) normalize = new Normalize(null);
        if (fulltext == null) fulltext = new Fulltext(0, 0, null);
        if (publish == null) publish = new Publish(null, null, false);
        if (tags == null) tags = new Tags(false);
    }

    /**
     * @param stripParams query parameters removed from story links besides the built-in tracking
     *     ones ({@code utm_*}, {@code fbclid}, {@code gclid} …); case-insensitive, {@code pk_*} is
     *     a prefix
     */
    public record Normalize(java.util.List<String> stripParams) {
        public Normalize {
            stripParams =
                    stripParams == null
                            ? java.util.List.of()
                            : stripParams.stream()
                                    .filter(p -> p != null && !p.isBlank())
                                    .map(String::strip)
                                    .toList();
        }
    }

    /**
     * For sources with {@code fulltext:} in feeds.yml.
     *
     * @param maxArticles article pages fetched per source and pass at most (pages fetched before
     *     are reused)
     * @param minFeedText a story whose feed text is at least this many characters is taken as
     *     complete
     * @param timeBudget no new article fetch starts after this long spent on one source's articles
     */
    public record Fulltext(int maxArticles, int minFeedText, Duration timeBudget) {
        public Fulltext {
            if (maxArticles <= 0)
                maxArticles = org.feedhub.fulltext.FullTextSettings.DEFAULTS.maxArticles();
            if (minFeedText <= 0)
                minFeedText = org.feedhub.fulltext.FullTextSettings.DEFAULTS.minFeedText();
            if (timeBudget == null)
                timeBudget = org.feedhub.fulltext.FullTextSettings.DEFAULTS.timeBudget();
        }

        public org.feedhub.fulltext.FullTextSettings settings() {
            return new org.feedhub.fulltext.FullTextSettings(maxArticles, minFeedText, timeBudget);
        }
    }

    /**
     * @param entities whether names of people, places and organisations a story keeps mentioning
     *     become tags (off by default: heuristic, for English and Russian text)
     */
    public record Tags(boolean entities) {}

    /**
     * @param maxDistance how many of the 64 MinHash slots may differ for two texts to be one story
     *     (48 ≈ a shingle similarity of 0.25; tuned on src/test/resources/dedup/pairs.jsonl)
     * @param window only stories published this close together are compared
     */
    public record Dedup(int maxDistance, Duration window) {
        public Dedup {
            if (maxDistance <= 0)
                maxDistance = org.feedhub.dedup.DedupSettings.DEFAULTS.maxDistance();
            if (window == null) window = org.feedhub.dedup.DedupSettings.DEFAULTS.window();
        }
    }

    /**
     * @param lease how long an instance's claim on a source lasts; after a crash, its sources wait
     *     at most this long before another pass (of any instance) takes them over
     */
    public record Cluster(Duration lease) {
        public Cluster {
            if (lease == null) lease = Duration.ofMinutes(5);
        }
    }

    /**
     * @param enabled false: the server polls nothing by itself (passes only through {@code
     *     aggregate})
     * @param tick how often the server looks for due sources
     * @param initialDelay when the first look happens after start-up (0: a pass at once)
     */
    public record Schedule(boolean enabled, Duration tick, Duration initialDelay) {
        public Schedule {
            if (tick == null) tick = Duration.ofSeconds(30);
            if (initialDelay == null) initialDelay = Duration.ZERO;
        }
    }

    public record Fetch(
            Duration connectTimeout,
            Duration responseTimeout,
            DataSize maxBodySize,
            int maxRedirects,
            int concurrency,
            int perHost,
            boolean allowPrivateNetworks,
            String userAgent) {
        public Fetch {
            if (connectTimeout == null) connectTimeout = Duration.ofSeconds(5);
            if (responseTimeout == null) responseTimeout = Duration.ofSeconds(20);
            if (maxBodySize == null) maxBodySize = DataSize.ofMegabytes(10);
            if (maxRedirects <= 0) maxRedirects = 5;
            if (concurrency <= 0) concurrency = 16;
            if (perHost <= 0) perHost = 2;
        }

        /**
         * The fetcher's settings; {@code file:} URLs are confined to {@code fileRoot} (the folder
         * of feeds.yml).
         */
        public org.feedhub.fetch.FetchSettings settings(java.nio.file.Path fileRoot) {
            return new org.feedhub.fetch.FetchSettings(
                    connectTimeout,
                    responseTimeout,
                    maxBodySize.toBytes(),
                    maxRedirects,
                    perHost,
                    allowPrivateNetworks,
                    userAgent,
                    fileRoot);
        }
    }

    /**
     * @param versionTtl how long a topic's change counter is trusted before the database is asked
     *     again; a pass of the same instance shows at once, another instance's within this time
     * @param installId names this site's entry ids when no base URL is set: a DNS name or e-mail
     *     address the operator controls; empty: one is generated and kept in the database
     * @param exportHub whether {@code export} names {@code base-url + "/hub"} as the feeds' WebSub
     *     hub (true only when a feedhub server answers at the base URL)
     */
    public record Publish(Duration versionTtl, String installId, boolean exportHub) {
        public Publish {
            if (versionTtl == null) versionTtl = Duration.ofSeconds(1);
        }
    }
}
