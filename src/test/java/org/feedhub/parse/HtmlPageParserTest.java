package org.feedhub.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.feedhub.parse.ParseFixtures.at;

import org.junit.jupiter.api.Test;

/** Pages without a feed, scraped with the editor's selectors; and feed autodiscovery. */
class HtmlPageParserTest {
    private static final String PAGE_URL = "https://ledger.example/tag/sergei-lavrov";
    private final FeedParser parser = new FeedParser();

    private ParsedFeed scrape(HtmlSelectors sel) throws ParseException {
        return parser.parse(
                ParseFixtures.bytes("ledger-tag-page.html"),
                "text/html; charset=utf-8",
                PAGE_URL,
                sel);
    }

    private static HtmlSelectors sel(String title, String link, String summary, String date) {
        return new HtmlSelectors("article.story", title, link, summary, date);
    }

    @Test
    void scrapesItemsWithTitleLinkSummaryAndDate() throws Exception {
        ParsedFeed f = scrape(sel("h2.headline", "h2.headline a", ".dek", "time"));
        assertThat(f.title()).isEqualTo("Sergei Lavrov — The Ledger");
        assertThat(f.siteLink()).isEqualTo(PAGE_URL);
        assertThat(f.baseUrl()).isEqualTo(PAGE_URL);
        assertThat(f.items()).hasSize(4);
        ParsedItem first = f.items().get(0);
        assertThat(first.guid()).isNull();
        assertThat(first.title()).isEqualTo("Lavrov meets ministers in Geneva");
        assertThat(first.link()).isEqualTo("https://ledger.example/2018/04/12/lavrov-geneva");
        assertThat(first.summaryHtml())
                .isEqualTo("Talks ran late &amp; ended without a statement.");
        assertThat(first.published())
                .isEqualTo(at("2018-04-12T18:00:00Z")); // the datetime attribute, not the text
        assertThat(first.author()).isNull();
        assertThat(first.contentHtml()).isNull();
        assertThat(first.categories()).isEmpty();
    }

    @Test
    void relativeLinksAreResolvedAgainstThePageUrl() throws Exception {
        ParsedFeed f = scrape(sel("h2.headline", "h2.headline a", null, null));
        assertThat(f.items())
                .extracting(ParsedItem::link)
                .containsExactly(
                        "https://ledger.example/2018/04/12/lavrov-geneva",
                        "https://ledger.example/tag/second.html",
                        "https://elsewhere.example/third",
                        "https://medium.example/@ledger/profile-piece");
    }

    @Test
    void whitespaceInTextIsCollapsed() throws Exception {
        ParsedItem second =
                scrape(sel("h2.headline", "h2.headline a", ".dek", null)).items().get(1);
        assertThat(second.summaryHtml()).isEqualTo("Spaced out dek");
    }

    @Test
    void dateFormsFromPageText() throws Exception {
        ParsedFeed f = scrape(sel("h2.headline", "h2.headline a", null, ".date"));
        assertThat(f.items())
                .extracting(ParsedItem::published)
                .containsExactly(
                        null, // the first item has no .date
                        at("2018-04-12T00:00:00Z"), // "April 12, 2018"
                        at("2018-04-12T20:00:00Z"), // "12 Apr 2018 20:00"
                        at("2018-04-10T00:00:00Z")); // ISO date
    }

    @Test
    void timeElementWithoutDatetimeAttributeUsesItsText() throws Exception {
        ParsedFeed f = scrape(sel("h2.headline", "h2.headline a", null, "time"));
        assertThat(f.items())
                .extracting(ParsedItem::published)
                .containsExactly(
                        at("2018-04-12T18:00:00Z"),
                        at("2018-04-12T00:00:00Z"),
                        at("2018-04-12T20:00:00Z"),
                        null);
    }

    @Test
    void linkSelectorOnTheHeadingFindsTheAnchorInside() throws Exception {
        ParsedFeed f = scrape(sel("h2.headline", "h2.headline", null, null));
        assertThat(f.items().get(0).link())
                .isEqualTo("https://ledger.example/2018/04/12/lavrov-geneva");
    }

    @Test
    void attributeSelectorsTakeTheAttribute() throws Exception {
        ParsedFeed f =
                scrape(
                        sel(
                                "img.lead@data-story-id",
                                "a.permalink@data-href",
                                "img.lead@alt",
                                "time@datetime"));
        assertThat(f.items()).hasSize(1);
        ParsedItem item = f.items().get(0);
        assertThat(item.title()).isEqualTo("geneva-1");
        assertThat(item.link())
                .isEqualTo("https://ledger.example/archive/geneva"); // a link attribute is resolved
        assertThat(item.summaryHtml()).isEqualTo("The Palais des Nations");
        assertThat(item.published()).isEqualTo(at("2018-04-12T18:00:00Z"));
        assertThat(f.warnings())
                .containsExactly("5 of 6 items had no title or link and were skipped");
    }

