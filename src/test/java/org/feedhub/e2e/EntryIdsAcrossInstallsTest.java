package org.feedhub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.feedhub.app.FeedhubApplication;
import org.feedhub.batch.PassRunner;
import org.feedhub.publish.FeedFormat;
import org.feedhub.publish.TopicFeeds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry ids never collide between two installs, whatever their sources' guids, and survive a
 * database rebuilt from the same sources. Each install is a whole application on its own in-memory
 * database.
 */
class EntryIdsAcrossInstallsTest {
    static final WireMockServer wire = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        wire.start();
        // Two publishers numbering their guids alike, one item with no link, one with neither a
        // link nor a guid, and one story both carry (the same canonical link).
        wire.stubFor(get("/a.rss").willReturn(aResponse().withBody(rss("A", "1", "2", true))));
        wire.stubFor(get("/b.rss").willReturn(aResponse().withBody(rss("B", "1", "2", false))));
    }

    static String rss(String name, String g1, String g2, boolean linkless) {
        return ("<rss version=\"2.0\"><channel><title>%1$s</title><link>https://%1$s.test/</link>"
                        + "<description>d</description>"
                        + "<item><title>%1$s one</title><link>https://%1$s.test/1</link><guid isPermaLink=\"false\">%2$s</guid>"
                        + "<pubDate>Mon, 01 Jan 2018 10:00:00 GMT</pubDate><description>%1$s first.</description></item>"
                        + "<item><title>%1$s two</title>"
                        + (linkless ? "" : "<link>https://%1$s.test/2</link>")
                        + "<guid isPermaLink=\"false\">%3$s</guid>"
                        + "<pubDate>Tue, 02 Jan 2018 10:00:00 GMT</pubDate><description>%1$s second.</description></item>"
                        + "<item><title>%1$s three</title><pubDate>Wed, 03 Jan 2018 10:00:00 GMT</pubDate>"
                        + "<description>%1$s third, with no link and no guid.</description></item>"
                        + "<item><title>Shared</title><link>https://shared.test/story</link><guid isPermaLink=\"false\">s</guid>"
                        + "<pubDate>Thu, 04 Jan 2018 10:00:00 GMT</pubDate><description>Both carry it.</description></item>"
                        + "</channel></rss>")
                .formatted(name, g1, g2);
    }

    @AfterAll
    static void stop() {
        wire.stop();
    }

    /** Runs one pass of an install and returns its topic's entries: title → id. */
    static Map<String, String> install(String source, String baseUrl) throws Exception {
        Path dir = Files.createTempDirectory("feedhub-install");
        Files.writeString(
                dir.resolve("feeds.yml"),
                """
                sources:
                  - id: news
                    url: http://localhost:%d/%s
                topics:
                  - id: all
                    title: All
                """
                        .formatted(wire.port(), source));
        // Settings as command-line arguments: they win over the jar's application.yml.
        try (ConfigurableApplicationContext ctx =
                new SpringApplicationBuilder(FeedhubApplication.class)
                        .web(WebApplicationType.NONE)
                        .run(
                                "--feedhub.feeds=" + dir.resolve("feeds.yml"),
                                "--feedhub.fetch.allow-private-networks=true",
                                "--feedhub.schedule.enabled=false",
                                "--feedhub.hub.worker=false",
                                "--feedhub.base-url=" + baseUrl,
                                "--spring.datasource.url=jdbc:h2:mem:install-"
                                        + UUID.randomUUID()
                                        + ";DB_CLOSE_DELAY=-1")) {
            ctx.getBean(PassRunner.class).run(true);
            byte[] atom =
                    ctx.getBean(TopicFeeds.class)
                            .feed("all", FeedFormat.ATOM, "http://localhost")
                            .orElseThrow()
                            .body();
            Map<String, String> ids = new TreeMap<>();
            for (SyndEntry e :
                    new SyndFeedInput()
                            .build(new StringReader(new String(atom, StandardCharsets.UTF_8)))
                            .getEntries()) {
                ids.put(e.getTitle(), e.getUri());
            }
            return ids;
        }
    }

    @Test
    void twoInstallsNeverShareAnIdAndARebuiltDatabaseKeepsThem() throws Exception {
        Map<String, String> a = install("a.rss", "https://a-news.example");
        Map<String, String> b = install("b.rss", ""); // no base URL: a generated install id
        assertThat(a).hasSize(4);
        assertThat(b).hasSize(4);
        assertThat(a.values()).allSatisfy(id -> assertThat(id).startsWith("tag:a-news.example,"));
        assertThat(b.values()).allSatisfy(id -> assertThat(id).startsWith("tag:i"));
        assertThat(a.values()).doesNotContainAnyElementsOf(b.values());
        assertThat(a.get("Shared")).isNotEqualTo(b.get("Shared"));

        // The same install, its database rebuilt from nothing: every story gets its id back.
        assertThat(install("a.rss", "https://a-news.example")).isEqualTo(a);
    }
}
