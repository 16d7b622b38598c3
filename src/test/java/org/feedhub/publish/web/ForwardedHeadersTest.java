package org.feedhub.publish.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.feedhub.TestDatabase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A client's X-Forwarded-Host must not change a feed's self and hub links; a configured proxy's
 * does.
 */
class ForwardedHeadersTest {
    static Path feedsYml() {
        try {
            Path dir = Files.createTempDirectory("feedhub-forwarded");
            Files.writeString(
                    dir.resolve("feeds.yml"),
                    "sources:\n  - id: a\n    url: http://127.0.0.1:9/a.rss\n"
                            + "topics:\n  - id: all\n    title: All\n");
            return dir.resolve("feeds.yml");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String atom(int port) throws Exception {
        HttpResponse<String> r =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://localhost:"
                                                                + port
                                                                + "/topics/all.atom"))
                                        .header("X-Forwarded-Host", "evil.example")
                                        .header("X-Forwarded-Proto", "https")
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    @Nested
    @SpringBootTest(
            classes = org.feedhub.app.FeedhubApplication.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class FromAnyClient {
        @DynamicPropertySource
        static void settings(DynamicPropertyRegistry r) {
            TestDatabase.registerApp(r, feedsYml(), "forwarded-untrusted");
        }

        @LocalServerPort int port;

        @org.springframework.beans.factory.annotation.Autowired
        RequestWorkersConfiguration.Workers workers;

        @org.springframework.beans.factory.annotation.Autowired
        io.micrometer.core.instrument.MeterRegistry registry;

        @Test
        void requestsAreAnsweredByFeedhubsRequestThreadsNotTomcatsPool() throws Exception {
            atom(port);
            RequestWorkers pool = workers.pool();
            assertThat(pool).isNotNull();
            assertThat(pool.getCompletedTaskCount()).isPositive();
            assertThat(pool.threads())
                    .isEqualTo(Math.max(2, Runtime.getRuntime().availableProcessors()));
            assertThat(pool.cap()).isEqualTo(200); // server.tomcat.threads.max, Boot's default
            // Its gauges, in place of Tomcat's thread metrics.
            assertThat(
                            registry.get("executor.pool.size")
                                    .tag("name", "http-worker")
                                    .gauge()
                                    .value())
                    .isEqualTo(pool.threads());
            assertThat(
                            registry.get("executor.completed")
                                    .tag("name", "http-worker")
                                    .functionCounter()
                                    .count())
                    .isPositive();
        }

        @Test
        void forwardedHostIsIgnored() throws Exception {
            String feed = atom(port);
            assertThat(feed)
                    .doesNotContain("evil.example")
                    .contains("http://localhost:" + port + "/topics/all.atom")
                    .contains("http://localhost:" + port + "/hub");
        }
    }

    @Nested
    @SpringBootTest(
            classes = org.feedhub.app.FeedhubApplication.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "feedhub.publish.trusted-proxies=127.0.0.0/8,::1")
    class FromATrustedProxy {
        @DynamicPropertySource
        static void settings(DynamicPropertyRegistry r) {
            TestDatabase.registerApp(r, feedsYml(), "forwarded-trusted");
        }

        @LocalServerPort int port;

        @Test
        void forwardedHostIsUsed() throws Exception {
            assertThat(atom(port))
                    .contains("https://evil.example/topics/all.atom")
                    .contains("https://evil.example/hub");
        }
    }

    @Test
    void addressRanges() {
        TrustedProxies.AddressRange lan = TrustedProxies.AddressRange.parse("10.0.0.0/8");
        assertThat(lan.contains(TrustedProxies.AddressRange.literal("10.200.3.4"))).isTrue();
        assertThat(lan.contains(TrustedProxies.AddressRange.literal("11.0.0.1"))).isFalse();
        assertThat(lan.contains(TrustedProxies.AddressRange.literal("::1"))).isFalse();
        TrustedProxies.AddressRange one = TrustedProxies.AddressRange.parse("::1");
        assertThat(one.contains(TrustedProxies.AddressRange.literal("0:0:0:0:0:0:0:1"))).isTrue();
        assertThat(TrustedProxies.AddressRange.literal("proxy.example")).isNull();
        assertThat(TrustedProxies.AddressRange.literal("1234567")).isNull();
    }
}
