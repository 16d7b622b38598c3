package org.feedhub.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM during a pass on H2: a few lines, the claim given back, a bounded wait, and the next run
 * resumes cleanly; a pass stuck in a source does not keep the JVM alive.
 */
class StopIT {
    final WireMockServer wire = new WireMockServer(wireMockConfig().dynamicPort());

    @TempDir Path dir;

    @AfterEach
    void stop() {
        wire.stop();
    }

    static String rss(String id) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>"
                + id
                + "</title><link>https://s.test/</link><description>d</description><item><title>Story of "
                + id
                + "</title><link>https://s.test/"
                + id
                + "</link></item></channel></rss>";
    }

    @Test
    void sigtermDuringAPassStopsInAFewLinesAndTheNextRunResumes() throws Exception {
        wire.start();
        // "stuck" answers after ten minutes: the pass is still in it when SIGTERM comes
        wire.stubFor(
                get("/stuck")
                        .willReturn(aResponse().withFixedDelay(600_000).withBody(rss("stuck"))));
        wire.stubFor(get("/quick").willReturn(aResponse().withBody(rss("quick"))));
        Files.writeString(
                dir.resolve("feeds.yml"),
                "defaults:\n  every: 1h\nsources:\n"
                        + "  - id: stuck\n    url: http://localhost:"
                        + wire.port()
                        + "/stuck\n"
                        + "  - id: quick\n    url: http://localhost:"
                        + wire.port()
                        + "/quick\n"
                        + "topics:\n  - id: all\n    title: All\n");
        List<String> settings =
                List.of(
                        "aggregate",
                        "--feedhub.fetch.allow-private-networks=true",
                        "--feedhub.fetch.response-timeout=20m",
                        "--feedhub.stop-wait=3s");
        try (ChildJvm first = ChildJvm.start(dir, "first", settings)) {
            long deadline = System.currentTimeMillis() + 90_000;
            while (wire.findAll(
                                    com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                                            com.github.tomakehurst.wiremock.client.WireMock
                                                    .urlEqualTo("/stuck")))
                            .isEmpty()
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(1000);
            assertThat(first.process.isAlive()).as(first.output()).isTrue();
            first.process.destroy(); // SIGTERM
            int status = first.await(Duration.ofSeconds(90)); // fails if it never exits
            String all = Files.readString(first.out) + Files.readString(first.err);
            assertThat(all)
                    .as(first.output())
                    // "quick" may still be in flight too on a loaded machine
                    .containsPattern("stopping: finishing [12] sources? \\[[a-z, ]*stuck")
                    .containsPattern("stopped: \\[stuck\\] still unfinished")
                    .doesNotContain("Exception")
                    .doesNotContain("already closed")
                    .doesNotContain("unknown state");
            assertThat(all.lines().count()).as(first.output()).isLessThan(60);
            assertThat(status).isNotZero();
        }
        // the stuck source's claim was given back: the next run fetches it at once
        wire.stubFor(get("/stuck").willReturn(aResponse().withBody(rss("stuck"))));
        try (ChildJvm second =
                ChildJvm.start(
                        dir,
                        "second",
                        List.of("aggregate", "--feedhub.fetch.allow-private-networks=true"))) {
            assertThat(second.await(Duration.ofSeconds(120))).as(second.output()).isZero();
            assertThat(second.stdout())
                    .as(second.output())
                    .containsPattern("(?m)^stuck\\s+1 new")
                    .doesNotContain("unknown state");
        }
    }
}
