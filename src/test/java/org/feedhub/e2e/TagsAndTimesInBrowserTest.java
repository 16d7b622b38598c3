package org.feedhub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.feedhub.config.FeedsConfig;
import org.feedhub.publish.Site;
import org.feedhub.publish.StaticExport;
import org.feedhub.publish.TagSlug;
import org.feedhub.publish.TopicFeeds;
import org.feedhub.store.FeedQueries;
import org.feedhub.store.SourceStore;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Relative times and tag links as a reader meets them in Chromium: a WireMock source with four
 * stories (published about 3 hours, a day, two days and eight days ago, tagged by their RSS
 * categories), one pass, then the topic page shows "3 hours ago" with the exact time in its title,
 * and clicking a story's tag opens the topic's page of that tag, listing only the tagged stories.
 * Then the same in a static export served from a sub-folder: its feeds open through the exported
 * stylesheet, and its pages, rendered earlier, show the stories' age now.
 */
@FeedhubE2E
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TagsAndTimesInBrowserTest {
    static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    static final DateTimeFormatter HOVER =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
                    .withZone(ZoneOffset.UTC);

    /** Ten minutes past the hour: "3 hours ago" for the next fifty minutes. */
    static final Instant IDLIB =
            Instant.now()
                    .minus(Duration.ofHours(3).plusMinutes(10))
                    .truncatedTo(ChronoUnit.SECONDS);

    @FeedhubE2E.BeforeContext
    static void sources(E2E e2e) {
        Instant now = IDLIB.plus(Duration.ofHours(3).plusMinutes(10));
        String rss =
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Wire Desk</title><link>https://wire.example/</link>
                <description>World news</description>
                %s%s%s%s
                </channel></rss>
                """
                        .formatted(
                                item(
                                        1,
                                        "Government troops advance near Idlib",
                                        "Troops took three villages north of the city on Tuesday.",
                                        IDLIB,
                                        "Syria"),
                                item(
                                        2,
                                        "Nuclear talks resume in Vienna",
                                        "Negotiators met for a fourth round about enrichment limits.",
                                        now.minus(Duration.ofHours(26)),
                                        "Iran"),
                                item(
                                        3,
                                        "Damascus and Tehran sign a trade accord",
                                        "The agreement covers oil shipments and a new rail line.",
                                        now.minus(Duration.ofHours(50)),
                                        "Syria",
                                        "Iran"),
                                item(
                                        4,
                                        "Storms close mountain passes",
                                        "Heavy snow blocked roads across the Alps for two days.",
                                        now.minus(Duration.ofDays(8)),
                                        "Weather"));
        e2e.wiremock()
                .stubFor(
                        get("/wire.rss")
                                .willReturn(
                                        aResponse()
                                                .withHeader("Content-Type", "application/rss+xml")
                                                .withBody(rss)));
        e2e.writeFeeds(
                """
                sources:
                  - {id: wire, url: "%s/wire.rss"}
                topics:
                  - {id: world, title: World}
                """
                        .formatted(e2e.sourceBase()));
    }

    static String item(int n, String title, String text, Instant published, String... tags) {
        StringBuilder categories = new StringBuilder();
        for (String t : tags) categories.append("<category>").append(t).append("</category>");
        return "<item><title>%s</title><link>https://wire.example/%d</link><guid>wire-%d</guid><description>%s</description><pubDate>%s</pubDate>%s</item>\n"
                .formatted(title, n, n, text, RFC_822.format(published), categories);
    }

    @Test
    @Order(1)
    void thePassStoresTheFourStories(E2E e2e) {
        assertThat(e2e.runPass().added()).isEqualTo(4);
    }

    @Test
    @Order(2)
    void aTopicPageShowsRelativeTimesWithTheExactTimeOnHover(E2E e2e) throws Exception {
        assumeTrue(Chromium.installed(), "needs Debian's chromium");
        Document doc = Jsoup.parse(Chromium.dom(e2e.appBase() + "/topics/world"));
        Element idlib = story(doc, "Government troops advance near Idlib");
        Element time = idlib.selectFirst(".meta time");
        assertThat(time.text()).isEqualTo("3 hours ago");
        assertThat(time.attr("title")).isEqualTo(HOVER.format(IDLIB));
        assertThat(time.attr("datetime")).isEqualTo(IDLIB.toString());
        assertThat(story(doc, "Nuclear talks resume in Vienna").selectFirst("time").text())
                .isEqualTo("yesterday");
        assertThat(story(doc, "Damascus and Tehran sign a trade accord").selectFirst("time").text())
                .isEqualTo("2 days ago");
        Element storms = story(doc, "Storms close mountain passes").selectFirst("time");
        assertThat(storms.text()).as("a week or more: the date").matches("\\d{1,2} \\w{3} \\d{4}");
        assertThat(storms.attr("title")).endsWith(" UTC");
        assertThat(Chromium.screenshot(e2e.appBase() + "/topics/world", "topic-times.png", 390))
                .isRegularFile();
    }

    @Test
    @Order(3)
    void clickingATagOpensTheTopicsStoriesWithThatTagOnly(E2E e2e) throws Exception {
        assumeTrue(Chromium.installed(), "needs Debian's chromium");
        try (ChromiumTab tab = ChromiumTab.open()) {
            tab.load(e2e.appBase() + "/topics/world");
            tab.click("main article .tags a[href$='tag=Syria']", "tag=Syria");
            assertThat(tab.url()).isEqualTo(e2e.appBase() + "/topics/world?tag=Syria");
            Document doc = Jsoup.parse(tab.dom());
            assertThat(doc.selectFirst("h1").text()).isEqualTo("World: tagged “Syria”");
            assertThat(doc.select("main article h2"))
                    .extracting(Element::text)
                    .containsExactly(
                            "Government troops advance near Idlib",
                            "Damascus and Tehran sign a trade accord");
            assertThat(doc.select(".tags a[aria-current=page]").eachText()).containsOnly("Syria");
            assertThat(Chromium.screenshot(tab.url(), "topic-tag-syria.png", 390)).isRegularFile();
            // and from there to the other tag of the accord
            tab.click("main article .tags a[href$='tag=Iran']", "tag=Iran");
            assertThat(Jsoup.parse(tab.dom()).select("main article h2").eachText())
                    .containsExactly(
                            "Nuclear talks resume in Vienna",
                            "Damascus and Tehran sign a trade accord");
        }
    }

    @Test
    @Order(4)
    void tagPagesAnswerOddAddressesKindly(E2E e2e) throws Exception {
        HttpResponse<String> none = e2e.request("/topics/world?tag=Sport");
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(none.body()).selectFirst("main").text())
                .contains("No story of World has the tag “Sport” now")
                .contains("See all of its stories");

        HttpResponse<String> hostile =
                e2e.request("/topics/world?tag=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertThat(hostile.statusCode()).isEqualTo(200);
        assertThat(hostile.body()).doesNotContain("<script>alert(1)");
        assertThat(Jsoup.parse(hostile.body()).selectFirst("h1").text())
                .isEqualTo("World: tagged “<script>alert(1)</script>”");

        HttpResponse<String> unknown = e2e.request("/topics/nowhere?tag=Syria");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(unknown.body()).contains("No topic 'nowhere'");

        HttpResponse<String> tooLong = e2e.request("/topics/world?tag=" + "x".repeat(201));
        assertThat(tooLong.statusCode()).isEqualTo(404);
        assertThat(tooLong.body()).contains("longer than 200 characters");

        HttpResponse<String> blank = e2e.request("/topics/world?tag=");
        assertThat(blank.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(blank.body()).select("main article")).hasSize(4);
    }

    @Autowired FeedQueries queries;
    @Autowired SourceStore sourceStore;
    @Autowired TopicFeeds feeds;
    @Autowired Supplier<FeedsConfig> config;

    static Path exported;
    static List<String> written;
    static final String BASE_PATH = "/news";

    /**
     * An export made 20 seconds after the newest story came out (its pages say "just now"), as an
     * old export or a cached page would be.
     */
    @Test
    @Order(5)
    void theExportHasTheStylesheetATagPageForEveryTagAndFeedsNamingTheirOwnCopy() throws Exception {
        Site earlier =
                new Site(
                        queries,
                        sourceStore,
                        feeds,
                        config,
                        Clock.fixed(IDLIB.plusSeconds(20), ZoneOffset.UTC));
        exported = Files.createTempDirectory("feedhub-export");
        site = new StaticSite(exported, BASE_PATH);
        written = new StaticExport(earlier, feeds, config).export(exported, site.base());

        String syria = "topics/world/tags/" + TagSlug.of("Syria") + ".html";
        assertThat(written)
                .contains(
                        "feed.xsl",
                        "topics/world.rss",
                        "topics/world.atom",
                        "topics/world.html",
                        syria,
                        "topics/world/tags/" + TagSlug.of("Iran") + ".html",
                        "topics/world/tags/" + TagSlug.of("Weather") + ".html");
        assertThat(exported.resolve("feed.xsl"))
                .hasBinaryContent(
                        getClass().getResourceAsStream("/static/feed.xsl").readAllBytes());
        for (String feed : List.of("topics/world.rss", "topics/world.atom"))
            assertThat(Files.readString(exported.resolve(feed)))
                    .as(feed)
                    .contains("<?xml-stylesheet type=\"text/xsl\" href=\"../feed.xsl\"?>")
                    .doesNotContain("href=\"/feed.xsl\"");

        Document tagPage = Jsoup.parse(Files.readString(exported.resolve(syria)));
        assertThat(tagPage.select("main article h2").eachText())
                .containsExactly(
                        "Government troops advance near Idlib",
                        "Damascus and Tehran sign a trade accord");
        assertThat(tagPage.select("a[href^=/]")).as("relative links only").isEmpty();
        assertThat(
                        story(tagPage, "Government troops advance near Idlib")
                                .selectFirst("time")
                                .text())
                .as("as rendered at export time")
                .isEqualTo("just now");
    }

    static StaticSite site;

    @Test
    @Order(6)
    void anExportedFeedOpensThroughItsStylesheetFromASubFolder() throws Exception {
        assumeTrue(Chromium.installed() && site != null, "needs Debian's chromium and the export");
        String url = site.base() + "/topics/world.rss";
        Document page = Jsoup.parse(Chromium.dom(url));
        assertThat(page.text())
                .contains("This is a feed. Copy its address into your feed reader")
                .contains("Government troops advance near Idlib");
        assertThat(page.selectFirst("input#feed-url").attr("value")).isEqualTo(url);
        assertThat(page.select("a:containsOwn(All topics)").attr("href"))
                .isEqualTo(site.base() + "/");
    }

    @Test
    @Order(7)
    void anOldExportShowsTodaysAgeAndItsTagLinksWork() throws Exception {
        assumeTrue(Chromium.installed() && site != null, "needs Debian's chromium and the export");
        try (ChromiumTab tab = ChromiumTab.open()) {
            tab.load(site.base() + "/topics/world.html");
            Document topic = Jsoup.parse(tab.dom());
            Element time = story(topic, "Government troops advance near Idlib").selectFirst("time");
            assertThat(time.text()).as("refreshed by the page script").isEqualTo("3 hours ago");
            assertThat(time.attr("title")).isEqualTo(HOVER.format(IDLIB));
            tab.click("main article .tags a[href*='/tags/syria']", "/tags/syria");
            assertThat(tab.url())
                    .isEqualTo(site.base() + "/topics/world/tags/" + TagSlug.of("Syria") + ".html");
            Document tagPage = Jsoup.parse(tab.dom());
            assertThat(tagPage.select("main article h2").eachText())
                    .containsExactly(
                            "Government troops advance near Idlib",
                            "Damascus and Tehran sign a trade accord");
            tab.click("nav a[href$='index.html']", "/index.html");
            assertThat(Jsoup.parse(tab.dom()).selectFirst("main article h2").text())
                    .isEqualTo("World");
        } finally {
            site.close();
        }
    }

    static Element story(Document doc, String title) {
        for (Element a : doc.select("main article"))
            if (a.selectFirst("h2").text().equals(title)) return a;
        throw new AssertionError("no story '" + title + "' on the page");
    }
}
