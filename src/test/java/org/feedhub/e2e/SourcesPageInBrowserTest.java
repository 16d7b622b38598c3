package org.feedhub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.feedhub.TestDatabase;
import org.feedhub.batch.PassRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code /sources} as an editor sees it in headless Chromium: four WireMock sources (one works, one
 * answers 404, one 410 Gone, one moved with a 301), one pass, then the page lists the broken ones
 * first with their state and the error in words, and offers no form or button.
 */
@SpringBootTest(
        classes = org.feedhub.app.FeedhubApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SourcesPageInBrowserTest {
    static final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
    static final Path feeds;

    static {
        server.start();
        try {
            String rss =
                    new String(
                            SourcesPageInBrowserTest.class
                                    .getResourceAsStream("/e2e/world.rss")
                                    .readAllBytes(),
                            java.nio.charset.StandardCharsets.UTF_8);
            server.stubFor(
                    get("/ok.rss")
                            .willReturn(
                                    aResponse()
                                            .withHeader("Content-Type", "application/rss+xml")
                                            .withBody(rss)));
            server.stubFor(get("/gone.rss").willReturn(aResponse().withStatus(404)));
            server.stubFor(get("/retired.rss").willReturn(aResponse().withStatus(410)));
            server.stubFor(
                    get("/old.rss")
                            .willReturn(
                                    aResponse()
                                            .withStatus(301)
                                            .withHeader("Location", "/new.rss")));
            server.stubFor(
                    get("/new.rss")
                            .willReturn(
                                    aResponse()
                                            .withHeader("Content-Type", "application/rss+xml")
                                            .withBody(rss)));
            Path dir = Files.createTempDirectory("feedhub-sources-page");
            String base = "http://127.0.0.1:" + server.port();
            feeds = dir.resolve("feeds.yml");
            Files.writeString(
                    feeds,
                    """
                    sources:
                      - {id: working, url: "%1$s/ok.rss"}
                      - {id: broken, url: "%1$s/gone.rss"}
                      - {id: retired, url: "%1$s/retired.rss"}
                      - {id: moved, url: "%1$s/old.rss"}
                    topics:
                      - {id: all, title: All}
                    """
                            .formatted(base));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry r) {
        TestDatabase.registerApp(r, feeds, "sources-page");
    }

    @LocalServerPort int port;
    @Autowired PassRunner passes;

    @BeforeEach
    void onePass() {
        assumeTrue(Chromium.installed(), "needs Debian's chromium (apt-get install chromium)");
        passes.run(true);
    }

    @Test
    void brokenSourcesComeFirstWithTheirStateAndTheErrorInWords() throws Exception {
        String url = "http://localhost:" + port + "/sources";
        String dom = Chromium.dom(url);
        assertThat(dom)
                .contains(
                        "<h1>Sources</h1>",
                        "4 sources, 2 need attention",
                        "backing off",
                        "the server says there is no feed at this address (HTTP 404)",
                        "retired",
                        "410 Gone",
                        "moved",
                        "/new.rss",
                        "update its url in feeds.yml")
                .doesNotContain("<form", "<button", "<script src");
        // failing and retired sources before the moved and the working one
        int broken = dom.indexOf("id=\"source-broken\"");
        int retired = dom.indexOf("id=\"source-retired\"");
        int moved = dom.indexOf("id=\"source-moved\"");
        int working = dom.indexOf("id=\"source-working\"");
        assertThat(broken).isPositive().isLessThan(retired);
        assertThat(retired).isLessThan(moved);
        assertThat(moved).isLessThan(working);
        // relative times, with the absolute time on hover
        assertThat(dom)
                .containsPattern(
                        "title=\"\\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} UTC\" data-relative=\"\">just now<");
        Path shot = Chromium.screenshot(url, "sources.png", 1000);
        assertThat(Files.size(shot)).isGreaterThan(5_000);
    }

    @Test
    void theIndexLinksToTheSourcesPage() throws Exception {
        String dom = Chromium.dom("http://localhost:" + port + "/");
        assertThat(dom).contains("href=\"/sources\"");
    }
}
