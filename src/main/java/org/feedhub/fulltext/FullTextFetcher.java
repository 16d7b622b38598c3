package org.feedhub.fulltext;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.feedhub.config.FullText;
import org.feedhub.config.SourceDef;
import org.feedhub.fetch.FetchRequest;
import org.feedhub.fetch.FetchResult;
import org.feedhub.fetch.Fetcher;
import org.feedhub.normalize.HtmlText;
import org.feedhub.parse.Charsets;
import org.feedhub.parse.FeedParser;
import org.feedhub.parse.ParsedFeed;
import org.feedhub.parse.ParsedItem;
import org.jsoup.nodes.Entities;

/**
 * Full text for a source with {@code fulltext:} in feeds.yml: each story whose feed text is short
 * is completed from its own page, fetched with the source's fetcher (so with the same politeness
 * and safety: per-host limit, private-address guard, size cap, timeouts) and reduced to its article
 * body by {@link ArticleExtractor}. The page's metadata fills what the feed left out (title, date,
 * author, summary; the link when the feed gave only a permalink guid). Stories whose page cannot be
 * fetched keep the feed's text, with a warning.
 *
 * <p>Article pages already extracted by this process are reused without a fetch (a bounded cache),
 * so a story is fetched once, not on every pass; at most {@link FullTextSettings#maxArticles()}
 * pages are fetched per source and pass, and none after {@link FullTextSettings#timeBudget()}: the
 * rest are completed on later passes.
 */
public final class FullTextFetcher {
    private static final int CACHE_MAX_CHARS = 200_000;

    /** What the article cache may hold, in characters of HTML (about twice as many bytes). */
    static final long CACHE_CHARS = 16L << 20;

    private final Fetcher fetcher;
    private final FullTextSettings settings;
    private final com.github.benmanes.caffeine.cache.Cache<String, Article> cache =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumWeight(CACHE_CHARS)
                    .<String, Article>weigher(
                            (url, a) -> url.length() + a.contentHtml().length() + 256)
                    .build();