    @Test
    void srcAttributeIsResolvedToo() throws Exception {
        ParsedFeed f = scrape(sel("h2.headline", "img.lead@src", null, null));
        assertThat(f.items())
                .extracting(ParsedItem::link)
                .containsExactly("https://ledger.example/tag/img/geneva.jpg");
    }

    @Test
    void atSignInsideAnAttributeSelectorIsPartOfTheSelector() throws Exception {
        // the config accepts this selector (only a trailing @name splits), so the parser must run
        // it the same way
        ParsedFeed f = scrape(sel("h2.headline", "a[href*=/@]", null, null));
        assertThat(f.items()).extracting(ParsedItem::title).containsExactly("Medium-style link");
        assertThat(f.items().get(0).link())
                .isEqualTo("https://medium.example/@ledger/profile-piece");
    }

    @Test
    void itemsWithoutTitleOrLinkAreSkippedWithAWarning() throws Exception {
        ParsedFeed f = scrape(sel("h2.headline", "h2.headline a", null, null));
        assertThat(f.items())
                .extracting(ParsedItem::title)
                .doesNotContain("Headline without a link");
        assertThat(f.warnings())
                .containsExactly("2 of 6 items had no title or link and were skipped");
    }

    @Test
    void itemSelectorMatchingNothingIsAParseException() {
        HtmlSelectors none = new HtmlSelectors("div.no-such-thing", "h2", "a", null, null);
        assertThatThrownBy(() -> scrape(none))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("div.no-such-thing")
                .hasMessageContaining("matched nothing");
    }

    @Test
    void invalidSelectorIsAParseExceptionNotACrash() {
        assertThatThrownBy(() -> scrape(new HtmlSelectors("article[", "h2", "a", null, null)))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("bad selector");
    }

    @Test
    void noItemWithBothTitleAndLinkIsAParseException() {
        // titles in five items, a link only in the one without a title
        assertThatThrownBy(() -> scrape(sel("h2.headline", "a[href=/no-title]", null, null)))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("no item had both a title");
    }

    @Test
    void aTitleOrLinkSelectorMatchingNothingIsNamed() {
        assertThatThrownBy(() -> scrape(sel("h3.nothing", "h2.headline a", null, null)))
                .isInstanceOf(ParseException.class)
                .hasMessage("selector title 'h3.nothing' matched nothing in any of the 6 items");
        assertThatThrownBy(() -> scrape(sel("h2.headline", "a.nothing", null, null)))
                .isInstanceOf(ParseException.class)
                .hasMessage("selector link 'a.nothing' matched nothing in any of the 6 items");
    }

    @Test
    void optionalSelectorsMatchingNothingAreWarnings() throws Exception {
        ParsedFeed f = scrape(sel("h2.headline", "h2.headline a", ".no-dek", ".no-date"));
        assertThat(f.items()).hasSize(4);
        assertThat(f.warnings())
                .containsExactly(
                        "2 of 6 items had no title or link and were skipped",
                        "selector summary '.no-dek' matched nothing in any of the 6 items",
                        "selector date '.no-date' matched nothing in any of the 6 items; stories are dated when first seen");
    }

    @Test
    void unreadableDatesAreCountedWithAnExample() throws Exception {
        // the first item's <time> says "Thursday evening" as text: read through its text, not its
        // datetime
        ParsedFeed f = scrape(sel("h2.headline", "h2.headline a", null, "time@title"));
        assertThat(f.warnings())
                .contains(
                        "selector date 'time@title' matched nothing in any of the 6 items; "
                                + "stories are dated when first seen");
        ParsedFeed g =
                parser.parse(
                        ("<html><body><div class=i><a href=/x>X</a><span>yesterday</span></div>"
                                        + "<div class=i><a href=/y>Y</a><span>April 12, 2018</span></div></body></html>")
                                .getBytes(UTF_8),
                        "text/html",
                        "https://s.example/",
                        new HtmlSelectors("div.i", "a", "a", null, "span"));
        assertThat(g.warnings())
                .containsExactly(
                        "1 of 2 dates could not be read (such as 'yesterday'); those stories are dated when first seen");
    }

