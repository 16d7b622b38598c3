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
        Poll poll,
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
        if (poll == null) poll = new Poll(0, null, 0);
        // feedhub.fetch.concurrency is the old name of feedhub.poll.concurrency (deprecated)
        if (poll.concurrency() <= 0) {
            int c = fetch.concurrency() > 0 ? fetch.concurrency() : Poll.DEFAULT_CONCURRENCY;
            poll = new Poll(c, poll.processingDeadline(), poll.maxItems());
        }
        if (cluster == null) cluster = new Cluster(null, null, null, null);
        if (dedup == null) dedup = new Dedup(0, null, 0);
        if (normalize == null) normalize = new Normalize(null);
        if (fulltext == null) fulltext = new Fulltext(0, 0, null);
        if (publish == null) publish = new Publish(null, null, null, false);
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
     * @param minScore the score two stories need to merge (text, names and figures agreement less
     *     the time apart; see README "How a merge is decided"); 0 means the default
     */
    public record Dedup(int maxDistance, Duration window, double minScore) {
        public Dedup {
            if (minScore <= 0) minScore = org.feedhub.dedup.DedupSettings.DEFAULTS.minScore();
            if (maxDistance <= 0)
                maxDistance = org.feedhub.dedup.DedupSettings.DEFAULTS.maxDistance();
            if (window == null) window = org.feedhub.dedup.DedupSettings.DEFAULTS.window();
        }
    }

    /**
     * @param lease how long a claim on a source lasts at most, even while its holder lives (a
     *     holder that hangs); a holder that is gone loses its claims sooner, see below
     * @param heartbeat how often each instance renews its heartbeat row
     * @param heartbeatTimeout after this long without a heartbeat, an instance on another host
     *     counts as gone and its claims are free (on the same host a gone process frees them at
     *     once)
     * @param host the name this instance gives its host in claims (blank: the machine's host name);
     *     instances that share a name must share a process table
     */
    public record Cluster(
            Duration lease, Duration heartbeat, Duration heartbeatTimeout, String host) {
        public Cluster {
            if (lease == null) lease = Duration.ofMinutes(5);
            if (heartbeat == null) heartbeat = Duration.ofSeconds(10);
            if (heartbeatTimeout == null) heartbeatTimeout = Duration.ofSeconds(30);
            if (host == null) host = "";
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

    /**
     * One source's poll: fetch, parse, normalize, identify, enrich.
     *
     * @param concurrency sources polled at once: whole polls, not only their HTTP requests
     * @param processingDeadline how long one source's body may take from parse to enrichment; past
     *     it the source is recorded as failed and the pass goes on
     * @param maxItems items taken from one feed per poll at most, the newest
     */
    public record Poll(int concurrency, Duration processingDeadline, int maxItems) {
        public static final int DEFAULT_CONCURRENCY = 16;

        public Poll {
            if (processingDeadline == null)
                processingDeadline = org.feedhub.pipeline.PipelineSettings.DEFAULT_DEADLINE;
            if (maxItems <= 0) maxItems = org.feedhub.pipeline.PipelineSettings.DEFAULT_MAX_ITEMS;
        }
    }

    /**
     * @param concurrency deprecated: the old name of {@code feedhub.poll.concurrency}, read when
     *     that is not set
     */
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
     * @param trustedProxies addresses (or CIDR ranges) of the reverse proxies whose {@code
     *     X-Forwarded-*} and {@code Forwarded} headers say the public host and scheme; from anyone
     *     else those headers are ignored. Empty (the default): trusted from nobody
     */
    public record Publish(
            Duration versionTtl,
            java.util.List<String> trustedProxies,
            String installId,
            boolean exportHub) {
        public Publish {
            if (versionTtl == null) versionTtl = Duration.ofSeconds(1);
            trustedProxies =
                    trustedProxies == null
                            ? java.util.List.of()
                            : java.util.List.copyOf(trustedProxies);
        }
    }
}
