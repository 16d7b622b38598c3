package org.feedhub.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.feedhub.config.FullText;
import org.feedhub.config.SourceDef;
import org.feedhub.fetch.FetchRequest;
import org.feedhub.fetch.FetchResult;
import org.feedhub.fetch.Fetcher;
import org.feedhub.parse.ParsedFeed;
import org.feedhub.parse.ParsedItem;
import org.junit.jupiter.api.Test;

/**
 * Which stories get their page fetched, what of the page they keep, and what happens when a page
 * fails.
 */
class FullTextFetcherTest {

    static final String ARTICLE =
            """
            <html><head><title>Page title</title>
            <meta property="og:title" content="From the page">
            <meta property="og:description" content="What the page says about itself.">
            <meta property="article:published_time" content="2018-07-12T09:15:00+03:00">
            <meta name="author" content="Page Author">
            <link rel="canonical" href="https://site.test/canonical/story"></head>
            <body><nav><a href="/">Home</a></nav><article>
            <p>First paragraph of the article, long enough to count as text, with a comma, and another one.</p>
            <p>Second paragraph of the article, <a href="/more">with a relative link</a>, also long enough to count.</p>
            </article><footer>Footer text that is not the article, not at all, never.</footer></body></html>
            """;

    /** Serves pages by URL and records what was asked. */
    static final class Pages implements Fetcher {
        final Map<String, FetchResult> pages = new HashMap<>();
        final List<String> requested = new ArrayList<>();

        Pages page(String url, String html) {
            pages.put(
                    url,
                    FetchResult.ok(
                            200,
                            url,
                            html.getBytes(StandardCharsets.UTF_8),
                            "text/html; charset=utf-8"));
            return this;
        }

        @Override
        public FetchResult fetch(FetchRequest request) {
            requested.add(request.url());
            return pages.getOrDefault(
                    request.url(), FetchResult.failed(404, request.url(), "HTTP 404"));
        }
    }

    static SourceDef source(FullText fulltext) {
        return new SourceDef(
                "s",
                "https://site.test/feed.rss",
                null,
                Duration.ofMinutes(15),
                List.of(),
                null,
                fulltext);
    }

    static ParsedItem item(String link, String title, String content) {
        return new ParsedItem(null, link, title, null, null, null, null, content, List.of());
    }

    static ParsedFeed feed(ParsedItem... items) {
        return new ParsedFeed(
                "Feed",
                "https://site.test/",
                "https://site.test/feed.rss",
                List.of(items),
                List.of("from the parser"));
    }

    @Test
    void aShortItemGetsTheArticleBodyWithAbsoluteLinks() {
        Pages pages = new Pages().page("https://site.test/a", ARTICLE);
        ParsedFeed out =
                new FullTextFetcher(pages, FullTextSettings.DEFAULTS)
                        .complete(
                                feed(item("/a", "Feed title", "<p>Teaser.</p>")),
                                source(FullText.AUTO));
        ParsedItem a = out.items().get(0);
        assertThat(a.contentHtml())
                .contains(
                        "First paragraph of the article",
                        "Second paragraph",
                        "href=\"https://site.test/more\"")
                .doesNotContain("Home", "Footer");
        assertThat(a.title()).isEqualTo("Feed title"); // the feed's own title wins
        assertThat(a.link()).isEqualTo("/a"); // links are identity: never replaced
        assertThat(a.published())
                .isEqualTo(Instant.parse("2018-07-12T06:15:00Z")); // the feed had none
        assertThat(a.author()).isEqualTo("Page Author");
        assertThat(a.summaryHtml()).isEqualTo("What the page says about itself.");
        assertThat(out.warnings()).containsExactly("from the parser");
        assertThat(pages.requested).containsExactly("https://site.test/a");
    }

    @Test
    void anItemWithEnoughTextIsLeftAlone() {
        Pages pages = new Pages().page("https://site.test/a", ARTICLE);
        ParsedItem full = item("https://site.test/a", "T", "<p>" + "word ".repeat(120) + "</p>");
        ParsedFeed out =
                new FullTextFetcher(pages, FullTextSettings.DEFAULTS)
                        .complete(feed(full), source(FullText.AUTO));
        assertThat(out.items().get(0)).isSameAs(full);
        assertThat(pages.requested).isEmpty();
    }

