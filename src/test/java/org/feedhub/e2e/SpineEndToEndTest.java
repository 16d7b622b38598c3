package org.feedhub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import java.time.Instant;
import java.util.List;
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
 * The spine, end to end: WireMock serves an RSS and an Atom source on a real port, a real Spring
 * context on H2 runs aggregation passes, and the topic feeds are fetched over HTTP and parsed back
 * entry by entry.
 */
@FeedhubE2E
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpineEndToEndTest {
    static WireMockServer sources;
    static Path dir;

    @FeedhubE2E.BeforeContext
    static void sources(E2E e2e) {
        sources = e2e.wiremock();
        dir = e2e.dir();
        try {
            serve("/world.rss", "e2e/world.rss", "application/rss+xml");
            serve(
                    "/ledger.atom",
                    "e2e/ledger.atom",
                    "text/html"); // a wrong Content-Type: detected by content
            sources.stubFor(get("/missing.rss").willReturn(aResponse().withStatus(404)));
            String base = "http://localhost:" + sources.port();
            Files.writeString(
                    dir.resolve("feeds.yml"),
                    """
                    sources:
                      - id: world
                        url: %1$s/world.rss
                        title: Test Wire
                        tags: [wire]
                      - id: ledger
                        url: %1$s/ledger.atom
                      - id: missing
                        url: %1$s/missing.rss
                    topics:
                      - id: lavrov
                        title: Sergei Lavrov
                        description: The minister
                        match:
                          any: [lavrov, лавров]
                          none: [sport]
                      - id: everything
                        title: Everything from the wire
                        sources: [world]
                      - id: summit
                        title: Summit
                        match:
                          any: [helsinki]
                    tags:
                      Syria: [syria, syrian]
                    """
                            .formatted(base));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void serve(String path, String resource, String type) throws IOException {
        byte[] body =
                SpineEndToEndTest.class
                        .getClassLoader()
                        .getResourceAsStream(resource)
                        .readAllBytes();
        sources.stubFor(
                get(path).willReturn(aResponse().withHeader("Content-Type", type).withBody(body)));
    }

    @LocalServerPort int port;
    @Autowired PassRunner passes;
    @Autowired org.feedhub.store.SourceStore sourceRows;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> fetch(String path, String... headers) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    SyndFeed feed(String path) throws Exception {
        HttpResponse<String> r = fetch(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return new SyndFeedInput().build(new StringReader(r.body()));
    }

    @Test
    @Order(1)
    void firstPassStoresEveryGoodSourceAndReportsTheBadOne() {
        PassReport report = passes.run(true);
        assertThat(report.status()).isEqualTo("COMPLETED");
        assertThat(report.lines())
                .extracting(PassReport.SourceLine::sourceId)
                .containsExactly("ledger", "missing", "world");
        PassReport.SourceLine missing = report.lines().get(1);
        assertThat(missing.kind()).isEqualTo(FetchOutcome.Kind.FAILED);
        assertThat(missing.error()).isEqualTo("HTTP 404");
        // Sources are fetched concurrently, so which of the two carriers of the Helsinki story is
        // stored first
        // varies; the other one merges into it by canonical link.
        PassReport.SourceLine world = report.lines().get(2);
        PassReport.SourceLine ledger = report.lines().get(0);
        assertThat(world.counts().added() + world.counts().merged()).isEqualTo(3);
        assertThat(ledger.counts().added() + ledger.counts().merged()).isEqualTo(2);
        assertThat(world.counts().merged() + ledger.counts().merged()).isEqualTo(1);
        assertThat(report.added()).isEqualTo(4);
    }

    @Test
    @Order(2)
    void rssFeedCarriesTheTopicStoriesEntryByEntry() throws Exception {
        SyndFeed rss = feed("/topics/lavrov.rss");
        assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
        assertThat(rss.getTitle()).isEqualTo("Sergei Lavrov");
        List<SyndEntry> entries = rss.getEntries();
        // newest first; the sport story is excluded by match.none; the Cyrillic one joins by лавров
        assertThat(entries)
                .extracting(SyndEntry::getTitle)
                .containsExactly(
                        "Lavrov meets Safadi in Moscow", "Лавров ответил на вопросы журналистов");
        SyndEntry safadi = entries.get(0);
        assertThat(safadi.getLink()).isEqualTo("https://wire.test/2018/07/12/lavrov-safadi?id=7");
        assertThat(safadi.getPublishedDate().toInstant())
                .isEqualTo(Instant.parse("2018-07-12T06:15:00Z"));
        assertThat(safadi.getUri()).startsWith("tag:");
        assertThat(safadi.getCategories())
                .extracting(c -> c.getName())
                .contains("wire", "Diplomacy", "Syria");
        String content = safadi.getContents().get(0).getValue();
        assertThat(content)
                .contains("Sergei Lavrov met Jordan")
                .doesNotContain("script", "onclick", "javascript:")
                .contains("https://wire.test/more");
        assertThat(safadi.getDescription().getValue())
                .contains("Russian Foreign Minister Sergei Lavrov met Jordan");
        String raw = fetch("/topics/lavrov.rss").body();
        assertThat(raw).contains("rel=\"self\"").contains("/topics/lavrov.rss");
    }

    @Test
    @Order(3)
    void atomFeedIsValidAndNamesTheAuthor() throws Exception {
        SyndFeed atom = feed("/topics/lavrov.atom");
        assertThat(atom.getFeedType()).isEqualTo("atom_1.0");
        SyndEntry safadi = atom.getEntries().get(0);
        assertThat(safadi.getTitle()).isEqualTo("Lavrov meets Safadi in Moscow");
        assertThat(safadi.getAuthor()).isEqualTo("Jane Reporter");
        assertThat(safadi.getUpdatedDate()).isNotNull();
        HttpResponse<String> r = fetch("/topics/lavrov.atom");
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/atom+xml"));
    }

    @Test
    @Order(4)
    void aStoryCarriedByTwoSourcesAppearsOnceNamingBoth() throws Exception {
        SyndFeed summit = feed("/topics/summit.atom");
        assertThat(summit.getEntries()).hasSize(1);
        String raw = fetch("/topics/summit.atom").body();
        assertThat(raw).contains("https://shared.test/helsinki-summit").contains("rel=\"via\"");
        // the earliest carrier's date wins
        assertThat(summit.getEntries().get(0).getPublishedDate().toInstant())
                .isEqualTo(Instant.parse("2018-07-16T17:40:00Z"));
        SyndFeed everything = feed("/topics/everything.rss");
        assertThat(everything.getEntries())
                .extracting(SyndEntry::getLink)
                .containsExactly(
                        "https://shared.test/helsinki-summit",
                        "https://wire.test/2018/07/12/lavrov-safadi?id=7",
                        "https://wire.test/2018/07/08/football");
    }

    @Test
    @Order(5)
    void summariesAreTheStorysOwnFirstSentences() throws Exception {
        SyndEntry helsinki = feed("/topics/everything.rss").getEntries().get(0);
        // whichever carrier's text is kept (the fuller one), the caption with its [PPIO] credit is
        // not the summary
        assertThat(helsinki.getDescription().getValue())
                .contains("Vladimir Putin hailed")
                .doesNotContain("PPIO");
        SyndEntry football = feed("/topics/everything.rss").getEntries().get(2);
        assertThat(football.getDescription().getValue())
                .startsWith("Lavrov congratulated the team");
    }

    @Test
    @Order(6)
    void secondPassAddsNothingAndFeedsAnswerConditionalGets() throws Exception {
        HttpResponse<String> before = fetch("/topics/lavrov.rss");
        String etag = before.headers().firstValue("ETag").orElseThrow();
        java.time.Instant secondPass = java.time.Instant.now();
        PassReport again = passes.run(true);
        assertThat(again.added()).isZero();
        // The unchanged sources are stored together: each row still says what its own poll did.
        for (String id : java.util.List.of("world", "ledger")) {
            org.feedhub.store.SourceState row = sourceRows.find(id).orElseThrow();
            assertThat(row.lastFetchAt()).isAfterOrEqualTo(secondPass.minusSeconds(1));
            assertThat(row.failures()).isZero();
            assertThat(row.nextDueAt()).isAfter(row.lastFetchAt());
        }
        assertThat(sourceRows.failures("missing")).isEqualTo(2);
        assertThat(again.lines())
                .filteredOn(l -> l.sourceId().equals("world"))
                .allSatisfy(
                        l ->
                                assertThat(l.kind())
                                        .isIn(
                                                FetchOutcome.Kind.SAME_BODY,
                                                FetchOutcome.Kind.NOT_MODIFIED));
        HttpResponse<String> after = fetch("/topics/lavrov.rss");
        assertThat(after.body()).isEqualTo(before.body());
        assertThat(fetch("/topics/lavrov.rss", "If-None-Match", etag).statusCode()).isEqualTo(304);
        String lastModified = before.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(fetch("/topics/lavrov.rss", "If-Modified-Since", lastModified).statusCode())
                .isEqualTo(304);
        assertThat(before.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age");
        sources.verify(2, getRequestedFor(urlEqualTo("/world.rss")));
    }

    @Test
    @Order(7)
    void indexListsTopicsWithSubscribeLinksAndOpmlListsFeeds() throws Exception {
        HttpResponse<String> index = fetch("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body())
                .contains(
                        "Sergei Lavrov",
                        "/topics/lavrov.rss",
                        "/topics/lavrov.atom",
                        "rel=\"alternate\"");
        HttpResponse<String> opml = fetch("/topics.opml");
        assertThat(opml.body()).contains("<opml", "/topics/lavrov.rss", "/topics/summit.rss");
        HttpResponse<String> page = fetch("/topics/lavrov");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Lavrov meets Safadi in Moscow");
        assertThat(fetch("/topics/nope.rss").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(9)
    void headAnswersWithTheHeadersAndNoBodyAndFeedsAreCompressedWhenAsked() throws Exception {
        HttpResponse<String> head =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "http://localhost:" + port + "/topics/lavrov.atom"))
                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("ETag")).isPresent();
        assertThat(head.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/atom+xml");
        HttpResponse<byte[]> gz =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "http://localhost:"
                                                        + port
                                                        + "/topics/everything.atom"))
                                .header("Accept-Encoding", "gzip")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String unzipped =
                new String(
                        new java.util.zip.GZIPInputStream(
                                        new java.io.ByteArrayInputStream(gz.body()))
                                .readAllBytes(),
                        StandardCharsets.UTF_8);
        assertThat(unzipped).startsWith("<?xml").contains("Lavrov meets Safadi in Moscow");
    }

    @Test
    @Order(10)
    void healthAndMetricsShowThePasses() throws Exception {
        String health = fetch("/actuator/health").body();
        assertThat(health)
                .contains(
                        "\"aggregation\"",
                        "\"lastPassStatus\":\"COMPLETED\"",
                        "\"failingSources\":1");
        String metrics = fetch("/actuator/prometheus").body();
        assertThat(metrics)
                .contains(
                        "feedhub_fetch_total{outcome=\"failed\",source=\"missing\"}",
                        "feedhub_stories_total{kind=\"new\"}",
                        "feedhub_pass_duration_seconds_count",
                        "feedhub_fetch_request_duration_seconds_count{outcome=\"ok\"}",
                        "feedhub_fetch_request_duration_seconds_count{outcome=\"failed\"}",
                        "feedhub_parse_duration_seconds_count{outcome=\"ok\"}");
    }

    @Test
    @Order(8)
    void apiSourcesReportsFetchStateAndFailures() throws Exception {
        String json = fetch("/api/sources").body();
        assertThat(json)
                .contains(
                        "\"id\":\"missing\"",
                        "\"lastError\":\"HTTP 404\"",
                        "\"consecutiveFailures\":2",
                        "\"id\":\"world\"",
                        "\"storyCount\":3",
                        "\"claim\":null"); // no pass holds a source between passes
    }
}
