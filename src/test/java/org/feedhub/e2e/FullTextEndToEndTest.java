package org.feedhub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.feedhub.batch.PassReport;
import org.feedhub.batch.PassRunner;
import org.feedhub.store.FetchOutcome;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Full text, end to end: a WireMock feed whose items have only titles and links, and a scraped page
 * with {@code fulltext: .story-body}; the real Spring context on H2 fetches each article page once,
 * and the topic feeds carry the article text (a topic matching words that occur only in the
 * articles proves it).
 */
@FeedhubE2E(properties = "feedhub.normalize.strip-params=ref")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FullTextEndToEndTest {
    static WireMockServer site;
    static Path dir;
    static String base;

    @FeedhubE2E.BeforeContext
    static void sources(E2E e2e) {
        site = e2e.wiremock();
        dir = e2e.dir();
        base = "http://localhost:" + site.port();
        try {
            feed(List.of(1, 2, 3));
            article(
                    "/articles/1.html",
                    "Geneva talks end late",
                    "Sergei Lavrov met his counterparts in Geneva on Thursday, and the talks went on well into the night.",
                    "The ministers discussed the ceasefire in southern Syria, the return of refugees and the border.",
                    "A further round is planned for the autumn, officials said after the meeting ended.");
            article(
                    "/articles/2.html",
                    "Harbour works",
                    "The harbour will close for six weeks from September while the old sea wall is repaired.",
                    "Fishing boats will use the neighbouring port during the works, the port authority said.");
            site.stubFor(get("/articles/3.html").willReturn(aResponse().withStatus(404)));
            article(
                    "/articles/4.html",
                    "Minsk visit",
                    "Sergei Lavrov arrived in Minsk on Friday for a short visit, his second this year.",
                    "He is expected to meet the president and the foreign minister of Belarus.");
            site.stubFor(
                    get("/listing")
                            .willReturn(
                                    aResponse()
                                            .withHeader("Content-Type", "text/html")
                                            .withBody(listing("first"))));
            site.stubFor(
                    get("/scraped/helsinki.html")
                            .willReturn(
                                    aResponse()
                                            .withHeader("Content-Type", "text/html")
                                            .withBody(
                                                    "<html><head><meta property='article:published_time' content='2018-07-16T17:40:00Z'></head><body>"
                                                            + "<div class='picks'><p>Editor's picks: a long teaser about something else entirely, which "
                                                            + "is longer than the story itself, with commas, and more commas, and more.</p></div>"
                                                            + "<div class='story-body'><p>Lavrov said in Helsinki that the summit had gone well.</p></div>"
                                                            + "</body></html>")));
            Files.writeString(
                    dir.resolve("feeds.yml"),
                    """
                    sources:
                      - id: wire
                        url: %1$s/feed.rss
                        fulltext: true
                      - id: ledger
                        url: %1$s/listing
                        fulltext: .story-body
                        html:
                          item: li.story
                          title: a
                          link: a
                    topics:
                      - id: lavrov
                        title: Sergei Lavrov
                        match:
                          any: [lavrov]
                      - id: all
                        title: Everything
                    """
                            .formatted(base));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void feed(List<Integer> ids) {
        String items =
                ids.stream()
                        .map(
                                i ->
                                        "<item><title>"
                                                + Map.of(
                                                                1,
                                                                "Talks end late",
                                                                2,
                                                                "Harbour to close",
                                                                3,
                                                                "Report on the summit",
                                                                4,
                                                                "A visit")
                                                        .get(i)
                                                + "</title><link>"
                                                + base
                                                + "/articles/"
                                                + i
                                                + ".html?utm_source=rss&amp;ref=feed</link><guid isPermaLink=\"false\">item-"
                                                + i
                                                + "</guid></item>")
                        .collect(Collectors.joining());
        site.stubFor(
                get("/feed.rss")
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/rss+xml")
                                        .withBody(
                                                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><link>"
                                                        + base
                                                        + "/</link><description>d</description>"
                                                        + items
                                                        + "</channel></rss>")));
    }

    static void article(String path, String title, String... paragraphs) {
        String body =
                "<!DOCTYPE html><html><head><title>"
                        + title
                        + "</title></head><body>"
                        + "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>"
                        + title
                        + "</h1>"
                        + java.util.Arrays.stream(paragraphs)
                                .map(p -> "<p>" + p + "</p>")
                                .collect(Collectors.joining())
                        + "</article><div class='comments'><p>A reader comment that mentions nothing of interest, at length, really.</p></div>"
                        + "<footer>Footer</footer></body></html>";
        site.stubFor(
                get(urlPathEqualTo(path))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "text/html; charset=utf-8")
                                        .withBody(body)));
    }

    /** The scraped page; {@code stamp} changes the body without changing its stories. */
    static String listing(String stamp) {
        return "<html><body><p class='generated'>generated "
                + stamp
                + "</p><ul>"
                + "<li class='story'><a href='/scraped/helsinki.html'>Summit in Helsinki</a></li></ul></body></html>";
    }

    @LocalServerPort int port;
    @Autowired PassRunner passes;

    final HttpClient http = HttpClient.newHttpClient();

    SyndFeed feed(String path) throws Exception {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return new SyndFeedInput().build(new StringReader(r.body()));
    }

    static String content(SyndEntry e) {
        return e.getContents().isEmpty() ? "" : e.getContents().get(0).getValue();
    }

    PassReport.SourceLine line(PassReport report, String id) {
        return report.lines().stream()
                .filter(l -> l.sourceId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    @Order(1)
    void storiesCarryTheArticleTextAndAFailedPageKeepsTheFeeds() throws Exception {
        PassReport report = passes.run(true);
        assertThat(report.status()).isEqualTo("COMPLETED");
        PassReport.SourceLine wire = line(report, "wire");
        assertThat(wire.kind()).isEqualTo(FetchOutcome.Kind.FETCHED);
        assertThat(wire.counts().added()).isEqualTo(3);
        assertThat(wire.warnings())
                .containsExactly(
                        "full text: 1 of 3 article pages could not be fetched ("
                                + base
                                + "/articles/3.html?utm_source=rss&ref=feed: HTTP 404); those stories keep the feed's text");

        // "lavrov" occurs only in the article pages, never in the feed
        SyndFeed lavrov = feed("/topics/lavrov.atom");
        assertThat(lavrov.getEntries())
                .extracting(SyndEntry::getTitle)
                .containsExactlyInAnyOrder("Talks end late", "Summit in Helsinki");
        SyndEntry talks =
                lavrov.getEntries().stream()
                        .filter(e -> e.getTitle().equals("Talks end late"))
                        .findFirst()
                        .orElseThrow();
        assertThat(content(talks))
                .contains(
                        "Sergei Lavrov met his counterparts in Geneva",
                        "A further round is planned")
                .doesNotContain("Home", "reader comment", "Footer", "<h1>");
        assertThat(talks.getLink())
                .isEqualTo(base + "/articles/1.html"); // utm_* and the configured ref stripped
        assertThat(talks.getDescription().getValue())
                .contains("Sergei Lavrov met his counterparts"); // the summary

        // the selector form: the story body, not the longer picks block beside it
        SyndEntry summit =
                lavrov.getEntries().stream()
                        .filter(e -> e.getTitle().equals("Summit in Helsinki"))
                        .findFirst()
                        .orElseThrow();
        assertThat(content(summit))
                .contains("Lavrov said in Helsinki")
                .doesNotContain("Editor's picks");
        assertThat(summit.getPublishedDate().toInstant())
                .isEqualTo(java.time.Instant.parse("2018-07-16T17:40:00Z"));

        SyndFeed all = feed("/topics/all.atom");
        SyndEntry report3 =
                all.getEntries().stream()
                        .filter(e -> e.getTitle().equals("Report on the summit"))
                        .findFirst()
                        .orElseThrow();
        assertThat(content(report3)).doesNotContain("Lavrov");
    }

    @Test
    @Order(2)
    void anUnchangedFeedFetchesNoArticleAgain() {
        site.stubFor(
                get("/listing")
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "text/html")
                                        .withBody(listing("first"))));
        PassReport again = passes.run(true);
        assertThat(again.added()).isZero();
        assertThat(line(again, "wire").kind())
                .isIn(FetchOutcome.Kind.SAME_BODY, FetchOutcome.Kind.NOT_MODIFIED);
        site.verify(1, getRequestedFor(urlEqualTo("/articles/1.html?utm_source=rss&ref=feed")));
    }

    @Test
    @Order(3)
    void aChangedFeedFetchesOnlyTheNewArticleAndTheRescrapedPageAddsNothing() throws Exception {
        feed(List.of(4, 1, 2, 3));
        site.stubFor(
                get("/listing")
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "text/html")
                                        .withBody(listing("second"))));
        PassReport third = passes.run(true);
        PassReport.SourceLine wire = line(third, "wire");
        assertThat(wire.kind()).isEqualTo(FetchOutcome.Kind.FETCHED);
        assertThat(wire.counts().added()).isEqualTo(1);
        assertThat(wire.counts().updated()).isZero();
        PassReport.SourceLine ledger = line(third, "ledger");
        assertThat(ledger.kind()).isEqualTo(FetchOutcome.Kind.FETCHED); // a new body: parsed again
        assertThat(ledger.counts().added() + ledger.counts().merged() + ledger.counts().updated())
                .isZero();
        site.verify(1, getRequestedFor(urlEqualTo("/articles/1.html?utm_source=rss&ref=feed")));
        site.verify(1, getRequestedFor(urlEqualTo("/articles/4.html?utm_source=rss&ref=feed")));
        site.verify(1, getRequestedFor(urlEqualTo("/scraped/helsinki.html")));
        assertThat(feed("/topics/lavrov.atom").getEntries())
                .extracting(SyndEntry::getTitle)
                .contains("A visit");
    }
}