    @Test
    void aSourceWithoutFulltextIsNotTouched() {
        Pages pages = new Pages();
        ParsedFeed in = feed(item("https://site.test/a", "T", null));
        assertThat(new FullTextFetcher(pages, FullTextSettings.DEFAULTS).complete(in, source(null)))
                .isSameAs(in);
        assertThat(pages.requested).isEmpty();
    }

    @Test
    void aFailedPageKeepsTheFeedTextWithAWarning() {
        Pages pages = new Pages().page("https://site.test/a", ARTICLE);
        ParsedItem broken =
                item("https://site.test/gone", "Gone", "<p>Teaser of the gone one.</p>");
        ParsedFeed out =
                new FullTextFetcher(pages, FullTextSettings.DEFAULTS)
                        .complete(
                                feed(broken, item("https://site.test/a", "A", null)),
                                source(FullText.AUTO));
        assertThat(out.items().get(0)).isSameAs(broken);
        assertThat(out.items().get(1).contentHtml()).contains("First paragraph");
        assertThat(out.warnings())
                .containsExactly(
                        "from the parser",
                        "full text: 1 of 2 article pages could not be "
                                + "fetched (https://site.test/gone: HTTP 404); those stories keep the feed's text");
    }

    @Test
    void aPageThatIsNotHtmlIsAFailure() {
        Pages pages = new Pages();
        pages.pages.put(
                "https://site.test/report.pdf",
                FetchResult.ok(
                        200,
                        "https://site.test/report.pdf",
                        "%PDF-1.4".getBytes(StandardCharsets.US_ASCII),
                        "application/pdf"));
        ParsedFeed out =
                new FullTextFetcher(pages, FullTextSettings.DEFAULTS)
                        .complete(
                                feed(item("https://site.test/report.pdf", "Report", null)),
                                source(FullText.AUTO));
        assertThat(out.items().get(0).contentHtml()).isNull();
        assertThat(out.warnings()).last().asString().contains("not a web page (application/pdf)");
    }

    @Test
    void atMostMaxArticlesPagesPerPassAndCachedPagesAreFree() {
        Pages pages = new Pages();
        List<ParsedItem> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pages.page("https://site.test/" + i, ARTICLE);
            items.add(item("https://site.test/" + i, "T" + i, null));
        }
        FullTextFetcher ft =
                new FullTextFetcher(pages, new FullTextSettings(2, 500, Duration.ofMinutes(1)));
        ParsedFeed first =
                ft.complete(feed(items.toArray(ParsedItem[]::new)), source(FullText.AUTO));
        assertThat(first.items())
                .extracting(ParsedItem::contentHtml)
                .filteredOn(c -> c != null)
                .hasSize(2);
        assertThat(first.warnings())
                .contains(
                        "full text: 3 more stories keep the feed's text this pass "
                                + "(at most 2 article pages are fetched per source and pass)");
        ParsedFeed second =
                ft.complete(feed(items.toArray(ParsedItem[]::new)), source(FullText.AUTO));
        assertThat(second.items())
                .extracting(ParsedItem::contentHtml)
                .filteredOn(c -> c != null)
                .hasSize(4);
        ParsedFeed third =
                ft.complete(feed(items.toArray(ParsedItem[]::new)), source(FullText.AUTO));
        assertThat(third.items())
                .extracting(ParsedItem::contentHtml)
                .allMatch(c -> c != null && c.contains("First paragraph"));
        assertThat(third.warnings()).containsExactly("from the parser");
        assertThat(pages.requested).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void noFetchStartsAfterTheTimeBudget() {
        Pages pages =
                new Pages()
                        .page("https://site.test/a", ARTICLE)
                        .page("https://site.test/b", ARTICLE);
        FullTextFetcher ft =
                new FullTextFetcher(pages, new FullTextSettings(20, 500, Duration.ZERO));
        ParsedFeed out =
                ft.complete(
                        feed(
                                item("https://site.test/a", "A", null),
                                item("https://site.test/b", "B", null)),
                        source(FullText.AUTO));
        assertThat(pages.requested).hasSizeLessThanOrEqualTo(1);
        assertThat(out.warnings())
                .last()
                .asString()
                .startsWith("full text: stopped fetching article pages after 0 s;");
    }

