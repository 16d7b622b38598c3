package org.feedhub.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing is lost when the process is killed mid-pass, and nothing waits: {@code aggregate} is
 * killed with SIGKILL while slow sources are still being fetched; the next run, started at once,
 * sees that the dead process is gone (same host: its pid), takes over its claims, abandons its
 * Batch execution, polls every source, skips none, and every story of every source is stored
 * exactly once.
 */
class CrashIT {
    static final int SOURCES = 24;
    static final int ITEMS = 3;
    final WireMockServer wire = new WireMockServer(wireMockConfig().dynamicPort());

    @TempDir Path dir;

    @BeforeEach
    void sources() throws Exception {
        wire.start();
        StringBuilder yml = new StringBuilder("defaults:\n  every: 1h\nsources:\n");
        for (int s = 0; s < SOURCES; s++) {
            // Every third source answers slowly, so a pass is still running when it is killed.
            int delay = s % 3 == 2 ? 2500 : 0;
            wire.stubFor(
                    get("/s" + s + ".rss")
                            .willReturn(
                                    aResponse()
                                            .withFixedDelay(delay)
                                            .withHeader("Content-Type", "application/rss+xml")
                                            .withBody(rss(s))));
            yml.append("  - id: s")
                    .append(s)
                    .append("\n    url: http://localhost:")
                    .append(wire.port())
                    .append("/s")
                    .append(s)
                    .append(".rss\n");
        }
        yml.append("topics:\n  - id: all\n    title: All\n    limit: 1000\n");
        Files.writeString(dir.resolve("feeds.yml"), yml);
    }

    @AfterEach
    void stop() {
        wire.stop();
    }

    static String rss(int s) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < ITEMS; i++) {
            items.append("<item><title>Story ")
                    .append(i)
                    .append(" of source ")
                    .append(s)
                    .append("</title>")
                    .append("<link>https://news.test/s")
                    .append(s)
                    .append("/")
                    .append(i)
                    .append("</link>")
                    .append("<guid>s")
                    .append(s)
                    .append("-")
                    .append(i)
                    .append("</guid>")
                    .append("<pubDate>Mon, 16 Jul 2018 1")
                    .append(i)
                    .append(":00:00 GMT</pubDate>")
                    .append("<description>Text of story ")
                    .append(i)
                    .append(" from source ")
                    .append(s)
                    .append(".</description></item>");
        }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Source "
                + s
                + "</title><link>https://news.test/</link><description>d</description>"
                + items
                + "</channel></rss>";
    }

    List<String> settings() {
        return List.of(
                "--feedhub.fetch.allow-private-networks=true", "--feedhub.poll.concurrency=4");
    }

    @Test
    void aPassKilledMidwayLosesNothingAndStoresNothingTwice() throws Exception {
        ChildJvm first = ChildJvm.start(dir, "first", concat("aggregate", settings()));
        try (first) {
            // Wait until the pass is well under way (its first chunk of 10 likely written, slow
            // sources in flight), then kill -9.
            long deadline = System.currentTimeMillis() + 60_000;
            while (wire.getAllServeEvents().size() < SOURCES * 3 / 4
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(first.process.isAlive())
                    .as("the pass must still be running when killed\n" + first.output())
                    .isTrue();
            first.kill();
        }
        int requestsBeforeKill = wire.getAllServeEvents().size();
        assertThat(requestsBeforeKill).isLessThan(SOURCES * 2);

        // At once: no waiting out the 5-minute lease. The dead process is seen to be gone.
        try (ChildJvm second = ChildJvm.start(dir, "second", concat("aggregate", settings()))) {
            assertThat(second.await(Duration.ofSeconds(120))).as(second.output()).isZero();
            String out = second.stdout();
            System.out.println("--- first pass (killed)\n" + first.output());
            System.out.println("--- second pass\n" + out);
            assertThat(out)
                    .contains("took over pass ", "its process has ended", "polled again")
                    .contains("was interrupted: abandoned")
                    .contains("pass COMPLETED: " + SOURCES + " sources")
                    .doesNotContain("skipped");
            for (int s = 0; s < SOURCES; s++)
                assertThat(out).containsPattern("(?m)^s" + s + " +([0-9]+ new|unchanged)");
        }
        for (int s = 0; s < SOURCES; s++) {
            wire.verify(
                    com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly(1),
                    getRequestedFor(urlEqualTo("/s" + s + ".rss")));
        }
        try (ChildJvm export = ChildJvm.start(dir, "export", concat("export", List.of("site")))) {
            assertThat(export.await(Duration.ofSeconds(120))).as(export.output()).isZero();
        }
        SyndFeed feed =
                new SyndFeedInput()
                        .build(
                                new StringReader(
                                        Files.readString(dir.resolve("site/topics/all.atom"))));
        Set<String> links = new HashSet<>();
        for (SyndEntry e : feed.getEntries()) links.add(e.getLink());
        assertThat(feed.getEntries()).hasSize(SOURCES * ITEMS);
        assertThat(links).hasSize(SOURCES * ITEMS);
    }

    static List<String> concat(String command, List<String> rest) {
        List<String> all = new java.util.ArrayList<>();
        all.add(command);
        all.addAll(rest);
        return all;
    }
}