    @Test
    void aTimeWithAnOffsetGivesTheZoneOfTheItemsOtherDates() throws Exception {
        String page =
                "<html><body><div class=i><a href=/x>X</a><time datetime='2018-04-12T20:00:00+03:00'></time>"
                        + "<span>12 Apr 2018 21:30</span></div></body></html>";
        ParsedFeed f =
                parser.parse(
                        page.getBytes(UTF_8),
                        "text/html",
                        "https://s.example/",
                        new HtmlSelectors("div.i", "a", "a", null, "span"));
        assertThat(f.items().get(0).published()).isEqualTo(at("2018-04-12T18:30:00Z"));
    }

    @Test
    void aTimezoneMetaGivesTheZoneOfThePage() throws Exception {
        String page =
                "<html><head><meta name='timezone' content='Europe/Moscow'></head><body>"
                        + "<div class=i><a href=/x>X</a><span>12 Apr 2018 21:30</span></div>"
                        + "<div class=i><a href=/y>Y</a><span>12 Jan 2011 21:30</span></div>" // Moscow was UTC+3 then
                        + "<div class=i><a href=/z>Z</a><span>12 Apr 2018 21:30 GMT</span></div></body></html>";
        ParsedFeed f =
                parser.parse(
                        page.getBytes(UTF_8),
                        "text/html",
                        "https://s.example/",
                        new HtmlSelectors("div.i", "a", "a", null, "span"));
        assertThat(f.items())
                .extracting(ParsedItem::published)
                .containsExactly(
                        at("2018-04-12T18:30:00Z"),
                        at("2011-01-12T18:30:00Z"),
                        at("2018-04-12T21:30:00Z"));
    }

    @Test
    void selectorsApplyEvenWhenTheBodyLooksLikeAFeed() throws Exception {
        // a source with html: is scraped, whatever the content looks like
        byte[] page =
                "<html><body><div class=i><a href=/x>X</a></div></body></html>".getBytes(UTF_8);
        ParsedFeed f =
                parser.parse(
                        page,
                        "application/rss+xml",
                        "https://s.example/",
                        new HtmlSelectors("div.i", "a", "a", null, null));
        assertThat(f.items()).extracting(ParsedItem::link).containsExactly("https://s.example/x");
    }

    @Test
    void autodiscoveryFindsTheAlternateFeedWithARelativeHref() {
        String feed =
                parser.discoverFeed(
                        ParseFixtures.bytes("autodiscovery-page.html"),
                        "text/html",
                        "https://some.example/blog/");
        assertThat(feed).isEqualTo("https://some.example/blog/feeds/all.rss");
    }

    @Test
    void autodiscoveryTakesAtomAndJsonFeedsToo() {
        String atom =
                "<!DOCTYPE html><html><head><link rel=\"ALTERNATE\" type=\"application/atom+xml\" href=\"/a.atom\"></head></html>";
        String json =
                "<!DOCTYPE html><html><head><link rel=\"alternate\" type=\"application/feed+json\" href=\"//cdn.example/f.json\"></head></html>";
        assertThat(parser.discoverFeed(atom.getBytes(UTF_8), "text/html", "https://s.example/x"))
                .isEqualTo("https://s.example/a.atom");
        assertThat(parser.discoverFeed(json.getBytes(UTF_8), "text/html", "https://s.example/x"))
                .isEqualTo("https://cdn.example/f.json");
    }

    @Test
    void autodiscoveryIgnoresAlternatesThatAreNotFeeds() {
        String page =
                "<!DOCTYPE html><html><head><link rel=\"alternate\" hreflang=\"fr\" href=\"/fr/\">"
                        + "<link rel=\"stylesheet\" type=\"text/css\" href=\"/rss.css\"></head></html>";
        assertThat(parser.discoverFeed(page.getBytes(UTF_8), "text/html", "https://s.example/"))
                .isNull();
    }

    @Test
    void autodiscoveryOnTheLoginPageFindsNothing() {
        assertThat(
                        parser.discoverFeed(
                                ParseFixtures.bytes("login.html"),
                                "text/html",
                                "https://s.example/"))
                .isNull();
    }

    @Test
    void autodiscoveryNeverSendsAWebPageToALocalFile() {
        String page =
                "<!DOCTYPE html><html><head>"
                        + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"file:///etc/passwd\"></head></html>";
        assertThat(parser.discoverFeed(page.getBytes(UTF_8), "text/html", "https://s.example/"))
                .isNull();
    }

    @Test
    void autodiscoveryOnALocalSamplePageMayPointAtALocalFeed() {
        String page =
                "<!DOCTYPE html><html><head>"
                        + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"feed.rss\"></head></html>";
        assertThat(
                        parser.discoverFeed(
                                page.getBytes(UTF_8),
                                "text/html",
                                "file:/srv/feedhub/samples/page.html"))
                .isEqualTo("file:/srv/feedhub/samples/feed.rss");
    }
}