    @Test
    void theEditorsSelectorIsUsedAndAMissReported() {
        Pages pages =
                new Pages()
                        .page("https://site.test/a", ARTICLE)
                        .page(
                                "https://site.test/b",
                                "<html><body><div class=story-body><p>Only this.</p></div>"
                                        + "<div><p>Not this paragraph, which is longer, and has commas, and more words.</p></div></body></html>");
        ParsedFeed out =
                new FullTextFetcher(pages, FullTextSettings.DEFAULTS)
                        .complete(
                                feed(
                                        item("https://site.test/b", "B", null),
                                        item("https://site.test/a", "A", null)),
                                source(new FullText(".story-body")));
        assertThat(out.items().get(0).contentHtml())
                .contains("Only this.")
                .doesNotContain("Not this");
        assertThat(out.items().get(1).contentHtml()).contains("First paragraph"); // guessed
        assertThat(out.warnings())
                .last()
                .asString()
                .isEqualTo(
                        "full text: selector '.story-body' matched nothing on 1 of "
                                + "2 article pages (such as https://site.test/a); their main content was guessed");
    }

    @Test
    void anItemWithOnlyAPermalinkGuidIsFetchedAndTakesTheCanonicalLinkAndTitle() {
        Pages pages = new Pages().page("https://site.test/p/1", ARTICLE);
        ParsedItem guidOnly =
                new ParsedItem(
                        "https://site.test/p/1",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of());
        ParsedItem out =
                new FullTextFetcher(pages, FullTextSettings.DEFAULTS)
                        .complete(feed(guidOnly), source(FullText.AUTO))
                        .items()
                        .get(0);
        assertThat(out.guid()).isEqualTo("https://site.test/p/1");
        assertThat(out.link()).isEqualTo("https://site.test/canonical/story");
        assertThat(out.title()).isEqualTo("From the page");
    }

    @Test
    void onlyWebLinksAreFetchedAndFileLinksOnlyForLocalSources() {
        assertThat(
                        FullTextFetcher.pageUrl(
                                item("javascript:alert(1)", "x", null), "https://s.test/", false))
                .isNull();
        assertThat(
                        FullTextFetcher.pageUrl(
                                item("file:///etc/passwd", "x", null), "https://s.test/", false))
                .isNull();
        assertThat(
                        FullTextFetcher.pageUrl(
                                item("story.html", "x", null), "file:/srv/samples/feed.rss", true))
                .isEqualTo("file:/srv/samples/story.html");
        assertThat(
                        FullTextFetcher.pageUrl(
                                item("//cdn.test/x", "x", null), "https://s.test/feed", false))
                .isEqualTo("https://cdn.test/x");
        assertThat(
                        FullTextFetcher.pageUrl(
                                new ParsedItem(
                                        "tag:s.test,2018:1",
                                        null,
                                        "t",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        List.of()),
                                "https://s.test/",
                                false))
                .isNull();
    }

    @Test
    void extractedTextShorterThanTheFeedsKeepsTheFeeds() {
        Pages pages =
                new Pages().page("https://site.test/a", "<html><body><p>Tiny.</p></body></html>");
        ParsedItem it =
                item(
                        "https://site.test/a",
                        "A",
                        "<p>The feed's own teaser, longer than the page's.</p>");
        ParsedItem out =
                new FullTextFetcher(pages, FullTextSettings.DEFAULTS)
                        .complete(feed(it), source(FullText.AUTO))
                        .items()
                        .get(0);
        assertThat(out.contentHtml()).isEqualTo(it.contentHtml());
    }

    @Test
    void theArticleCacheIsBoundedBySizeNotCount() {
        // 120 articles of ~150,000 characters: 18 M characters, more than the cache may hold
        String body =
                "<p>" + "Long text of the article, sentence after sentence. ".repeat(2900) + "</p>";
        Pages pages = new Pages();
        List<ParsedItem> items = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String url = "https://site.test/big/" + i;
            pages.page(url, "<html><body><article>" + body + "</article></body></html>");
            items.add(item(url, "T" + i, "<p>Teaser.</p>"));
        }
        FullTextFetcher fetcher =
                new FullTextFetcher(pages, new FullTextSettings(1000, 500, Duration.ofMinutes(10)));
        fetcher.complete(feed(items.toArray(ParsedItem[]::new)), source(FullText.AUTO));
        assertThat(pages.requested).hasSize(120);
        assertThat(fetcher.cachedChars())
                .isPositive()
                .isLessThanOrEqualTo(FullTextFetcher.CACHE_CHARS);
    }
}
