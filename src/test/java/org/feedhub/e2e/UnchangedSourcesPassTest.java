package org.feedhub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.feedhub.batch.PassReport;
import org.feedhub.batch.PassRunner;
import org.feedhub.store.FetchOutcome;
import org.feedhub.store.SourceState;
import org.feedhub.store.SourceStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A warm pass: every source answers 304. The writer stores such sources a chunk at a time; each row
 * must still read as if stored alone, and a failing source among them keeps its back-off.
 */
@FeedhubE2E
class UnchangedSourcesPassTest {
    static final int SOURCES = 24;
    static final String FEED =
            """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>S</title><link>https://s.test/</link>
            <item><title>Port strike ends after nine days</title><link>https://s.test/1</link>
            <description>Dock workers returned on Monday after the union accepted the offer.</description>
            <pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate></item>
            </channel></rss>
            """;

    @FeedhubE2E.BeforeContext
    static void sources(E2E e2e) throws Exception {
        WireMockServer wm = e2e.wiremock();
        StringBuilder yml = new StringBuilder("sources:\n");
        for (int i = 0; i < SOURCES; i++) {
            String path = "/s" + i + ".rss";
            wm.stubFor(
                    get(path)
                            .withHeader("If-None-Match", equalTo("\"v" + i + "\""))
                            .atPriority(1)
                            .willReturn(aResponse().withStatus(304)));
            wm.stubFor(
                    get(path)
                            .atPriority(2)
                            .willReturn(
                                    aResponse()
                                            .withHeader("Content-Type", "application/rss+xml")
                                            .withHeader("ETag", "\"v" + i + "\"")
                                            .withBody(FEED.replace("/1<", "/" + i + "<"))));
            yml.append("  - id: s")
                    .append(i)
                    .append("\n    url: http://localhost:")
                    .append(wm.port())
                    .append(path)
                    .append("\n    every: 10m\n");
        }
        wm.stubFor(get("/broken.rss").willReturn(aResponse().withStatus(503)));
        yml.append("  - id: broken\n    url: http://localhost:")
                .append(wm.port())
                .append("/broken.rss\n");
        Path dir = e2e.dir();
        Files.writeString(dir.resolve("feeds.yml"), yml + "topics:\n  - id: all\n    title: All\n");
    }

    @Autowired PassRunner passes;
    @Autowired SourceStore sources;

    @Test
    void aPassOfUnchangedSourcesRecordsEachOneAsIfStoredAlone() {
        PassReport first = passes.run(true);
        assertThat(first.added()).isEqualTo(SOURCES);
        Instant before = Instant.now().minusSeconds(1);
        PassReport second = passes.run(true);
        assertThat(second.lines())
                .filteredOn(l -> !l.sourceId().equals("broken"))
                .hasSize(SOURCES)
                .allSatisfy(l -> assertThat(l.kind()).isEqualTo(FetchOutcome.Kind.NOT_MODIFIED));
        IntStream.range(0, SOURCES)
                .forEach(
                        i -> {
                            SourceState row = sources.find("s" + i).orElseThrow();
                            assertThat(row.lastFetchAt()).isAfterOrEqualTo(before);
                            assertThat(row.lastStatus()).isEqualTo(304);
                            assertThat(row.failures()).isZero();
                            assertThat(row.etag()).startsWith("\"v" + i); // Jetty may add "--gzip"
                            assertThat(Duration.between(row.lastFetchAt(), row.nextDueAt()))
                                    .isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));
                        });
        SourceState broken = sources.find("broken").orElseThrow();
        assertThat(broken.failures()).isEqualTo(2);
        // the second failure waits twice the interval (±10% jitter): its count was read
        assertThat(Duration.between(broken.lastFetchAt(), broken.nextDueAt()))
                .isGreaterThan(Duration.ofMinutes(25));
    }
}
