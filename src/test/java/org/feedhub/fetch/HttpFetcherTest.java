package org.feedhub.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.feedhub.fetch.FetchResult.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Status codes, validators, encodings, redirects and request headers against a real HTTP server.
 */
class HttpFetcherTest {
    static final WireMockServer server = MockSource.server(false);

    @TempDir Path root;
    HttpFetcher fetcher;

    @BeforeEach
    void reset() {
        server.resetAll();
        fetcher = MockSource.fetcher(root);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private FetchResult fetch(String path) {
        return fetcher.fetch(FetchRequest.of(url(path)));
    }

    private void redirect(String from, int status, String to) {
        server.stubFor(
                get(from).willReturn(aResponse().withStatus(status).withHeader("Location", to)));
    }

    private void ok(String path) {
        server.stubFor(
                get(path)
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/rss+xml")
                                        .withBody(MockSource.RSS)));
    }

    @Test
    void okReturnsBodyValidatorsAndContentType() {
        server.stubFor(
                get("/feed.rss")
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader(
                                                "Content-Type",
                                                "application/rss+xml; charset=utf-8")
                                        .withHeader("ETag", "\"v1\"")
                                        .withHeader(
                                                "Last-Modified", "Thu, 12 Apr 2018 20:00:00 GMT")
                                        .withBody(MockSource.RSS)));
        FetchResult r = fetch("/feed.rss");
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.ok()).isTrue();
        assertThat(r.httpStatus()).isEqualTo(200);
        assertThat(new String(r.body(), UTF_8)).isEqualTo(MockSource.RSS);
        assertThat(r.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
        assertThat(r.etag()).isEqualTo("\"v1\"");
        assertThat(r.lastModified()).isEqualTo("Thu, 12 Apr 2018 20:00:00 GMT");
        assertThat(r.finalUrl()).isEqualTo(url("/feed.rss"));
        assertThat(r.movedTo()).isNull();
        assertThat(r.retryAfter()).isNull();
        assertThat(r.error()).isNull();
    }

    @Test
    void firstFetchSendsNoValidators() {
        ok("/feed.rss");
        fetch("/feed.rss");
        server.verify(
                getRequestedFor(urlEqualTo("/feed.rss"))
                        .withHeader("If-None-Match", absent())
                        .withHeader("If-Modified-Since", absent()));
    }

    @Test
    void conditionalGetSendsTheValidatorsAnd304IsNotModified() {
        server.stubFor(
                get("/feed.rss")
                        .withHeader("If-None-Match", equalTo("\"v1\""))
                        .withHeader("If-Modified-Since", equalTo("Thu, 12 Apr 2018 20:00:00 GMT"))
                        .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"v1\"")));
        ok("/other"); // anything else would be a 404
        FetchResult r =
                fetcher.fetch(
                        new FetchRequest(
                                url("/feed.rss"), "\"v1\"", "Thu, 12 Apr 2018 20:00:00 GMT"));
        assertThat(r.status()).isEqualTo(Status.NOT_MODIFIED);
        assertThat(r.httpStatus()).isEqualTo(304);
        assertThat(r.body()).isNull();
        assertThat(r.etag()).isEqualTo("\"v1\"");
        assertThat(r.error()).isNull();
    }

    @Test
    void changedFeedAnswersAConditionalGetWithTheNewBody() {
        server.stubFor(
                get("/feed.rss")
                        .willReturn(
                                aResponse().withHeader("ETag", "\"v2\"").withBody(MockSource.RSS)));
        FetchResult r = fetcher.fetch(new FetchRequest(url("/feed.rss"), "\"v1\"", null));
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.etag()).isEqualTo("\"v2\"");
        server.verify(
                getRequestedFor(urlEqualTo("/feed.rss"))
                        .withHeader("If-None-Match", equalTo("\"v1\""))
                        .withHeader("If-Modified-Since", absent()));
    }

    @Test
    void gzipBodyIsDecoded() {
        server.stubFor(
                get("/feed.rss")
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Encoding", "gzip")
                                        .withBody(
                                                MockSource.gzip(MockSource.RSS.getBytes(UTF_8)))));
        FetchResult r = fetch("/feed.rss");
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(new String(r.body(), UTF_8)).isEqualTo(MockSource.RSS);
    }

    @Test
    void zlibDeflateBodyIsDecoded() {
        server.stubFor(
                get("/feed.rss")
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Encoding", "deflate")
                                        .withBody(
                                                MockSource.deflate(
                                                        MockSource.RSS.getBytes(UTF_8), true))));
        assertThat(new String(fetch("/feed.rss").body(), UTF_8)).isEqualTo(MockSource.RSS);
    }

    @Test
    void rawDeflateBodyIsDecoded() {
        server.stubFor(
                get("/feed.rss")
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Encoding", "Deflate")
                                        .withBody(
                                                MockSource.deflate(
                                                        MockSource.RSS.getBytes(UTF_8), false))));
        assertThat(new String(fetch("/feed.rss").body(), UTF_8)).isEqualTo(MockSource.RSS);
    }

    @Test
    void corruptGzipIsAFailureNotAnException() {
        server.stubFor(
                get("/feed.rss")
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Encoding", "gzip")
                                        .withBody("not gzip")));
        FetchResult r = fetch("/feed.rss");
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.httpStatus()).isEqualTo(200);
        assertThat(r.error()).startsWith("cannot decode body");
    }

    @Test
    void unknownContentEncodingIsAFailure() {
        server.stubFor(
                get("/feed.rss")
                        .willReturn(
                                aResponse().withHeader("Content-Encoding", "br").withBody("xx")));
        assertThat(fetch("/feed.rss").error()).contains("unsupported Content-Encoding br");
    }

    @Test
    void requestHeadersNameFeedhubAndAskForFeedsAndGzip() {
        ok("/feed.rss");
        fetch("/feed.rss");
        server.verify(
                getRequestedFor(urlEqualTo("/feed.rss"))
                        .withHeader("User-Agent", matching("feedhub/.+"))
                        .withHeader("Accept", containing("application/rss+xml"))
                        .withHeader("Accept", containing("application/atom+xml"))
                        .withHeader("Accept", containing("application/feed+json"))
                        .withHeader("Accept-Encoding", containing("gzip")));
    }

    @Test
    void configuredUserAgentIsSent() {
        ok("/feed.rss");
        FetchSettings s =
                new FetchSettings(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(5),
                        1 << 20,
                        5,
                        2,
                        true,
                        "feedhub-test/9 (ops@example.org)",
                        root);
        new HttpFetcher(s).fetch(FetchRequest.of(url("/feed.rss")));
        server.verify(
                getRequestedFor(urlEqualTo("/feed.rss"))
                        .withHeader("User-Agent", equalTo("feedhub-test/9 (ops@example.org)")));
    }

    @Test
    void chainOf301sMovesTheSourceToTheFinalUrl() {
        redirect("/a", 301, url("/b"));
        redirect("/b", 301, "/c"); // relative Location
        ok("/c");
        FetchResult r = fetch("/a");
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.finalUrl()).isEqualTo(url("/c"));
        assertThat(r.movedTo()).isEqualTo(url("/c"));
        assertThat(r.httpStatus()).isEqualTo(200);
    }

    @Test
    void permanent308MovesTheSourceToo() {
        redirect("/a", 308, url("/c"));
        ok("/c");
        assertThat(fetch("/a").movedTo()).isEqualTo(url("/c"));
    }

    @Test
    void temporaryRedirectDoesNotMoveTheSource() {
        redirect("/a", 302, url("/c"));
        ok("/c");
        FetchResult r = fetch("/a");
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.finalUrl()).isEqualTo(url("/c"));
        assertThat(r.movedTo()).isNull();
    }

    @Test
    void permanentThenTemporaryDoesNotMoveTheSource() {
        redirect("/a", 301, url("/b"));
        redirect("/b", 307, url("/c"));
        ok("/c");
        FetchResult r = fetch("/a");
        assertThat(r.finalUrl()).isEqualTo(url("/c"));
        assertThat(r.movedTo()).isNull();
    }

    @Test
    void relativeLocationWithDotSegmentsIsResolved() {
        redirect("/feeds/old/a.rss", 302, "../new/a.rss");
        ok("/feeds/new/a.rss");
        assertThat(fetch("/feeds/old/a.rss").finalUrl()).isEqualTo(url("/feeds/new/a.rss"));
    }

    @Test
    void redirectLoopFails() {
        redirect("/loop1", 302, url("/loop2"));
        redirect("/loop2", 302, url("/loop1"));
        FetchResult r = fetch("/loop1");
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.error()).contains("redirect loop");
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
    }

    @Test
    void redirectToItselfFails() {
        redirect("/self", 301, "/self");
        assertThat(fetch("/self").error()).contains("redirect loop");
    }

    @Test
    void fiveRedirectsAreFollowed() {
        for (int i = 0; i < 5; i++) redirect("/r" + i, 302, "/r" + (i + 1));
        ok("/r5");
        FetchResult r = fetch("/r0");
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.finalUrl()).isEqualTo(url("/r5"));
    }

    @Test
    void moreThanFiveRedirectsFail() {
        for (int i = 0; i < 6; i++) redirect("/r" + i, 302, "/r" + (i + 1));
        ok("/r6");
        FetchResult r = fetch("/r0");
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.error()).contains("too many redirects");
        server.verify(0, getRequestedFor(urlEqualTo("/r6")));
    }

    @Test
    void redirectWithoutLocationFails() {
        server.stubFor(get("/a").willReturn(aResponse().withStatus(302)));
        FetchResult r = fetch("/a");
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.httpStatus()).isEqualTo(302);
        assertThat(r.error()).isEqualTo("HTTP 302 without Location");
    }

    @Test
    void redirectToAFileUrlIsRefused() throws Exception {
        Path secret = java.nio.file.Files.writeString(root.resolve("secret.rss"), MockSource.RSS);
        redirect("/a", 302, secret.toUri().toString());
        FetchResult r = fetch("/a");
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.error()).contains("only http, https and file: URLs");
        assertThat(r.body()).isNull();
    }

    @Test
    void goneRetiresTheSource() {
        server.stubFor(get("/old.rss").willReturn(aResponse().withStatus(410)));
        FetchResult r = fetch("/old.rss");
        assertThat(r.status()).isEqualTo(Status.GONE);
        assertThat(r.httpStatus()).isEqualTo(410);
        assertThat(r.error()).contains("410");
        assertThat(r.body()).isNull();
    }

    @Test
    void notFoundFails() {
        server.stubFor(
                get("/missing.rss").willReturn(aResponse().withStatus(404).withBody("nope")));
        FetchResult r = fetch("/missing.rss");
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.httpStatus()).isEqualTo(404);
        assertThat(r.error()).isEqualTo("HTTP 404");
        assertThat(r.body()).isNull();
        assertThat(r.retryAfter()).isNull();
    }

    @Test
    void tooManyRequestsCarriesRetryAfterSeconds() {
        server.stubFor(
                get("/feed.rss")
                        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        FetchResult r = fetch("/feed.rss");
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.httpStatus()).isEqualTo(429);
        assertThat(r.error()).isEqualTo("HTTP 429");
        assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void unavailableCarriesRetryAfterHttpDate() {
        String inAnHour =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        ZonedDateTime.now(ZoneOffset.UTC).plusHours(1));
        server.stubFor(
                get("/feed.rss")
                        .willReturn(
                                aResponse().withStatus(503).withHeader("Retry-After", inAnHour)));
        FetchResult r = fetch("/feed.rss");
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.httpStatus()).isEqualTo(503);
        assertThat(r.retryAfter()).isBetween(Duration.ofMinutes(58), Duration.ofMinutes(60));
    }

    @Test
    void unavailableWithoutRetryAfterHasNone() {
        server.stubFor(get("/feed.rss").willReturn(aResponse().withStatus(503)));
        assertThat(fetch("/feed.rss").retryAfter()).isNull();
    }

    @Test
    void retryAfterOnOtherStatusesIsIgnored() {
        server.stubFor(
                get("/feed.rss")
                        .willReturn(aResponse().withStatus(500).withHeader("Retry-After", "60")));
        FetchResult r = fetch("/feed.rss");
        assertThat(r.error()).isEqualTo("HTTP 500");
        assertThat(r.retryAfter()).isNull();
    }

    @Test
    void emptyBodyFails() {
        server.stubFor(get("/feed.rss").willReturn(aResponse().withStatus(200)));
        FetchResult r = fetch("/feed.rss");
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.httpStatus()).isEqualTo(200);
        assertThat(r.error()).isEqualTo("empty body");
    }

    @Test
    void emptyGzipBodyFailsAsEmpty() {
        server.stubFor(
                get("/feed.rss")
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Encoding", "gzip")
                                        .withBody(MockSource.gzip(new byte[0]))));
        assertThat(fetch("/feed.rss").error()).isEqualTo("empty body");
    }

    @Test
    void uppercaseSchemeIsFetched() {
        ok("/feed.rss");
        FetchResult r =
                fetcher.fetch(FetchRequest.of("HTTP://127.0.0.1:" + server.port() + "/feed.rss"));
        assertThat(r.status()).isEqualTo(Status.OK);
    }

    @Test
    void connectionRefusedIsAFailure() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        FetchResult r =
                fetcher.fetch(FetchRequest.of("http://127.0.0.1:" + closedPort + "/feed.rss"));
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.httpStatus()).isZero();
        assertThat(r.error()).startsWith("cannot connect");
    }
}
