package org.feedhub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.feedhub.TestDatabase;
import org.feedhub.batch.PassRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * RFC 5005 paging: 5 stories, limit 2 → a live feed of 2 and two full archive pages linked both
 * ways.
 */
@SpringBootTest(
        classes = org.feedhub.app.FeedhubApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArchivePagingTest {
    static final WireMockServer wire = new WireMockServer(wireMockConfig().dynamicPort());
    static final Path dir;

    static {
        wire.start();
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            items.append("<item><title>Story ")
                    .append(i)
                    .append("</title><link>https://news.test/")
                    .append(i)
                    .append("</link><guid>g")
                    .append(i)
                    .append("</guid><pubDate>Mon, 0")
                    .append(i)
                    .append(" Jan 2018 10:00:00 GMT</pubDate><description>Text ")
                    .append(i)
                    .append(".</description></item>");
        }
        wire.stubFor(
                get("/feed.rss")
                        .willReturn(
                                aResponse()
                                        .withBody(
                                                "<rss version=\"2.0\"><channel><title>T</title>"
                                                        + "<link>https://news.test/</link><description>d</description>"
                                                        + items
                                                        + "</channel></rss>")));
        try {
            dir = Files.createTempDirectory("feedhub-archive");
            Files.writeString(
                    dir.resolve("feeds.yml"),
                    """
                    sources:
                      - id: news
                        url: http://localhost:%d/feed.rss
                    topics:
                      - id: all
                        title: All
                        limit: 2
                    """
                            .formatted(wire.port()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry r) {
        TestDatabase.registerApp(r, dir.resolve("feeds.yml"), "archive");
    }

    @AfterAll
    static void stop() {
        wire.stop();
    }

    @LocalServerPort int port;
    @Autowired PassRunner passes;

    HttpResponse<String> fetch(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    static List<String> titles(String atom) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile(
                                "<entry>.*?<title[^>]*>(.*?)</title>",
                                java.util.regex.Pattern.DOTALL)
                        .matcher(atom);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void liveFeedAndFullArchivePagesCoverEveryStoryAndLinkEachOther() throws Exception {
        passes.run(true);
        String base = "http://localhost:" + port;
        String live = fetch("/topics/all.atom").body();
        assertThat(titles(live)).containsExactly("Story 5", "Story 4");
        assertThat(live)
                .contains("rel=\"prev-archive\"", base + "/topics/all/archive/2.atom")
                .doesNotContain("fh:archive");

        HttpResponse<String> page2 = fetch("/topics/all/archive/2.atom");
        assertThat(page2.statusCode()).isEqualTo(200);
        assertThat(titles(page2.body())).containsExactly("Story 4", "Story 3");
        assertThat(page2.body())
                .contains(
                        "<fh:archive",
                        "rel=\"current\"",
                        base + "/topics/all/archive/1.atom",
                        "rel=\"self\"",
                        base + "/topics/all/archive/2.atom")
                .doesNotContain("next-archive");

        String page1 = fetch("/topics/all/archive/1.atom").body();
        assertThat(titles(page1)).containsExactly("Story 2", "Story 1");
        assertThat(page1).contains("rel=\"next-archive\"").doesNotContain("prev-archive");

        assertThat(fetch("/topics/all/archive/3.atom").statusCode()).isEqualTo(404);
        assertThat(fetch("/topics/all/archive/0.atom").statusCode()).isEqualTo(404);
        assertThat(fetch("/topics/nope/archive/1.atom").statusCode()).isEqualTo(404);
        assertThat(page2.headers().firstValue("ETag")).isPresent();
    }
}
