package org.feedhub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.feedhub.app.LiveConfig;
import org.feedhub.batch.PassRunner;
import org.feedhub.publish.StaticExport;
import org.feedhub.store.FeedQueries;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a downstream site and a feed reader rely on: entries that always link somewhere, attribution
 * readers show, no unsafe or local links, the topic's language, validators that move only with the
 * content, and a static export with its archive pages and no hub it does not have.
 */
@FeedhubE2E
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DownstreamEndToEndTest {
    /** Two RSS sources (one twice), an HTML page, a local file beside feeds.yml. */
    @FeedhubE2E.BeforeContext
    static void sources(E2E e2e) throws IOException {
        WireMockServer wire = e2e.wiremock();
        String rss =
                """
                <rss version="2.0"><channel><title>Wire feed</title><link>javascript:alert(1)</link>
                <description>d</description>
                <item><title>Why &lt;template&gt; matters</title><link>https://shared.test/a?utm_source=wire</link>
                  <guid isPermaLink="false">wa</guid><pubDate>Mon, 01 Jan 2018 10:00:00 GMT</pubDate>
                  <description>Templates explained.</description></item>
                <item><title>No safe link</title><link>javascript:alert(2)</link>
                  <guid isPermaLink="false">wb</guid><pubDate>Tue, 02 Jan 2018 10:00:00 GMT</pubDate>
                  <description>Some text here.</description></item>
                <item><title>Desk story</title><link>https://wire.test/c</link><author>desk@wire.test (Wire Desk)</author>
                  <guid isPermaLink="false">wc</guid><pubDate>Wed, 03 Jan 2018 10:00:00 GMT</pubDate>
                  <description>From the desk.</description></item>
                </channel></rss>""";
        wire.stubFor(get("/wire.rss").willReturn(aResponse().withBody(rss)));
        wire.stubFor(
                get("/ledger.rss")
                        .willReturn(
                                aResponse()
                                        .withBody(
                                                """
                <rss version="2.0"><channel><title>Ledger</title><link>https://ledger.test/</link>
                <description>d</description>
                <item><title>Why &lt;template&gt; matters</title><link>https://shared.test/a?utm_campaign=ledger</link>
                  <guid isPermaLink="false">la</guid><pubDate>Mon, 01 Jan 2018 11:00:00 GMT</pubDate>
                  <description>Templates explained again.</description></item>
                </channel></rss>""")));
        wire.stubFor(
                get("/page.html")
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "text/html")
                                        .withBody(
                                                "<html><body><ul><li class=story><a href=\"/p1\">Page story</a></li></ul></body></html>")));
        Files.writeString(
                e2e.dir().resolve("local.rss"),
                """
                <rss version="2.0"><channel><title>Local</title><link>https://local.test/</link>
                <description>d</description>
                <item><title>Local story</title><link>https://local.test/1</link><guid>l1</guid>
                <pubDate>Thu, 04 Jan 2018 10:00:00 GMT</pubDate></item></channel></rss>""");
        e2e.writeFeeds(feedsYml(wire.port(), "Other"));
    }

    static String feedsYml(int port, String otherTitle) {
        return """
                sources:
                  - id: wire
                    url: http://localhost:%1$d/wire.rss
                    title: Wire Desk
                  - id: wire-again
                    url: http://localhost:%1$d/wire.rss
                  - id: ledger
                    url: http://localhost:%1$d/ledger.rss
                    title: The Ledger
                  - id: local
                    url: file:local.rss
                  - id: page
                    url: http://localhost:%1$d/page.html
                    html:
                      item: li.story
                      title: a
                      link: a
                topics:
                  - id: all
                    title: All
                    language: en
                    sources: [wire, ledger, local]
                  - id: tiny
                    title: Tiny
                    sources: [wire]
                    limit: 1
                  - id: other
                    title: %2$s
                    sources: [page]
                """
                .formatted(port, otherTitle);
    }

    @LocalServerPort int port;
    @Autowired PassRunner passes;
    @Autowired LiveConfig live;
    @Autowired FeedQueries queries;
    @Autowired StaticExport export;

    String base() {
        return "http://localhost:" + port;
    }

    HttpResponse<String> fetch(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path));
        if (headers.length > 0) b.headers(headers);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static SyndFeed parse(String body) throws Exception {
        return new SyndFeedInput().build(new StringReader(body));
    }

    static SyndEntry entry(SyndFeed feed, String title) {
        return feed.getEntries().stream()
                .filter(e -> e.getTitle().equals(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + title));
    }

    @Test
    @Order(1)
    void everyEntryLinksSomewhereSafeAndNamesWhoCarriedIt(E2E e2e) throws Exception {
        Path dir = e2e.dir();
        passes.run(true);
        String atom = fetch("/topics/all.atom").body();
        SyndFeed feed = parse(atom);

        SyndEntry template = entry(feed, "Why <template> matters");
        assertThat(template.getLink()).isEqualTo("https://shared.test/a");
        // no author of its own: the title of the source that carried it first
        assertThat(template.getAuthor()).isIn("Wire Desk", "Wire feed", "The Ledger");
        assertThat(template.getUri()).startsWith("tag:");
        List<SyndLink> via =
                template.getLinks().stream().filter(l -> "via".equals(l.getRel())).toList();
        // the other carriers, by their links without the tracking parameters they were sent with
        assertThat(via).hasSize(2);
        assertThat(via).extracting(SyndLink::getHref).containsOnly("https://shared.test/a");

        SyndEntry unsafe = entry(feed, "No safe link");
        assertThat(unsafe.getLink()).startsWith(base() + "/stories/");
        HttpResponse<String> page = fetch(URI.create(unsafe.getLink()).getPath());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("No safe link", "Some text here.", "Wire Desk");
        assertThat(fetch("/stories/999999").statusCode()).isEqualTo(404);
        assertThat(fetch("/stories/abc").statusCode()).isEqualTo(404);

        for (String f : List.of("/topics/all.atom", "/topics/all.rss", "/topics/all.json")) {
            String body = fetch(f).body();
            assertThat(body).as(f).doesNotContain("javascript:", "file:", dir.toString());
            assertThat(body).as(f).doesNotContain("utm_");
        }
        assertThat(parse(fetch("/topics/all.rss").body()).getEntries())
                .allSatisfy(e -> assertThat(e.getLink()).startsWith("http"));
    }

    @Test
    @Order(2)
    void theTopicsLanguageIsInEveryFormat() throws Exception {
        assertThat(fetch("/topics/all.atom").body()).contains("xml:lang=\"en\"");
        assertThat(parse(fetch("/topics/all.rss").body()).getLanguage()).isEqualTo("en");
        assertThat(fetch("/topics/all.json").body()).contains("\"language\" : \"en\"");
        assertThat(fetch("/topics/tiny.json").body()).doesNotContain("\"language\"");
    }

    @Test
    @Order(3)
    void pagesDoNotNameASourceTwice() throws Exception {
        String html = fetch("/topics/all").body();
        assertThat(html).contains("Desk story").doesNotContain("by Wire Desk");
    }

    @Test
    @Order(4)
    void sourcesOpmlListsEachFeedOnceAndNoPageOrLocalFile(E2E e2e) throws Exception {
        WireMockServer wire = e2e.wiremock();
        Path dir = e2e.dir();
        String opml = fetch("/sources.opml").body();
        assertThat(opml)
                .contains(
                        "localhost:" + wire.port() + "/wire.rss",
                        "localhost:" + wire.port() + "/ledger.rss")
                .doesNotContain("page.html", "file:", "local.rss", "javascript:");
        assertThat(opml.split("/wire.rss", -1)).hasSize(2);
        String api = fetch("/api/sources").body();
        assertThat(api).contains("\"file:local.rss\"").doesNotContain(dir.toString());
    }

    @Test
    @Order(5)
    void validatorsMoveOnlyWhenTheFeedDoes(E2E e2e) throws Exception {
        HttpResponse<String> first = fetch("/topics/all.atom");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        var lastUpdate = queries.version("all").lastChange();

        Thread.sleep(1100); // a new Last-Modified would show as another second
        e2e.writeFeeds(feedsYml(e2e.wiremock().port(), "Other pages"));
        assertThat(live.reloadIfChanged()).isTrue();
        HttpResponse<String> again = fetch("/topics/all.atom");
        assertThat(again.headers().firstValue("ETag")).contains(etag);
        assertThat(again.headers().firstValue("Last-Modified")).contains(lastModified);
        assertThat(queries.version("all").lastChange()).isEqualTo(lastUpdate);
        assertThat(fetch("/topics/all.atom", "If-Modified-Since", lastModified).statusCode())
                .isEqualTo(304);

        // The topic that did change has a new representation and a later Last-Modified.
        HttpResponse<String> other = fetch("/topics/other.atom");
        assertThat(other.body()).contains("Other pages");
    }

    @Test
    @Order(6)
    void theStaticExportHasItsArchivePagesAndNoHub() throws Exception {
        Path out = Files.createTempDirectory("feedhub-export");
        List<String> files = export.export(out, "https://static.example");
        assertThat(files)
                .contains(
                        "topics/tiny/archive/1.atom",
                        "topics/tiny/archive/2.atom",
                        "topics/tiny/archive/3.atom")
                .doesNotContain("topics/all/archive/1.atom");
        // the entry with no safe link links to its page, and the page is exported
        String all = Files.readString(out.resolve("topics/all.atom"));
        String storyLink =
                parse(all).getEntries().stream()
                        .filter(e -> e.getTitle().equals("No safe link"))
                        .findFirst()
                        .orElseThrow()
                        .getLink();
        assertThat(storyLink).startsWith("https://static.example/stories/");
        String storyPath = storyLink.substring("https://static.example/".length()) + "/index.html";
        assertThat(files).contains(storyPath);
        assertThat(Files.readString(out.resolve(storyPath))).contains("No safe link");
        String tiny = Files.readString(out.resolve("topics/tiny.atom"));
        assertThat(tiny)
                .doesNotContain("rel=\"hub\"")
                .contains("https://static.example/topics/tiny/archive/3.atom");
        assertThat(Files.readString(out.resolve("topics/tiny.json"))).doesNotContain("hubs");
        assertThat(Files.readString(out.resolve("topics/tiny/archive/1.atom")))
                .contains("<fh:archive")
                .doesNotContain("rel=\"hub\"")
                .as("the exported stylesheet, three folders up")
                .contains("<?xml-stylesheet type=\"text/xsl\" href=\"../../../feed.xsl\"?>");
        assertThat(files).contains("feed.xsl");
        assertThat(out.resolve("topics/tiny/archive/../../../feed.xsl").normalize())
                .isEqualTo(out.resolve("feed.xsl"))
                .isRegularFile();
    }
}
