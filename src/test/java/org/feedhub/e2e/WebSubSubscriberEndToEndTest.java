package org.feedhub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.feedhub.batch.PassRunner;
import org.feedhub.store.SourceStore;
import org.feedhub.websub.subscribe.SourceSubscription;
import org.feedhub.websub.subscribe.Subscriber;
import org.feedhub.websub.subscribe.SubscriptionStore;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * feedhub as a WebSub subscriber, end to end: WireMock on a real port is the sources and their hub;
 * the real server (on a port fixed before start-up, so {@code feedhub.base-url} can name it) is
 * driven by calling {@link Subscriber#runOnce()} (its timer is off) and by playing the hub's part:
 * verification GETs and signed pushes to the callback the subscription request named.
 */
@FeedhubE2E(properties = {"feedhub.websub.worker=false", "feedhub.hub.worker=false"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebSubSubscriberEndToEndTest {
    static WireMockServer wm;
    static int port;
    static Path dir;
    static final String FEEDS =
            """
            sources:
              - id: wire
                url: http://127.0.0.1:%1$d/wire.rss
              - id: jsonwire
                url: http://127.0.0.1:%1$d/wire.json
              - id: linked
                url: http://127.0.0.1:%1$d/linked.rss
              - id: plain
                url: http://127.0.0.1:%1$d/plain.rss
            topics:
              - id: all
                title: Everything
            """;

    /** The sources and their hub; the server's port is fixed first so its base URL names it. */
    @FeedhubE2E.BeforeContext
    static void sources(E2E e2e) {
        wm = e2e.wiremock();
        dir = e2e.dir();
        port = freePort();
        e2e.property("server.port", Integer.toString(port));
        e2e.property("feedhub.base-url", "http://127.0.0.1:" + port);
        e2e.writeFeeds(FEEDS.formatted(wm.port()));
        wm.stubFor(post("/hub").willReturn(aResponse().withStatus(202)));
        serveRss("/wire.rss", true, "First story");
        wm.stubFor(
                get("/wire.json")
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/feed+json")
                                        .withBody(
                                                """
                                                {"version":"https://jsonfeed.org/version/1.1","title":"J",
                                                 "feed_url":"%1$s/wire.json",
                                                 "hubs":[{"type":"WebSub","url":"%1$s/hub"}],
                                                 "items":[{"id":"j1","title":"Json story","url":"https://j.test/1",
                                                 "content_text":"Json story text.","date_published":"2024-03-01T08:00:00Z"}]}
                                                """
                                                        .formatted(wmBase()))));
        wm.stubFor(
                get("/linked.rss")
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/rss+xml")
                                        .withHeader(
                                                "Link",
                                                "<"
                                                        + wmBase()
                                                        + "/hub>; rel=\"hub\", <"
                                                        + wmBase()
                                                        + "/linked.rss>; rel=\"self\"")
                                        .withBody(rss(false, "Linked story"))));
        wm.stubFor(
                get("/plain.rss")
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/rss+xml")
                                        .withBody(rss(false, "Plain story"))));
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String wmBase() {
        return "http://127.0.0.1:" + wm.port();
    }

    static String rss(boolean hub, String... titles) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < titles.length; i++) {
            items.append(
                    "<item><title>%s</title><link>https://wire.test/%s</link><guid>g-%s</guid>"
                                    .formatted(
                                            titles[i], titles[i].hashCode(), titles[i].hashCode())
                            + "<pubDate>Fri, 01 Mar 2024 0%d:00:00 GMT</pubDate>".formatted(i + 1)
                            + "<description>%s, the text.</description></item>"
                                    .formatted(titles[i]));
        }
        String links =
                hub
                        ? "<atom:link rel=\"hub\" href=\"%1$s/hub\"/><atom:link rel=\"self\" href=\"%1$s/wire.rss\"/>"
                                .formatted(wmBase())
                        : "";
        return "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">"
                + "<channel><title>Wire</title><link>https://wire.test/</link><description>d</description>"
                + links
                + items
                + "</channel></rss>";
    }

    static void serveRss(String path, boolean hub, String... titles) {
        wm.stubFor(
                get(path)
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/rss+xml")
                                        .withBody(rss(hub, titles))));
    }

    @Autowired PassRunner passes;
    @Autowired Subscriber subscriber;
    @Autowired SubscriptionStore subscriptions;
    @Autowired SourceStore sources;
    @Autowired MeterRegistry meters;
    @Autowired org.feedhub.app.LiveConfig live;
    final HttpClient http = HttpClient.newHttpClient();

    /** The wire source's subscription as the hub saw it: callback and secret. */
    static String callback;

    static String secret;
    static final String TOPIC = "http://127.0.0.1:%d/wire.rss";

    String topic() {
        return TOPIC.formatted(wm.port());
    }

    /** The form bodies of the subscription requests the hub got for {@code topic}. */
    List<Map<String, String>> hubRequests(String topic) {
        return wm.findAll(postRequestedFor(urlPathEqualTo("/hub"))).stream()
                .map(r -> form(r.getBodyAsString()))
                .filter(f -> topic.equals(f.get("hub.topic")))
                .toList();
    }

    static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            out.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    HttpResponse<String> verifyGet(String url, String... pairs) throws Exception {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            q.append(q.length() == 0 ? "?" : "&")
                    .append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return http.send(
                HttpRequest.newBuilder(URI.create(url + q)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> push(String url, byte[] body, String signature) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/rss+xml")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) b.header("X-Hub-Signature", signature);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sign(String algorithm, String prefix, String key, byte[] body) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
        return prefix + "=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
    }

    String fetch(String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** Waits, at most 30 s, for something that should happen within a second or two. */
    static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("still waiting for: " + what).isBefore(end);
            Thread.sleep(100);
        }
    }

    double pushes(String outcome) {
        var c = meters.find("feedhub.websub.pushes").tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    @Order(1)
    void aPassDiscoversHubsAndTheWorkerSubscribesWithAUniqueCallbackAndSecret() throws Exception {
        passes.run(true);
        assertThat(subscriptions.find("wire"))
                .get()
                .extracting(SourceSubscription::state)
                .isEqualTo("wanted");
        assertThat(subscriptions.find("jsonwire")).as("JSON Feed hubs").isPresent();
        assertThat(subscriptions.find("linked")).as("Link header").isPresent();
        assertThat(subscriptions.find("plain")).as("no hub announced").isEmpty();

        wm.resetRequests();
        assertThat(subscriber.runOnce().requested()).isEqualTo(3);
        List<Map<String, String>> asked = hubRequests(topic());
        assertThat(asked).hasSize(1);
        Map<String, String> f = asked.get(0);
        assertThat(f.get("hub.mode")).isEqualTo("subscribe");
        assertThat(f.get("hub.callback"))
                .startsWith("http://127.0.0.1:" + port + "/websub/callback/");
        assertThat(f.get("hub.secret")).hasSizeGreaterThanOrEqualTo(30);
        assertThat(f.get("hub.lease_seconds"))
                .isEqualTo(Long.toString(Duration.ofDays(7).toSeconds()));
        callback = f.get("hub.callback");
        secret = f.get("hub.secret");
        Map<String, String> json = hubRequests(wmBase() + "/wire.json").get(0);
        assertThat(json.get("hub.callback")).isNotEqualTo(callback);
        assertThat(json.get("hub.secret")).isNotEqualTo(secret);
        assertThat(subscriber.runOnce().requested()).as("asked once, until verified").isZero();
    }

    @Test
    @Order(2)
    void onlyThePendingIntentIsVerified() throws Exception {
        assertThat(
                        verifyGet(
                                        callback,
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        "http://other/",
                                        "hub.challenge",
                                        "x")
                                .statusCode())
                .as("another topic")
                .isEqualTo(404);
        assertThat(
                        verifyGet(
                                        callback,
                                        "hub.mode",
                                        "unsubscribe",
                                        "hub.topic",
                                        topic(),
                                        "hub.challenge",
                                        "x")
                                .statusCode())
                .as("an intent never asked for")
                .isEqualTo(404);
        assertThat(
                        verifyGet(
                                        callback + "x",
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        topic(),
                                        "hub.challenge",
                                        "x")
                                .statusCode())
                .as("an unknown callback")
                .isEqualTo(404);
        HttpResponse<String> ok =
                verifyGet(
                        callback,
                        "hub.mode",
                        "subscribe",
                        "hub.topic",
                        topic(),
                        "hub.challenge",
                        "ch-4711",
                        "hub.lease_seconds",
                        "2");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("ch-4711");
        assertThat(
                        verifyGet(
                                        callback,
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        topic(),
                                        "hub.challenge",
                                        "again")
                                .statusCode())
                .as("no longer pending")
                .isEqualTo(404);
        SourceSubscription s = subscriptions.find("wire").orElseThrow();
        assertThat(s.state()).isEqualTo("subscribed");
        assertThat(fetch("/api/sources"))
                .contains("\"subscribedUntil\"", "\"state\":\"subscribed\"");
    }

    @Test
    @Order(3)
    void theLeaseIsRenewedBeforeItEnds() throws Exception {
        Instant firstUntil = subscriptions.find("wire").orElseThrow().subscribedUntil();
        wm.resetRequests();
        eventually(
                "a renewal request",
                () -> {
                    subscriber.runOnce();
                    return !hubRequests(topic()).isEmpty();
                });
        Map<String, String> renewal = hubRequests(topic()).get(0);
        assertThat(renewal.get("hub.mode")).isEqualTo("subscribe");
        assertThat(renewal.get("hub.callback")).isEqualTo(callback);
        assertThat(subscriptions.find("wire").orElseThrow().state())
                .as("still subscribed while the renewal is verified")
                .isEqualTo("subscribed");
        assertThat(
                        verifyGet(
                                        callback,
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        topic(),
                                        "hub.challenge",
                                        "renewed",
                                        "hub.lease_seconds",
                                        "3600")
                                .body())
                .isEqualTo("renewed");
        assertThat(subscriptions.find("wire").orElseThrow().subscribedUntil())
                .isAfter(firstUntil.plusSeconds(3000));
    }

    @Test
    @Order(4)
    void aSubscribedSourceIsPolledLessOften() {
        passes.run(false);
        Instant next = sources.find("wire").orElseThrow().nextDueAt();
        Instant lastFetch = sources.find("wire").orElseThrow().lastFetchAt();
        assertThat(next).isAfterOrEqualTo(lastFetch.plus(Duration.ofHours(6)));
        assertThat(sources.find("plain").orElseThrow().nextDueAt())
                .isBefore(lastFetch.plus(Duration.ofHours(1)));
    }

    @Test
    @Order(5)
    void aSignedPushAppearsInTheTopicFeedWithoutAPoll() throws Exception {
        wm.resetRequests();
        byte[] body = rss(true, "First story", "Pushed story").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = push(callback, body, sign("HmacSHA256", "sha256", secret, body));
        assertThat(r.statusCode()).isEqualTo(202);
        eventually("the pushed story in the topic feed", () -> feedHas("Pushed story"));
        byte[] body2 =
                rss(true, "First story", "Pushed story", "Sha512 story")
                        .getBytes(StandardCharsets.UTF_8);
        assertThat(push(callback, body2, sign("HmacSHA512", "sha512", secret, body2)).statusCode())
                .isEqualTo(202);
        eventually("the sha512-signed story", () -> feedHas("Sha512 story"));
        byte[] body3 = rss(true, "Sha1 story").getBytes(StandardCharsets.UTF_8);
        assertThat(push(callback, body3, sign("HmacSHA1", "sha1", secret, body3)).statusCode())
                .isEqualTo(202);
        eventually("the sha1-signed fat ping", () -> feedHas("Sha1 story"));
        assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/wire.rss"))))
                .as("no poll")
                .isEmpty();
        assertThat(subscriptions.find("wire").orElseThrow().lastPushAt()).isNotNull();
        assertThat(fetch("/api/sources")).contains("\"lastPush\"");
    }

    boolean feedHas(String title) {
        try {
            return fetch("/topics/all.json").contains(title);
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    @Order(6)
    void unsignedAndWronglySignedPushesAreDroppedAndCounted() throws Exception {
        double bad = pushes("bad_signature"), unsigned = pushes("unsigned");
        byte[] forged = rss(true, "Forged story").getBytes(StandardCharsets.UTF_8);
        assertThat(
                        push(
                                        callback,
                                        forged,
                                        sign("HmacSHA256", "sha256", "not-the-secret", forged))
                                .statusCode())
                .isEqualTo(202);
        assertThat(push(callback, forged, "sha256=zz").statusCode()).isEqualTo(202);
        assertThat(push(callback, forged, "md5=00").statusCode()).isEqualTo(202);
        assertThat(push(callback, forged, null).statusCode()).isEqualTo(202);
        assertThat(pushes("bad_signature")).isEqualTo(bad + 3);
        assertThat(pushes("unsigned")).isEqualTo(unsigned + 1);
        byte[] good = rss(true, "After the forgeries").getBytes(StandardCharsets.UTF_8);
        push(callback, good, sign("HmacSHA256", "sha256", secret, good));
        eventually("the genuine push after the forged ones", () -> feedHas("After the forgeries"));
        assertThat(feedHas("Forged story")).isFalse();
    }

    @Test
    @Order(7)
    void anOversizedPushIsRefused() throws Exception {
        byte[] huge = new byte[(int) subscriber.settings().maxPushBytes() + 1];
        assertThat(push(callback, huge, "sha256=00").statusCode()).isEqualTo(413);
        assertThat(pushes("too_large")).isPositive();
    }

    @Test
    @Order(7)
    void pushesAreRateLimitedPerSource() throws Exception {
        String linked = subscriptionCallback("linked");
        byte[] body = rss(false, "Flood").getBytes(StandardCharsets.UTF_8);
        int limit = subscriber.settings().pushesPerMinute();
        int refused = 0;
        for (int i = 0; i <= limit; i++) {
            if (push(linked, body, null).statusCode() == 429) refused++;
        }
        assertThat(refused).isEqualTo(1);
        assertThat(push(callback, body, null).statusCode())
                .as("another source has its own allowance")
                .isEqualTo(202);
        assertThat(pushes("rate_limited")).isEqualTo(1);
    }

    @Test
    @Order(8)
    void aDenialIsLoggedAndShown() throws Exception {
        String jsonCallback = subscriptionCallback("jsonwire");
        HttpResponse<String> r =
                verifyGet(
                        jsonCallback,
                        "hub.mode",
                        "denied",
                        "hub.topic",
                        wmBase() + "/wire.json",
                        "hub.reason",
                        "not on this hub");
        assertThat(r.statusCode()).isEqualTo(200);
        SourceSubscription s = subscriptions.find("jsonwire").orElseThrow();
        assertThat(s.state()).isEqualTo("denied");
        assertThat(s.lastError()).contains("not on this hub");
        assertThat(fetch("/api/sources")).contains("denied by the hub: not on this hub");
    }

    String subscriptionCallback(String sourceId) {
        return "http://127.0.0.1:"
                + port
                + Subscriber.CALLBACK_PATH
                + subscriptions.find(sourceId).orElseThrow().token();
    }

    @Test
    @Order(9)
    void aSourceRemovedFromFeedsYmlIsUnsubscribed() throws Exception {
        Files.writeString(
                dir.resolve("feeds.yml"),
                FEEDS.formatted(wm.port())
                        .replace(
                                "  - id: wire\n    url: http://127.0.0.1:%d/wire.rss\n"
                                        .formatted(wm.port()),
                                ""));
        assertThat(live.reloadIfChanged()).isTrue();
        wm.resetRequests();
        assertThat(subscriber.runOnce().leaving()).isEqualTo(1);
        List<Map<String, String>> asked = hubRequests(topic());
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0).get("hub.mode")).isEqualTo("unsubscribe");
        assertThat(asked.get(0).get("hub.callback")).isEqualTo(callback);
        byte[] late = rss(true, "Late story").getBytes(StandardCharsets.UTF_8);
        assertThat(push(callback, late, sign("HmacSHA256", "sha256", secret, late)).statusCode())
                .as("no pushes for a source that left")
                .isEqualTo(404);
        HttpResponse<String> ok =
                verifyGet(
                        callback,
                        "hub.mode",
                        "unsubscribe",
                        "hub.topic",
                        topic(),
                        "hub.challenge",
                        "bye");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("bye");
        assertThat(subscriptions.find("wire")).isEmpty();
        assertThat(
                        verifyGet(
                                        callback,
                                        "hub.mode",
                                        "unsubscribe",
                                        "hub.topic",
                                        topic(),
                                        "hub.challenge",
                                        "bye")
                                .statusCode())
                .isEqualTo(404);
    }

    @Test
    @Order(10)
    void eachSubscriptionIsClaimedByOneInstance() {
        Instant now = Instant.now();
        subscriptions.discovered(
                "plain", wmBase() + "/hub", wmBase() + "/plain.rss", "tok-plain", "s", now);
        var first =
                subscriptions.claimDue("instance-a", now.plusSeconds(1), now.plusSeconds(60), 10);
        var second =
                subscriptions.claimDue("instance-b", now.plusSeconds(1), now.plusSeconds(60), 10);
        assertThat(first).extracting(SourceSubscription::sourceId).contains("plain");
        assertThat(second).extracting(SourceSubscription::sourceId).doesNotContain("plain");
    }
}
