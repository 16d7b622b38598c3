package org.feedhub;

import static org.feedhub.InvalidSetting.atLeast;
import static org.feedhub.InvalidSetting.notBlank;
import static org.feedhub.InvalidSetting.notNegative;
import static org.feedhub.InvalidSetting.positive;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code feedhub.*} settings (besides {@code feedhub.hub.*} and {@code feedhub.websub.*}). Each
 * default is written once: in a {@link DefaultValue} here, or, where a stage owns a tuned value, in
 * that stage's settings record, which the constructor below reads when the setting is absent. A
 * value that is present but wrong stops start-up with an {@link InvalidSetting} naming it. The
 * README's settings table is generated from these records ({@code SettingsTableTest}).
 */
@ConfigurationProperties("feedhub")
public record FeedhubProperties(
        @Doc("the editors' file") @DefaultValue("feeds.yml") String feeds,
        @Doc(
                        value =
                                "public URL for self links and `export`; its host names the entry"
                                        + " ids. Empty: the request's host (and a trusted proxy's"
                                        + " `X-Forwarded-*`)",
                        whenEmpty = "(from the request)")
                @DefaultValue("")
                String baseUrl,
        @DefaultValue Publish publish,
        @DefaultValue Schedule schedule,
        @DefaultValue Fetch fetch,
        @DefaultValue Poll poll,
        @DefaultValue Cluster cluster,
        @DefaultValue Dedup dedup,
        @DefaultValue Normalize normalize,
        @DefaultValue Fulltext fulltext,
        @DefaultValue Tags tags,
        @Doc(
                        "on SIGTERM, how long the sources in flight get to finish before the pass"
                                + " is stopped and their claims given back")
                @DefaultValue("20s")
                Duration stopWait) {

    public FeedhubProperties {
        notBlank("feedhub.feeds", feeds);
        baseUrl = baseUrl.strip();
        notNegative("feedhub.stop-wait", stopWait);
        // feedhub.fetch.concurrency is the old name of feedhub.poll.concurrency (deprecated)
        if (poll.concurrency() == null) {
            poll =
                    new Poll(
                            fetch.concurrency() != null
                                    ? fetch.concurrency()
                                    : Poll.DEFAULT_CONCURRENCY,
                            poll.processingDeadline(),
                            poll.maxItems());
        }
    }

    public record Publish(
            @Doc(
                            value =
                                    "names the entry ids when `base-url` is empty: a DNS name or"
                                            + " e-mail address you control (`news.example.org`);"
                                            + " set it (or `base-url`) to keep ids across a"
                                            + " rebuilt database",
                            whenEmpty = "(generated, kept in the database)")
                    @DefaultValue("")
                    String installId,
            @Doc(
                            "`true`: `export` names `base-url/hub` as the feeds' WebSub hub (only"
                                    + " when a feedhub server answers there)")
                    @DefaultValue("false")
                    boolean exportHub,
            @Doc(
                            "how long a topic's change counter is trusted before the database is"
                                    + " asked again: a pass of the same instance shows at once,"
                                    + " another instance's within this time")
                    @DefaultValue("1s")
                    Duration versionTtl,
            @Doc(
                            value =
                                    "addresses or CIDR ranges (`10.0.0.0/8`, `::1`) of the reverse"
                                            + " proxies whose `Forwarded` / `X-Forwarded-Host`,"
                                            + " `-Proto`, `-Port` headers give the public URL; from"
                                            + " any other client they are ignored",
                            whenEmpty = "(none)")
                    @DefaultValue
                    List<String> trustedProxies,
            @Doc(
                            value =
                                    "threads answering requests at once; more are added only while"
                                            + " all of them are stuck (slow clients, a slow"
                                            + " database), up to `server.tomcat.threads.max`; `0`:"
                                            + " Tomcat's own pool, a thread per waiting request",
                            whenEmpty = "(the number of CPU cores, at least 2)")
                    Integer workers) {
        public Publish {
            installId = installId.strip();
            if (workers != null) atLeast("feedhub.publish.workers", workers, 0);
            notNegative("feedhub.publish.version-ttl", versionTtl);
            trustedProxies =
                    trustedProxies.stream().filter(p -> !p.isBlank()).map(String::strip).toList();
        }
    }

    public record Schedule(
            @Doc("`false`: the server never polls by itself (passes only through `aggregate`)")
                    @DefaultValue("true")
                    boolean enabled,
            @Doc("how often the server looks for due sources and re-reads feeds.yml")
                    @DefaultValue("30s")
                    Duration tick,
            @Doc("delay of the first pass after start-up") @DefaultValue("0s")
                    Duration initialDelay) {
        public Schedule {
            positive("feedhub.schedule.tick", tick);
            notNegative("feedhub.schedule.initial-delay", initialDelay);
        }
    }

    public record Fetch(
            @Doc("TCP connect timeout") @DefaultValue("5s") Duration connectTimeout,
            @Doc("whole-response timeout") @DefaultValue("20s") Duration responseTimeout,
            @Doc("cap on a response body, after decompression") @DefaultValue("10MB")
                    DataSize maxBodySize,
            @Doc("redirect hops followed") @DefaultValue("5") int maxRedirects,
            @Doc("sources fetched at once from one host") @DefaultValue("2") int perHost,
            @Doc("allow sources and WebSub callbacks on loopback or private addresses")
                    @DefaultValue("false")
                    boolean allowPrivateNetworks,
            @Doc(
                            value = "the User-Agent sent (also to WebSub hubs and callbacks)",
                            whenEmpty = "`feedhub/VERSION (+https://github.com/feedhub/feedhub)`")
                    @DefaultValue("")
                    String userAgent,
            @Doc(
                            value =
                                    "deprecated: the old name of `feedhub.poll.concurrency`, read"
                                            + " when that is not set",
                            whenEmpty = "(unset)")
                    Integer concurrency) {
        public Fetch {
            positive("feedhub.fetch.connect-timeout", connectTimeout);
            positive("feedhub.fetch.response-timeout", responseTimeout);
            positive("feedhub.fetch.max-body-size", maxBodySize);
            atLeast("feedhub.fetch.max-redirects", maxRedirects, 0);
            atLeast("feedhub.fetch.per-host", perHost, 1);
            userAgent = userAgent.strip();
            if (concurrency != null) atLeast("feedhub.fetch.concurrency", concurrency, 1);
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

        /** The User-Agent of every request feedhub makes. */
        public String userAgentOrDefault() {
            return userAgent.isEmpty()
                    ? org.feedhub.fetch.FetchSettings.DEFAULT_USER_AGENT
                    : userAgent;
        }
    }

    /** One source's poll: fetch, parse, normalize, identify, enrich. */
    public record Poll(
            @Doc(
                            "sources polled at once (a whole poll: fetch to enrich);"
                                    + " `feedhub.fetch.concurrency`, its old name, is still read"
                                    + " when this is not set")
                    Integer concurrency,
            @Doc(
                            "how long one source's body may take from parse to enrichment"
                                    + " (full-text page fetches not counted); past it the source is"
                                    + " recorded as failed with one line and the pass goes on")
                    Duration processingDeadline,
            @Doc(
                            "items taken from one feed per poll, the newest (by date; undated"
                                    + " items count as oldest); the pass report notes the cut")
                    Integer maxItems) {
        /** Here, not in a {@link DefaultValue}: the old name is read when this one is absent. */
        public static final int DEFAULT_CONCURRENCY = 16;

        public Poll {
            if (concurrency != null) atLeast("feedhub.poll.concurrency", concurrency, 1);
            if (processingDeadline == null)
                processingDeadline = org.feedhub.pipeline.PipelineSettings.DEFAULT_DEADLINE;
            positive("feedhub.poll.processing-deadline", processingDeadline);
            if (maxItems == null)
                maxItems = org.feedhub.pipeline.PipelineSettings.DEFAULT_MAX_ITEMS;
            atLeast("feedhub.poll.max-items", maxItems, 1);
        }
    }

    public record Cluster(
            @Doc(
                            "a claim on a source lasts at most this long, even while its holder"
                                    + " lives (a holder that hangs)")
                    @DefaultValue("5m")
                    Duration lease,
            @Doc(
                            "how often each instance (server or sub-command) renews its row in"
                                    + " `instance_heartbeat`")
                    @DefaultValue("10s")
                    Duration heartbeat,
            @Doc(
                            "an instance on another host whose heartbeat is this old is gone: its"
                                    + " claims are free (on the same host a gone process frees them"
                                    + " at once)")
                    @DefaultValue("30s")
                    Duration heartbeatTimeout,
            @Doc(
                            value =
                                    "this instance's host name in claims; instances that share a"
                                            + " name must share a process table",
                            whenEmpty = "the machine's host name")
                    @DefaultValue("")
                    String host) {
        public Cluster {
            positive("feedhub.cluster.lease", lease);
            positive("feedhub.cluster.heartbeat", heartbeat);
            positive("feedhub.cluster.heartbeat-timeout", heartbeatTimeout);
            host = host.strip();
        }
    }

    /** Absent values are the dedup stage's tuned ones ({@link org.feedhub.dedup.DedupSettings}). */
    public record Dedup(
            @Doc(
                            "the score two stories need to merge: text, names and figures"
                                    + " agreement less the time apart (see \"How a merge is"
                                    + " decided\")")
                    Double minScore,
            @Doc(
                            "wording-only lookup (no names or figures known): how many of the 64"
                                    + " MinHash slots may differ (48 ≈ a shingle similarity of"
                                    + " 0.25)")
                    Integer maxDistance,
            @Doc("only stories published this close together are compared") Duration window,
            @Doc(
                            value =
                                    "stories held in memory for near-duplicate lookups at most;"
                                            + " past it the oldest published are dropped from"
                                            + " comparison (logged), so a window too large for"
                                            + " the heap weakens deduplication instead of running"
                                            + " out of memory",
                            whenEmpty =
                                    "(a third of the heap, at 1 KB a story: 87,381 at -Xmx256m)")
                    Integer maxStories) {
        public Dedup {
            var tuned = org.feedhub.dedup.DedupSettings.DEFAULTS;
            if (minScore == null) minScore = tuned.minScore();
            if (maxDistance == null) maxDistance = tuned.maxDistance();
            if (window == null) window = tuned.window();
            if (!(minScore > 0 && minScore < 10))
                throw new InvalidSetting("feedhub.dedup.min-score", minScore, "must be in (0, 10)");
            int slots = org.feedhub.dedup.Fingerprint.SLOTS;
            if (maxDistance < 0 || maxDistance >= slots)
                throw new InvalidSetting(
                        "feedhub.dedup.max-distance", maxDistance, "must be 0 to " + (slots - 1));
            notNegative("feedhub.dedup.window", window);
            if (maxStories != null && maxStories < 1)
                throw new InvalidSetting(
                        "feedhub.dedup.max-stories", maxStories, "must be at least 1");
        }

        /** {@link #maxStories}, or its default for a heap of {@code maxHeapBytes}. */
        public int maxStoriesFor(long maxHeapBytes) {
            return maxStories != null
                    ? maxStories
                    : org.feedhub.dedup.NearDuplicateIndex.defaultCap(maxHeapBytes);
        }

        public org.feedhub.dedup.DedupSettings settings() {
            return new org.feedhub.dedup.DedupSettings(maxDistance, window, minScore);
        }
    }

    public record Normalize(
            @Doc(
                            value =
                                    "query parameters removed from story links, besides the"
                                            + " built-in `utm_*`, `fbclid`, `gclid`, `dclid`,"
                                            + " `msclkid`, `mc_cid`, `mc_eid`, `igshid`, `ref_src`,"
                                            + " `_hsenc`, `_hsmi`, `yclid`; case-insensitive, `pk_*`"
                                            + " is a prefix",
                            whenEmpty = "(none)")
                    @DefaultValue
                    List<String> stripParams) {
        public Normalize {
            stripParams =
                    stripParams.stream().filter(p -> !p.isBlank()).map(String::strip).toList();
        }
    }

    /**
     * For sources with {@code fulltext:} in feeds.yml; absent values are the stage's ({@link
     * org.feedhub.fulltext.FullTextSettings#DEFAULTS}).
     */
    public record Fulltext(
            @Doc(
                            "article pages fetched per `fulltext:` source and pass at most (pages"
                                    + " fetched before are reused)")
                    Integer maxArticles,
            @Doc("stories whose feed text is at least this many characters are not fetched")
                    Integer minFeedText,
            @Doc("no new article fetch starts after this long on one source") Duration timeBudget) {
        public Fulltext {
            var stage = org.feedhub.fulltext.FullTextSettings.DEFAULTS;
            if (maxArticles == null) maxArticles = stage.maxArticles();
            if (minFeedText == null) minFeedText = stage.minFeedText();
            if (timeBudget == null) timeBudget = stage.timeBudget();
            atLeast("feedhub.fulltext.max-articles", maxArticles, 0);
            atLeast("feedhub.fulltext.min-feed-text", minFeedText, 0);
            notNegative("feedhub.fulltext.time-budget", timeBudget);
        }

        public org.feedhub.fulltext.FullTextSettings settings() {
            return new org.feedhub.fulltext.FullTextSettings(maxArticles, minFeedText, timeBudget);
        }
    }

    public record Tags(
            @Doc(
                            "`true`: names a story keeps mentioning (people, places, organisations)"
                                    + " become tags (see \"Entity tags\" in the editors' guide)")
                    @DefaultValue("false")
                    boolean entities) {}
}
