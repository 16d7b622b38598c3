package org.feedhub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.feedhub.batch.PassRunner;
import org.feedhub.websub.HubDispatcher;
import org.feedhub.websub.HubIntake;
import org.feedhub.websub.HubStore;
import org.feedhub.websub.Subscription;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The WebSub hub end to end: WireMock on a real port is both the source feed and the subscribers
 * (echoing {@code hub.challenge} through a response template); the real Spring context on H2 (or
 * PostgreSQL), set up by {@link FeedhubE2E}, runs the passes, and the test drives the hub's worker
 * by calling {@link HubDispatcher#runOnce()} (its timer is off).
 */
@FeedhubE2E(
        responseTemplating = true,
        properties = {
            "feedhub.hub.worker=false",
            "feedhub.hub.retry-delay=300ms",
            "feedhub.hub.delivery-attempts=2"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebSubEndToEndTest {
    static WireMockServer wm;
    static Path dir;
    static final List<String> titles = new ArrayList<>();
    static final String SECRET = "s3cret-ключ";

    @FeedhubE2E.BeforeContext
    static void sources(E2E e2e) {
        wm = e2e.wiremock();
        dir = e2e.dir();
        e2e.writeFeeds(FEEDS.formatted(wm.port()));
    }

    /** One source, one topic of everything it carries. */
    static final String FEEDS =
            """
            sources:
              - id: wire
                url: http://localhost:%d/wire.rss
            topics:
              - id: wire
                title: The wire
            """;

    @LocalServerPort int port;
    @Autowired PassRunner passes;
    @Autowired HubDispatcher hub;
    @Autowired HubIntake intake;
    @Autowired HubStore hubStore;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.feedhub.app.LiveConfig live;

    final HttpClient http = HttpClient.newHttpClient();

    String site() {
        return "http://localhost:" + port;
    }

    String callback(String path) {
        return "http://localhost:" + wm.port() + path;
    }

    /** The source publishes one more story; a pass stores it. */
    void publish(String title) {
        titles.add(title);
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < titles.size(); i++) {
            items.append(
                    """
                    <item><title>%s</title><link>https://wire.test/story-%d</link><guid isPermaLink="false">s-%d</guid>
                    <pubDate>%s</pubDate><description>%s, the story.</description></item>
                    """
                            .formatted(
                                    titles.get(i),
                                    i,
                                    i,
                                    java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                            OffsetDateTime.of(
                                                            2024, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC)
                                                    .plusHours(i)),
                                    titles.get(i)));
        }
        wm.stubFor(
                get("/wire.rss")
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/rss+xml")
                                        .withBody(
                                                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><link>https://wire.test/</link>"
                                                        + "<description>d</description>"
                                                        + items
                                                        + "</channel></rss>")));
        assertThat(passes.run(true).added()).isEqualTo(1);
    }

    /** A subscriber that confirms every intent by echoing the challenge, and takes every push. */
    static void subscriber(String path) {
        wm.stubFor(
                get(urlPathEqualTo(path))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withBody("{{request.query.[hub.challenge]}}")
                                        .withTransformers("response-template")));
        wm.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(204)));
    }

    HttpResponse<String> hubPost(String contentType, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(site() + "/hub"))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> hubPost(String... pairs) throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (b.length() > 0) b.append('&');
            b.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return hubPost("application/x-www-form-urlencoded", b.toString());
    }

    List<LoggedRequest> gets(String path) {
        return wm.findAll(getRequestedFor(urlPathEqualTo(path)));
    }

    List<LoggedRequest> pushes(String path) {
        return wm.findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    Subscription subscription(String topicId, String ext, String path) {
        return hubStore.all().stream()
                .filter(
                        s ->
                                s.topicId().equals(topicId)
                                        && s.format().extension().equals(ext)
                                        && s.callback().equals(callback(path)))
                .findFirst()
                .orElse(null);
    }

    static SyndFeed parse(byte[] body) throws Exception {
        return new SyndFeedInput()
                .build(
                        new InputStreamReader(
                                new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }

    static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
    }

    @BeforeEach
    void forgetRequests() {
        wm.resetRequests();
    }

    @Test
    @Order(1)
    void topicFeedsAdvertiseTheHubAndThemselves() throws Exception {
        publish("First story");
        for (String ext : new String[] {"rss", "atom", "json"}) {
            String body =
                    http.send(
                                    HttpRequest.newBuilder(
                                                    URI.create(site() + "/topics/wire." + ext))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body();
            assertThat(body)
                    .as(ext)
                    .contains(site() + "/hub")
                    .contains(site() + "/topics/wire." + ext);
            if (!ext.equals("json"))
                assertThat(body).as(ext).contains("rel=\"hub\"").contains("rel=\"self\"");
            else assertThat(body).contains("\"hubs\"").contains("\"WebSub\"");
        }
        HttpResponse<String> about =
                http.send(
                        HttpRequest.newBuilder(URI.create(site() + "/hub")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(about.statusCode()).isEqualTo(200);
        assertThat(about.body()).contains("WebSub").contains("hub.mode=subscribe");
    }

    @Test
    @Order(2)
    void malformedRequestsAreRefusedAtOnceWithOneLine() throws Exception {
        String topic = site() + "/topics/wire.atom";
        HttpResponse<String> r = hubPost("hub.topic", topic, "hub.callback", callback("/cb/x"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("hub.mode is missing (subscribe or unsubscribe)\n");
        r =
                hubPost(
                        "hub.mode",
                        "subscribe",
                        "hub.topic",
                        "https://elsewhere.example/topics/wire.atom",
                        "hub.callback",
                        callback("/cb/x"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body())
                .contains("not a topic of this hub")
                .contains(site() + "/topics/ID.rss");
        r =
                hubPost(
                        "hub.mode",
                        "subscribe",
                        "hub.topic",
                        topic,
                        "hub.callback",
                        "mailto:me@example.org");
        assertThat(r.statusCode()).isEqualTo(400);
        r =
                hubPost(
                        "hub.mode",
                        "subscribe",
                        "hub.topic",
                        topic,
                        "hub.callback",
                        callback("/cb/x"),
                        "hub.lease_seconds",
                        "soon");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body().strip()).doesNotContain("\n").contains("hub.lease_seconds");
        r = hubPost("application/json", "{\"hub.mode\":\"subscribe\"}");
        assertThat(r.statusCode()).isEqualTo(415);
        r =
                hubPost(
                        "application/x-www-form-urlencoded",
                        "hub.mode=subscribe&pad=" + "x".repeat(70_000));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(hub.runOnce().verified()).isZero();
        assertThat(wm.getAllServeEvents())
                .filteredOn(e -> e.getRequest().getUrl().startsWith("/cb/"))
                .isEmpty();
        assertThat(hubStore.all()).isEmpty();
    }

    @Test
    @Order(3)
    void aSubscriptionIsActiveOnlyOnceTheCallbackEchoesTheChallenge() throws Exception {
        subscriber("/cb/atom");
        String topic = site() + "/topics/wire.atom";
        HttpResponse<String> r =
                hubPost(
                        "hub.mode",
                        "subscribe",
                        "hub.topic",
                        topic,
                        "hub.callback",
                        callback("/cb/atom"),
                        "hub.lease_seconds",
                        "7200",
                        "hub.secret",
                        SECRET);
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(gets("/cb/atom")).isEmpty(); // verified asynchronously, not within the request
        assertThat(subscription("wire", "atom", "/cb/atom")).isNull();

        HubDispatcher.RunReport report = hub.runOnce();
        assertThat(report.verified()).isEqualTo(1);
        List<LoggedRequest> verifications = gets("/cb/atom");
        assertThat(verifications).hasSize(1);
        LoggedRequest v = verifications.get(0);
        assertThat(v.queryParameter("hub.mode").firstValue()).isEqualTo("subscribe");
        assertThat(v.queryParameter("hub.topic").firstValue()).isEqualTo(topic);
        assertThat(v.queryParameter("hub.lease_seconds").firstValue()).isEqualTo("7200");
        assertThat(v.queryParameter("hub.challenge").firstValue()).hasSizeGreaterThanOrEqualTo(16);
        Subscription s = subscription("wire", "atom", "/cb/atom");
        assertThat(s).isNotNull();
        assertThat(s.state()).isEqualTo("active");
        assertThat(s.leaseUntil())
                .isBetween(Instant.now().plusSeconds(7100), Instant.now().plusSeconds(7300));

        // what was there before the subscription is not pushed
        assertThat(hub.runOnce().delivered()).isZero();
        assertThat(pushes("/cb/atom")).isEmpty();

        String api =
                http.send(
                                HttpRequest.newBuilder(URI.create(site() + "/api/hub")).build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
        assertThat(api)
                .contains(
                        "\"topic\":\"wire\"",
                        "\"format\":\"atom\"",
                        "\"state\":\"active\"",
                        "\"callbackHost\":\"localhost\"",
                        "\"signed\":true")
                .doesNotContain(SECRET)
                .doesNotContain("/cb/atom");
    }

    @Test
    @Order(4)
    void aCallbackThatDoesNotEchoTheChallengeIsNotSubscribed() throws Exception {
        wm.stubFor(
                get(urlPathEqualTo("/cb/liar"))
                        .willReturn(aResponse().withStatus(200).withBody("sure, whatever")));
        assertThat(
                        hubPost(
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        site() + "/topics/wire.rss",
                                        "hub.callback",
                                        callback("/cb/liar"))
                                .statusCode())
                .isEqualTo(202);
        HubDispatcher.RunReport report = hub.runOnce();
        assertThat(report.refused()).isEqualTo(1);
        assertThat(gets("/cb/liar")).hasSize(1);
        assertThat(subscription("wire", "rss", "/cb/liar")).isNull();
        assertThat(intake.pendingVerifications()).isZero();
    }

    @Test
    @Order(5)
    void aPassThatAddsAStoryPushesOnlyTheNewEntrySignedAndLinked() throws Exception {
        publish("Second story");
        HubDispatcher.RunReport report = hub.runOnce();
        assertThat(report.delivered()).isEqualTo(1);
        List<LoggedRequest> pushes = pushes("/cb/atom");
        assertThat(pushes).hasSize(1);
        LoggedRequest push = pushes.get(0);
        assertThat(push.getHeader("Content-Type")).isEqualTo("application/atom+xml; charset=utf-8");
        assertThat(push.getHeader("Link"))
                .isEqualTo(
                        "<"
                                + site()
                                + "/hub>; rel=\"hub\", <"
                                + site()
                                + "/topics/wire.atom>; rel=\"self\"");
        byte[] body = push.getBody();
        assertThat(push.getHeader("X-Hub-Signature")).isEqualTo(hmac(SECRET, body));
        SyndFeed feed = parse(body);
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getEntries())
                .extracting(SyndEntry::getTitle)
                .containsExactly("Second story");
        assertThat(feed.getEntries().get(0).getUri()).startsWith("tag:");

        // nothing new: nothing more
        assertThat(hub.runOnce().delivered()).isZero();
        assertThat(pushes("/cb/atom")).hasSize(1);
    }

    @Test
    @Order(6)
    void eachDeliveryIsClaimedByOneInstance() {
        publish("Third story");
        Instant now = Instant.now();
        List<Subscription> a = hubStore.claimDeliveries("instance-a", now, now.plusSeconds(60), 10);
        List<Subscription> b = hubStore.claimDeliveries("instance-b", now, now.plusSeconds(60), 10);
        assertThat(a).extracting(Subscription::callback).containsExactly(callback("/cb/atom"));
        assertThat(b).isEmpty();
        assertThat(hub.runOnce().delivered())
                .isZero(); // this instance does not take another's live claim
        hubStore.release(a.get(0).id(), "instance-a");
        assertDelivered(1);
        assertThat(pushes("/cb/atom")).hasSize(1);
    }

    @Test
    @Order(7)
    void aFailedPushIsRetriedWithBackoffUntilItGetsThrough() throws Exception {
        wm.stubFor(
                post(urlPathEqualTo("/cb/atom"))
                        .inScenario("flaky")
                        .whenScenarioStateIs(STARTED)
                        .willReturn(aResponse().withStatus(500))
                        .willSetStateTo("up"));
        wm.stubFor(
                post(urlPathEqualTo("/cb/atom"))
                        .inScenario("flaky")
                        .whenScenarioStateIs("up")
                        .willReturn(aResponse().withStatus(200)));
        publish("Fourth story");
        assertThat(hub.runOnce().failed()).isEqualTo(1);
        Subscription s = subscription("wire", "atom", "/cb/atom");
        assertThat(s.failures()).isEqualTo(1);
        assertThat(s.lastStatus()).isEqualTo(500);
        assertThat(s.state()).isEqualTo("active");
        assertThat(s.nextAttemptAt()).isAfter(s.lastAttemptAt());
        assertThat(hub.runOnce().delivered()).as("not before the backoff").isZero();

        untilPushes("/cb/atom", 2);
        List<LoggedRequest> pushes = pushes("/cb/atom");
        assertThat(parse(pushes.get(1).getBody()).getEntries())
                .extracting(SyndEntry::getTitle)
                .containsExactly("Fourth story");
        assertThat(pushes.get(1).getBody()).isEqualTo(pushes.get(0).getBody());
        s = subscription("wire", "atom", "/cb/atom");
        assertThat(s.failures()).isZero();
        assertThat(s.state()).isEqualTo("active");
        assertThat(s.lastError()).isNull();
    }

    @Test
    @Order(8)
    void otherFormatsAndUnsignedSubscriptionsAndAnExpiredLease() throws Exception {
        subscriber("/cb/rss");
        subscriber("/cb/json");
        assertThat(
                        hubPost(
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        site() + "/topics/wire.rss",
                                        "hub.callback",
                                        callback("/cb/rss"))
                                .statusCode())
                .isEqualTo(202);
        assertThat(
                        hubPost(
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        site() + "/topics/wire.json",
                                        "hub.callback",
                                        callback("/cb/json"))
                                .statusCode())
                .isEqualTo(202);
        assertThat(hub.runOnce().verified()).isEqualTo(2);
        assertThat(gets("/cb/rss").get(0).queryParameter("hub.lease_seconds").firstValue())
                .isEqualTo("864000");

        publish("Fifth story");
        assertDelivered(3);
        LoggedRequest rss = pushes("/cb/rss").get(0);
        assertThat(rss.getHeader("Content-Type")).isEqualTo("application/rss+xml; charset=utf-8");
        assertThat(rss.containsHeader("X-Hub-Signature")).isFalse();
        assertThat(parse(rss.getBody()).getEntries())
                .extracting(SyndEntry::getTitle)
                .containsExactly("Fifth story");
        LoggedRequest json = pushes("/cb/json").get(0);
        assertThat(json.getHeader("Content-Type"))
                .isEqualTo("application/feed+json; charset=utf-8");
        assertThat(json.getBodyAsString()).contains("Fifth story").doesNotContain("Fourth story");

        // the RSS subscription's lease runs out: it gets nothing more, the others do
        jdbc.update(
                "UPDATE hub_subscription SET lease_until = ? WHERE id = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1),
                subscription("wire", "rss", "/cb/rss").id());
        wm.resetRequests();
        publish("Sixth story");
        assertDelivered(2);
        assertThat(pushes("/cb/rss")).isEmpty();
        assertThat(pushes("/cb/atom")).hasSize(1);
        assertThat(pushes("/cb/json")).hasSize(1);
        String api =
                http.send(
                                HttpRequest.newBuilder(URI.create(site() + "/api/hub")).build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
        assertThat(api).contains("\"format\":\"rss\"").contains("\"state\":\"expired\"");

        // subscribing again after the lease ran out starts afresh: what it missed is not pushed
        assertThat(
                        hubPost(
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        site() + "/topics/wire.rss",
                                        "hub.callback",
                                        callback("/cb/rss"))
                                .statusCode())
                .isEqualTo(202);
        assertThat(hub.runOnce().verified()).isEqualTo(1);
        assertThat(subscription("wire", "rss", "/cb/rss").visibleState(Instant.now()))
                .isEqualTo("active");
        assertThat(hub.runOnce().delivered()).isZero();
        assertThat(pushes("/cb/rss")).isEmpty();
        jdbc.update(
                "UPDATE hub_subscription SET lease_until = ? WHERE id = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1),
                subscription("wire", "rss", "/cb/rss").id());
    }

    @Test
    @Order(9)
    void unsubscribingIsVerifiedTooAndStopsThePushes() throws Exception {
        assertThat(
                        hubPost(
                                        "hub.mode",
                                        "unsubscribe",
                                        "hub.topic",
                                        site() + "/topics/wire.atom",
                                        "hub.callback",
                                        callback("/cb/atom"))
                                .statusCode())
                .isEqualTo(202);
        assertThat(subscription("wire", "atom", "/cb/atom"))
                .isNotNull(); // not before the subscriber confirms
        assertThat(hub.runOnce().verified()).isEqualTo(1);
        LoggedRequest v = gets("/cb/atom").get(0);
        assertThat(v.queryParameter("hub.mode").firstValue()).isEqualTo("unsubscribe");
        assertThat(v.queryParameter("hub.challenge").isPresent()).isTrue();
        assertThat(v.queryParameter("hub.lease_seconds").isPresent()).isFalse();
        assertThat(subscription("wire", "atom", "/cb/atom")).isNull();
        publish("Seventh story");
        hub.runOnce();
        assertThat(pushes("/cb/atom")).isEmpty();
        assertThat(pushes("/cb/json")).hasSize(1);
    }

    @Test
    @Order(10)
    void anUnknownTopicIsDeniedThroughTheCallback() throws Exception {
        subscriber("/cb/denied");
        String topic = site() + "/topics/nope.atom";
        assertThat(
                        hubPost(
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        topic,
                                        "hub.callback",
                                        callback("/cb/denied"))
                                .statusCode())
                .isEqualTo(202);
        assertThat(hub.runOnce().denied()).isEqualTo(1);
        List<LoggedRequest> gets = gets("/cb/denied");
        assertThat(gets).hasSize(1);
        assertThat(gets.get(0).queryParameter("hub.mode").firstValue()).isEqualTo("denied");
        assertThat(gets.get(0).queryParameter("hub.topic").firstValue()).isEqualTo(topic);
        assertThat(gets.get(0).queryParameter("hub.reason").firstValue()).contains("nope");
        assertThat(gets.get(0).queryParameter("hub.challenge").isPresent()).isFalse();
        assertThat(hubStore.all()).noneMatch(s -> s.topicId().equals("nope"));
    }

    /**
     * One worker run delivers exactly {@code n}; a mismatch names the run's report and every
     * subscription's state, so a failure says which one and why.
     */
    void assertDelivered(int n) {
        HubDispatcher.RunReport r = hub.runOnce();
        assertThat(r.delivered())
                .as(
                        "%s; topic version %d; subscriptions %s",
                        r, hubStore.topicVersion("wire"), hubStore.all())
                .isEqualTo(n);
    }

    /** Runs the worker until {@code path} has had {@code n} pushes in all (bounded wait). */
    void untilPushes(String path, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (pushes(path).size() < n && System.nanoTime() < deadline) {
            Thread.sleep(100);
            hub.runOnce();
        }
        assertThat(pushes(path)).hasSize(n);
    }

    @Test
    @Order(11)
    void afterEveryAttemptFailsTheSubscriptionIsFailingAndTriedOnceAtEachChangeWithEverythingOwed()
            throws Exception {
        wm.stubFor(post(urlPathEqualTo("/cb/json")).willReturn(aResponse().withStatus(503)));
        publish("Eighth story");
        hub.runOnce();
        untilPushes("/cb/json", 2); // delivery-attempts=2 in this test
        Subscription s = subscription("wire", "json", "/cb/json");
        assertThat(s.state()).isEqualTo("failing");
        assertThat(s.failures()).isEqualTo(2);
        assertThat(s.lastStatus()).isEqualTo(503);
        assertThat(s.lastError()).isEqualTo("HTTP 503");
        Thread.sleep(400); // longer than any backoff: still no third attempt
        hub.runOnce();
        assertThat(pushes("/cb/json")).hasSize(2);
        String api =
                http.send(
                                HttpRequest.newBuilder(URI.create(site() + "/api/hub")).build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
        assertThat(api).contains("\"state\":\"failing\"").contains("\"consecutiveFailures\":2");

        publish("Ninth story"); // a change: one attempt, no retries
        hub.runOnce();
        assertThat(pushes("/cb/json")).hasSize(3);
        Thread.sleep(400);
        hub.runOnce();
        assertThat(pushes("/cb/json")).hasSize(3);
        assertThat(subscription("wire", "json", "/cb/json").failures()).isEqualTo(3);

        wm.stubFor(post(urlPathEqualTo("/cb/json")).willReturn(aResponse().withStatus(200)));
        wm.resetRequests();
        publish("Tenth story"); // back up: gets everything since its last delivery
        assertDelivered(1);
        String body = pushes("/cb/json").get(0).getBodyAsString();
        assertThat(body)
                .contains("Eighth story", "Ninth story", "Tenth story")
                .doesNotContain("Seventh story");
        s = subscription("wire", "json", "/cb/json");
        assertThat(s.state()).isEqualTo("active");
        assertThat(s.failures()).isZero();
    }

    @Test
    @Order(12)
    void reindexingTopicsAfterAnEditPushesNothingThatWasAlreadyThere() throws Exception {
        Files.writeString(
                dir.resolve("feeds.yml"),
                FEEDS.formatted(wm.port())
                        + """
                          - id: ninth
                            title: Only the ninth
                            match:
                              any: [ninth]
                        """);
        assertThat(live.reloadIfChanged()).isTrue();
        HubDispatcher.RunReport report = hub.runOnce();
        assertThat(report.delivered()).isZero();
        // wire's stories did not change, so neither did its version: there is nothing to push
        assertThat(report.nothingNew()).isZero();
        assertThat(pushes("/cb/json")).isEmpty();
        assertThat(subscription("wire", "json", "/cb/json").lastVersion())
                .isEqualTo(hubStore.topicVersion("wire"));
    }

    @Test
    @Order(13)
    void subscriptionsPerCallbackHostAreBounded() throws Exception {
        int live = hubStore.liveSubscriptionsAt("127.0.0.1", Instant.now());
        assertThat(live).isEqualTo(1); // json; atom unsubscribed, rss expired
        assertThat(hub.settings().maxPerHost()).isEqualTo(100);
        for (int i = live; i < 100; i++) {
            jdbc.update(
                    "INSERT INTO hub_subscription (topic_id, feed_format, topic_url, base_url, callback, callback_hash, "
                            + "callback_host, callback_address, lease_seconds, lease_until, state, last_version, failures, "
                            + "next_attempt_at, created_at, verified_at) VALUES ('wire', 'atom', 'u', 'b', ?, ?, 'localhost', "
                            + "'127.0.0.1', 1, ?, "
                            + "'active', 0, 0, ?, ?, ?)",
                    "c" + i,
                    "h" + i,
                    OffsetDateTime.now().plusDays(1),
                    OffsetDateTime.now().plusDays(1),
                    OffsetDateTime.now(),
                    OffsetDateTime.now());
        }
        HttpResponse<String> r =
                hubPost(
                        "hub.mode",
                        "subscribe",
                        "hub.topic",
                        site() + "/topics/wire.atom",
                        "hub.callback",
                        callback("/cb/one-too-many"));
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.body()).contains("already has 100 subscriptions");
        // renewing an existing subscription is still fine
        assertThat(
                        hubPost(
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        site() + "/topics/wire.json",
                                        "hub.callback",
                                        callback("/cb/json"))
                                .statusCode())
                .isEqualTo(202);
    }
}
