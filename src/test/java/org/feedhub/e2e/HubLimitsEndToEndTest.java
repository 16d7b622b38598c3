package org.feedhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hub's request limits through {@code POST /hub} on a real server (its worker off, so requests
 * stay pending): per-host bounds count the callback's address, not its spelling; what waits for
 * verification is capped overall and per client; each client has a request rate.
 */
@FeedhubE2E(
        properties = {
            "feedhub.hub.worker=false",
            "feedhub.hub.max-per-host=1",
            "feedhub.hub.max-pending-per-host=1",
            "feedhub.hub.max-pending-per-client=3",
            "feedhub.hub.max-pending=5",
            "feedhub.hub.requests-per-minute=" + HubLimitsEndToEndTest.RATE
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HubLimitsEndToEndTest {
    static final int RATE = 40;

    /** One topic; its source (a closed port) is never polled, the hub's worker is off. */
    @FeedhubE2E.BeforeContext
    static void sources(E2E e2e) {
        e2e.writeFeeds(
                """
                sources:
                  - id: wire
                    url: http://127.0.0.1:9/wire.rss
                topics:
                  - id: wire
                    title: The wire
                """);
    }

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    final HttpClient http = HttpClient.newHttpClient();
    static int sent;

    @AfterEach
    void forgetPending() {
        jdbc.update("DELETE FROM hub_verification");
        jdbc.update("DELETE FROM hub_subscription");
    }

    HttpResponse<String> subscribe(String callbackHost, String path) throws Exception {
        sent++;
        String body =
                "hub.mode=subscribe&hub.topic="
                        + URLEncoder.encode(
                                "http://127.0.0.1:" + port + "/topics/wire.atom",
                                StandardCharsets.UTF_8)
                        + "&hub.callback="
                        + URLEncoder.encode(
                                "http://" + callbackHost + ":" + port + path,
                                StandardCharsets.UTF_8);
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hub"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    int pending() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM hub_verification", Integer.class);
    }

    @Test
    @Order(1)
    void pendingPerHostCountsTheAddressNotItsSpelling() throws Exception {
        assertThat(subscribe("127.0.0.1", "/a").statusCode()).isEqualTo(202);
        for (String spelling :
                new String[] {"[::ffff:127.0.0.1]", "2130706433", "127.000.000.001", "localhost"}) {
            HttpResponse<String> r = subscribe(spelling, "/b-" + sent);
            assertThat(r.statusCode()).as(spelling).isEqualTo(429);
            assertThat(r.body()).contains("waiting for verification");
        }
        assertThat(subscribe("127.1", "/c").statusCode())
                .as("not accepted either")
                .isNotEqualTo(202);
        assertThat(pending()).isEqualTo(1);
        assertThat(subscribe("127.0.0.2", "/d").statusCode()).as("another address").isEqualTo(202);
    }

    @Test
    @Order(2)
    void liveSubscriptionsPerHostCountTheAddress() throws Exception {
        jdbc.update(
                "INSERT INTO hub_subscription (topic_id, feed_format, topic_url, base_url, callback, callback_hash, "
                        + "callback_host, callback_address, lease_seconds, lease_until, state, last_version, failures, "
                        + "next_attempt_at, created_at, verified_at) VALUES ('wire', 'atom', 'u', 'b', 'c', 'h', "
                        + "'127.0.0.1', '127.0.0.1', 1, ?, 'active', 0, 0, ?, ?, ?)",
                OffsetDateTime.now().plusDays(1),
                OffsetDateTime.now(),
                OffsetDateTime.now(),
                OffsetDateTime.now());
        HttpResponse<String> r = subscribe("[::ffff:127.0.0.1]", "/e");
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.body()).contains("already has 1 subscriptions");
    }

    @Test
    @Order(3)
    void pendingPerClientIsCapped() throws Exception {
        for (int i = 2; i <= 4; i++)
            assertThat(subscribe("127.0.0." + i, "/f").statusCode()).isEqualTo(202);
        HttpResponse<String> r = subscribe("127.0.0.5", "/f");
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.body()).contains("too many requests from 127.0.0.1");
        assertThat(pending()).isEqualTo(3);
    }

    @Test
    @Order(4)
    void pendingOverallIsCapped() throws Exception {
        for (int i = 0; i < 5; i++) {
            jdbc.update(
                    "INSERT INTO hub_verification (hub_mode, topic_id, feed_format, topic_url, base_url, callback, "
                            + "callback_hash, callback_host, callback_address, client_address, lease_seconds, attempts, "
                            + "next_attempt_at, created_at) VALUES ('subscribe', 'wire', 'atom', 'u', 'b', 'c', ?, "
                            + "'other.example', ?, ?, 1, 0, ?, ?)",
                    "h" + i,
                    "10.0.0." + i,
                    "10.1.0." + i,
                    OffsetDateTime.now().plusDays(1),
                    OffsetDateTime.now());
        }
        HttpResponse<String> r = subscribe("127.0.0.9", "/g");
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.body()).contains("too many requests are waiting for verification");
    }

    @Test
    @Order(5)
    void eachClientHasARequestRate() throws Exception {
        int accepted = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < RATE && (last == null || last.statusCode() != 429); i++) {
            last = subscribe("127.0.0.2", "/h");
            if (last.statusCode() == 202) accepted++;
            jdbc.update("DELETE FROM hub_verification");
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.body()).contains("requests a minute");
        assertThat(sent).as("refused once this client's allowance was spent").isGreaterThan(RATE);
        assertThat(accepted).isPositive();
    }
}
