package org.feedhub.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preview SOURCE_ID} in-process against a WireMock-served page: what an editor sees while
 * writing selectors.
 */
class PreviewTest {
    static final WireMockServer site = new WireMockServer(wireMockConfig().dynamicPort());
    static String base;

    static final String PAGE =
            """
            <!DOCTYPE html>
            <html><head><title>Sergei Lavrov — The Ledger</title><meta name="timezone" content="Europe/Moscow"></head>
            <body><main>
              <article class="story">
                <h2 class="headline"><a href="/2018/04/12/lavrov-geneva?utm_source=tag&amp;id=1#top">Lavrov meets ministers in Geneva</a></h2>
                <p class="dek">Talks on Syria ran late &amp; ended without a statement. Diplomats said a further round is likely.</p>
                <time datetime="2018-04-12T20:00:00+02:00">Thursday evening</time>
              </article>
              <article class="story">
                <h2 class="headline"><a href="second.html">Second story about Damascus</a></h2>
                <span class="date">12 Apr 2018 20:00</span>
              </article>
              <article class="story"><h2 class="headline"></h2><a href="/no-title">no title</a></article>
            </main></body></html>
            """;

    @TempDir Path dir;

    @BeforeAll
    static void start() {
        site.start();
        base = "http://localhost:" + site.port();
        site.stubFor(
                get("/tag/lavrov")
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "text/html; charset=utf-8")
                                        .withBody(PAGE)));
        site.stubFor(get("/broken").willReturn(aResponse().withStatus(404)));
        site.stubFor(
                get("/empty-page")
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "text/html")
                                        .withBody(
                                                "<html><body><p>nothing here</p></body></html>")));
    }

    @AfterAll
    static void stop() {
        site.stop();
    }

    Path feeds() throws IOException {
        Path file = dir.resolve("feeds.yml");
        Files.writeString(
                file,
                """
                sources:
                  - id: ledger-lavrov
                    url: %1$s/tag/lavrov
                    tags: [ledger]
                    html:
                      item: article.story
                      title: h2.headline
                      link: h2.headline a
                      summary: .dek
                      date: time, .date
                  - id: broken
                    url: %1$s/broken
                  - id: wrong-selectors
                    url: %1$s/empty-page
                    html:
                      item: article.story
                      title: h2
                      link: a
                topics:
                  - id: sergei-lavrov
                    title: Sergei Lavrov
                    match:
                      any: [lavrov]
                tags:
                  Syria: [syria, damascus]
                """
                        .formatted(base),
                StandardCharsets.UTF_8);
        return file;
    }

    MainTest.Result preview(String id, String... more) throws IOException {
        String[] args = new String[3 + more.length];
        args[0] = "preview";
        args[1] = id;
        args[2] = "--feedhub.feeds=" + feeds();
        System.arraycopy(more, 0, args, 3, more.length);
        return MainTest.run(args);
    }

    @Test
    void printsEachStoryAndTheWarnings() throws IOException {
        MainTest.Result r = preview("ledger-lavrov", "--feedhub.fetch.allow-private-networks=true");
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.out().lines().toList())
                .containsSubsequence(
                        "ledger-lavrov: " + base + "/tag/lavrov",
                        "1. Lavrov meets ministers in Geneva",
                        "   link:      "
                                + base
                                + "/2018/04/12/lavrov-geneva?utm_source=tag&id=1#top",
                        "   canonical: " + base + "/2018/04/12/lavrov-geneva?id=1",
                        "   date:      2018-04-12 18:00 UTC",
                        "   summary:   Talks on Syria ran late & ended without a statement. Diplomats said a further round is likely.",
                        "   tags:      ledger, Syria",
                        "   topics:    sergei-lavrov",
                        "2. Second story about Damascus",
                        "   link:      " + base + "/tag/second.html",
                        "   date:      2018-04-12 17:00 UTC", // 20:00 in the page's time zone,
                        // Moscow
                        "   tags:      ledger, Syria",
                        "   topics:    (none)",
                        "warnings:",
                        "  - 1 of 3 items had no title or link and were skipped",
                        "(a preview: nothing was stored)");
        assertThat(r.out()).contains("  html page \"Sergei Lavrov — The Ledger\", 2 stories");
    }

    @Test
    void settingsComeFromTheCommandLine() throws IOException {
        // without allow-private-networks the fetcher refuses the loopback address, as the server
        // would
        MainTest.Result r = preview("ledger-lavrov");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .startsWith("feedhub: ledger-lavrov: refused");
    }

    @Test
    void unknownSourceIsExitOneWithOneLine() throws IOException {
        MainTest.Result r = preview("nope", "--feedhub.fetch.allow-private-networks=true");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .startsWith("feedhub: no source 'nope' in ")
                .endsWith("(its sources: ledger-lavrov, broken, wrong-selectors)");
    }

    @Test
    void aFetchFailureIsExitOneWithOneLine() throws IOException {
        MainTest.Result r = preview("broken", "--feedhub.fetch.allow-private-networks=true");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).containsExactly("feedhub: broken: HTTP 404");
    }

    @Test
    void selectorsMatchingNothingAreExitOneNamingTheSelector() throws IOException {
        MainTest.Result r =
                preview("wrong-selectors", "--feedhub.fetch.allow-private-networks=true");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines())
                .containsExactly(
                        "feedhub: wrong-selectors: selector item 'article.story' matched nothing on the page");
    }

    @Test
    void withoutASourceIdIsExitTwo() {
        MainTest.Result r = MainTest.run("preview");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines())
                .containsExactly("feedhub: usage: java -jar feedhub.jar preview SOURCE_ID");
    }

    @Test
    void anInvalidFeedsYmlIsExitOne() throws IOException {
        Path bad = dir.resolve("bad.yml");
        Files.writeString(bad, "sources:\n  - id: a\n    url: https://a.example/\n    every: 5x\n");
        MainTest.Result r = MainTest.run("preview", "a", "--feedhub.feeds=" + bad);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .startsWith("feedhub: " + bad + ":4: sources[0].every");
    }
}
