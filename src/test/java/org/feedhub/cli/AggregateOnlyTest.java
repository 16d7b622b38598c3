package org.feedhub.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aggregate ID…} as an editor who just fixed a source uses it: that source is polled at once
 * although it is backing off, and no other source is touched. In-process, on an H2 file database,
 * against WireMock.
 */
class AggregateOnlyTest {
    @TempDir Path dir;
    WireMockServer server;
    String rss;

    @BeforeEach
    void start() throws Exception {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        rss =
                new String(
                        getClass().getResourceAsStream("/e2e/world.rss").readAllBytes(),
                        StandardCharsets.UTF_8);
        server.stubFor(get("/fixed.rss").willReturn(aResponse().withStatus(500)));
        server.stubFor(
                get("/other.rss")
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/rss+xml")
                                        .withBody(rss)));
        Files.writeString(
                dir.resolve("feeds.yml"),
                """
                sources:
                  - {id: fixed, url: "http://127.0.0.1:%1$d/fixed.rss"}
                  - {id: other, url: "http://127.0.0.1:%1$d/other.rss"}
                """
                        .formatted(server.port()));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    MainTest.Result run(String... args) {
        String[] all = new String[args.length + 3];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--feedhub.feeds=" + dir.resolve("feeds.yml");
        all[args.length + 1] =
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
        all[args.length + 2] = "--feedhub.fetch.allow-private-networks=true";
        return MainTest.run(all);
    }

    @Test
    void pollsJustTheNamedSourceNowIgnoringItsBackoff() {
        MainTest.Result first = run("aggregate");
        assertThat(first.status()).isZero();
        assertThat(first.out()).contains("fixed", "HTTP 500", "other");

        server.stubFor(
                get("/fixed.rss")
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/rss+xml")
                                        .withBody(rss)));
        MainTest.Result again = run("aggregate", "fixed");
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(again.out())
                .contains("fixed ", "3 merged", "pass COMPLETED: 1 sources")
                .doesNotContain("other ");
        server.verify(2, getRequestedFor(urlEqualTo("/fixed.rss")));
        server.verify(1, getRequestedFor(urlEqualTo("/other.rss")));
    }

    @Test
    void anUnknownIdIsExitTwoWithOneLineNamingTheSources() {
        MainTest.Result r = run("aggregate", "fixed", "nope");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines())
                .containsExactly(
                        "feedhub: aggregate: no source 'nope' in feeds.yml (its sources: fixed, other)");
        server.verify(0, getRequestedFor(urlEqualTo("/fixed.rss")));
    }
}
