package org.feedhub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.feedhub.batch.PassRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /sources} as an editor sees it in headless Chromium: four WireMock sources (one works, one
 * answers 404, one 410 Gone, one moved with a 301), one pass, then the page lists the broken ones
 * first with their state and the error in words, and offers no form or button.
 */
@FeedhubE2E
class SourcesPageInBrowserTest {
    /** Four sources: one works, one answers 404, one 410 Gone, one moved with a 301. */
    @FeedhubE2E.BeforeContext
    static void sources(E2E e2e) {
        WireMockServer server = e2e.wiremock();
        e2e.serve("/ok.rss", "e2e/world.rss", "application/rss+xml");
        server.stubFor(get("/gone.rss").willReturn(aResponse().withStatus(404)));
        server.stubFor(get("/retired.rss").willReturn(aResponse().withStatus(410)));
        server.stubFor(
                get("/old.rss")
                        .willReturn(
                                aResponse().withStatus(301).withHeader("Location", "/new.rss")));
        e2e.serve("/new.rss", "e2e/world.rss", "application/rss+xml");
        String base = "http://127.0.0.1:" + server.port();
        e2e.writeFeeds(
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
