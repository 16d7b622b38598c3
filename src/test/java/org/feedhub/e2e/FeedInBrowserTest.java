package org.feedhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.feedhub.TestDatabase;
import org.feedhub.batch.PassRunner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A topic's RSS and Atom feeds opened in Chromium: the feed names /feed.xsl, and the browser shows
 * a page with the address to copy into a feed reader and the stories, not raw XML.
 */
@SpringBootTest(
        classes = org.feedhub.app.FeedhubApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FeedInBrowserTest {
    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry r) {
        r.add("feedhub.feeds", () -> Path.of("feeds.yml").toAbsolutePath().toString());
        r.add("feedhub.schedule.enabled", () -> "false");
        TestDatabase.register(r, "feed-in-browser");
    }

    @LocalServerPort int port;
    @Autowired PassRunner passes;

    @Test
    void rssAndAtomReadAsAPageWithTheSubscribeAddress() throws Exception {
        passes.run(true);
        String base = "http://localhost:" + port;
        HttpResponse<String> xsl =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(base + "/feed.xsl")).build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(xsl.statusCode()).isEqualTo(200);
        assumeTrue(Chromium.installed(), "needs Debian's chromium");
        for (String ext : new String[] {"rss", "atom"}) {
            String url = base + "/topics/sergei-lavrov." + ext;
            String dom = Chromium.dom(url);
            assertThat(dom)
                    .as(ext)
                    .contains(
                            "This is a feed. Copy its address into your feed reader",
                            "value=\"" + url + "\"",
                            "<h1>Sergei Lavrov</h1>",
                            "Lavrov: Complete Iranian withdrawal from Syria unrealistic")
                    .doesNotContain("<rss", "<feed");
            assertThat(Chromium.screenshot(url, "feed-" + ext + ".png", 390)).isRegularFile();
        }
    }
}