    /** Characters the article cache holds now (for tests of its bound). */
    long cachedChars() {
        cache.cleanUp();
        return cache.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    public FullTextFetcher(Fetcher fetcher, FullTextSettings settings) {
        this.fetcher = fetcher;
        this.settings = settings == null ? FullTextSettings.DEFAULTS : settings;
    }

    /**
     * The feed with its short items completed from their pages, and warnings for what could not be.
     */
    public ParsedFeed complete(ParsedFeed feed, SourceDef source) {
        FullText spec = source.fulltext();
        if (spec == null) return feed;
        boolean localSource = source.url().regionMatches(true, 0, "file:", 0, 5);
        long started = System.nanoTime();
        long budget = settings.timeBudget().toNanos();
        List<ParsedItem> items = new ArrayList<>(feed.items().size());
        int fetched = 0, capped = 0, late = 0, failed = 0, empty = 0, selectorMisses = 0, pages = 0;
        String firstFailure = null, firstEmpty = null, firstMiss = null;
        for (ParsedItem item : feed.items()) {
            int feedText = HtmlText.text(body(item)).length();
            String url =
                    feedText < settings.minFeedText()
                            ? pageUrl(item, feed.baseUrl(), localSource)
                            : null;
            if (url == null) {
                items.add(item);
                continue;
            }
            String key = url + "\n" + spec.selector();
            Article article = cache.getIfPresent(key);
            String finalUrl = url;
            if (article == null) {
                if (fetched >= settings.maxArticles()) {
                    capped++;
                    items.add(item);
                    continue;
                }
                if (System.nanoTime() - started > budget) {
                    late++;
                    items.add(item);
                    continue;
                }
                fetched++;
                FetchResult r = fetcher.fetch(FetchRequest.of(url));
                String problem = r.ok() ? notHtml(r) : r.error();
                if (problem != null) {
                    failed++;
                    if (firstFailure == null) firstFailure = url + ": " + problem;
                    items.add(item);
                    continue;
                }
                finalUrl = r.finalUrl() == null ? url : r.finalUrl();
                article =
                        ArticleExtractor.extract(
                                Charsets.decode(r.body(), r.contentType()),
                                finalUrl,
                                spec.selector());
                if (!article.warnings().isEmpty()) {
                    selectorMisses++;
                    if (firstMiss == null) firstMiss = url;
                }
                if (article.contentHtml().length() <= CACHE_MAX_CHARS) cache.put(key, article);
            }
            pages++;
            if (HtmlText.text(article.contentHtml()).isEmpty()) {
                empty++;
                if (firstEmpty == null) firstEmpty = url;
            }
            items.add(merge(item, article, feedText, finalUrl));
        }
        List<String> warnings = new ArrayList<>(feed.warnings());
        if (failed > 0) {
            warnings.add(
                    "full text: "
                            + failed
                            + " of "
                            + fetched
                            + " article pages could not be fetched ("
                            + firstFailure
                            + "); those stories keep the feed's text");
        }
        if (empty > 0) {
            warnings.add(
                    "full text: no article text found on "
                            + empty
                            + " of "
                            + pages
                            + " pages (such as "
                            + firstEmpty
                            + "); those stories keep the feed's text");
        }
        if (selectorMisses > 0) {
            warnings.add(
                    "full text: selector '"
                            + spec.selector()
                            + "' matched nothing on "
                            + selectorMisses
                            + " of "
                            + fetched
                            + " article pages (such as "
                            + firstMiss
                            + "); their main content was guessed");
        }
        if (capped > 0) {
            warnings.add(
                    "full text: "
                            + capped
                            + " more stories keep the feed's text this pass (at most "
                            + settings.maxArticles()
                            + " article pages are fetched per source and pass)");
        }
        if (late > 0) {
            warnings.add(
                    "full text: stopped fetching article pages after "
                            + settings.timeBudget().toSeconds()
                            + " s; "
                            + late
                            + " stories keep the feed's text this pass");
        }
        return feed.withItems(items, warnings);
    }

    /**
     * What the item carries as its body: the fuller of content and summary, as the normalizer takes
     * it.
     */
    private static String body(ParsedItem item) {
        return item.contentHtml() != null && !item.contentHtml().isBlank()
                ? item.contentHtml()
                : item.summaryHtml();
    }

    /**
     * The page to fetch: the item's link, else a guid that is a URL (an RSS permalink guid),
     * absolute; only http(s), or {@code file:} for a source that is itself a local file (the
     * samples).
     */
    static String pageUrl(ParsedItem item, String baseUrl, boolean localSource) {
        String raw =
                item.link() != null && !item.link().isBlank()
                        ? item.link().strip()
                        : item.guid() != null && item.guid().strip().matches("(?i)https?://\\S+")
                                ? item.guid().strip()
                                : null;
        if (raw == null) return null;
        try {
            URI u = baseUrl == null ? new URI(raw) : new URI(baseUrl).resolve(new URI(raw));
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("http") || scheme.equals("https"))
                return u.getHost() == null ? null : u.toString();
            return localSource && scheme.equals("file") ? u.toString() : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String notHtml(FetchResult r) {
        String type = r.contentType() == null ? "" : r.contentType().toLowerCase(Locale.ROOT);
        if (type.contains("html")) return null;
        if (!type.isEmpty() && !type.startsWith("text/") && !type.contains("xml")) {
            return "not a web page (" + type.replaceAll(";.*", "").strip() + ")";
        }
        String head =
                new String(
                        r.body(),
                        0,
                        Math.min(r.body().length, 4096),
                        java.nio.charset.StandardCharsets.ISO_8859_1);
        return FeedParser.detect(head) == FeedParser.Kind.HTML ? null : "not a web page";
    }

    /**
     * The item with the article's body when it is the fuller text, and the page's metadata where
     * the feed had none.
     */
    private static ParsedItem merge(ParsedItem item, Article a, int feedText, String finalUrl) {
        String content = item.contentHtml();
        if (HtmlText.text(a.contentHtml()).length() > feedText) content = a.contentHtml();
        String title = item.title() != null && !item.title().isBlank() ? item.title() : a.title();
        String link =
                item.link() != null && !item.link().isBlank()
                        ? item.link()
                        : a.canonicalUrl() != null ? a.canonicalUrl() : finalUrl;
        String summary =
                item.summaryHtml() != null && !item.summaryHtml().isBlank()
                        ? item.summaryHtml()
                        : a.description() == null ? null : Entities.escape(a.description());
        return new ParsedItem(
                item.guid(),
                link,
                title,
                item.author() != null ? item.author() : a.author(),
                item.published() != null ? item.published() : a.published(),
                item.updated(),
                summary,
                content,
                item.categories());
    }
}
