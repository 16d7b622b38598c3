package org.feedhub.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.feedhub.fetch.FetchResult.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With allow-private-networks off, internal addresses are refused before any connection. A socket
 * on loopback counts connections: had the fetcher connected there, it would have seen it. Addresses
 * that are not loopback cannot be watched; there the refusal must come from the address guard
 * ("refused: ... internal address"), where a connection attempt would have failed with a network
 * error instead.
 */
class SsrfTest {
    static final WireMockServer server = MockSource.server(false);
    static final ConnectionCounter listener = new ConnectionCounter();

    @TempDir Path root;

    @BeforeEach
    void reset() {
        server.resetAll();
        server.stubFor(get(anyUrl()).willReturn(aResponse().withBody(MockSource.RSS)));
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        listener.close();
    }

    /**
     * A response timeout no test here waits for: each either refuses before any request or gets its
     * answer, so a slow machine cannot turn a refusal into a timeout.
     */
    static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private HttpFetcher strict() {
        return new HttpFetcher(MockSource.settings(HANG_GUARD, 1 << 20, 2, false, root));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "http://127.0.0.1:PORT/feed",
                "http://localhost:PORT/feed",
                "http://[::1]:PORT/feed",
                "http://[::ffff:127.0.0.1]:PORT/feed",
                "http://0.0.0.0:PORT/feed",
                "https://127.0.0.1:PORT/feed",
                "http://10.0.0.1/",
                "http://169.254.169.254/latest/meta-data/",
                "http://100.64.0.1/",
                "http://[::ffff:127.0.0.1]/",
                "http://192.168.1.1/",
                "http://172.16.0.1/",
                "http://[fd00::1]/"
            })
    void internalAddressesAreRefusedBeforeAnyRequest(String template) {
        String url = template.replace("PORT", String.valueOf(listener.port()));
        FetchResult r = strict().fetch(FetchRequest.of(url));
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.httpStatus()).isZero();
        assertThat(r.error()).startsWith("refused:").contains("internal address");
        assertThat(r.body()).isNull();
        assertThat(listener.connectionsSoFar()).as("connections to the loopback listener").isZero();
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void theSameUrlIsFetchedWhenPrivateNetworksAreAllowed() {
        // the control: the refusals above come from the guard, not from the server being
        // unreachable
        FetchResult r =
                MockSource.fetcher(root)
                        .fetch(FetchRequest.of("http://localhost:" + server.port() + "/feed"));
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void theListenerCountsAConnection() throws Exception {
        // the control for the count above: the fetch connects; counting accepts and closes each
        // connection, so the fetch then fails without waiting for its timeout
        CompletableFuture<FetchResult> fetch =
                CompletableFuture.supplyAsync(
                        () ->
                                new HttpFetcher(
                                                MockSource.settings(
                                                        HANG_GUARD, 1 << 20, 2, true, root))
                                        .fetch(
                                                FetchRequest.of(
                                                        "http://127.0.0.1:"
                                                                + listener.port()
                                                                + "/feed")));
        int connections = 0;
        while (!fetch.isDone()) {
            connections += listener.connectionsSoFar();
            Thread.sleep(20);
        }
        FetchResult r = fetch.get();
        connections += listener.connectionsSoFar();
        assertThat(r.status()).isEqualTo(Status.FAILED);
        // the JDK's client tries a GET once more when the connection closes without an answer
        assertThat(connections).isBetween(1, 2);
    }

    /**
     * Lets the mock server (127.0.0.1) through, as if it were a public host; everything else is
     * checked.
     */
    private HttpFetcher strictExceptTheMockServer() {
        AddressGuard guard =
                new AddressGuard(false) {
                    @Override
                    String refusal(String host) {
                        return "127.0.0.1".equals(host) ? null : super.refusal(host);
                    }
                };
        return new HttpFetcher(MockSource.settings(HANG_GUARD, 1 << 20, 2, false, root), guard);
    }

    @Test
    void redirectFromAnAllowedHostToAnInternalOneIsRefused() {
        server.stubFor(
                get("/jump")
                        .willReturn(
                                aResponse()
                                        .withStatus(302)
                                        .withHeader(
                                                "Location",
                                                "http://localhost:" + server.port() + "/secret")));
        FetchResult r =
                strictExceptTheMockServer()
                        .fetch(FetchRequest.of("http://127.0.0.1:" + server.port() + "/jump"));
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.error()).startsWith("refused: localhost resolves to the internal address");
        server.verify(1, getRequestedFor(urlEqualTo("/jump")));
        server.verify(0, getRequestedFor(urlEqualTo("/secret")));
    }

    @Test
    void redirectToTheMetadataServiceIsRefused() {
        server.stubFor(
                get("/jump")
                        .willReturn(
                                aResponse()
                                        .withStatus(301)
                                        .withHeader(
                                                "Location",
                                                "http://169.254.169.254/latest/meta-data/iam/")));
        FetchResult r =
                strictExceptTheMockServer()
                        .fetch(FetchRequest.of("http://127.0.0.1:" + server.port() + "/jump"));
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.error()).contains("169.254.169.254").contains("internal address");
        assertThat(r.movedTo()).isNull();
    }

    @Test
    void theCustomGuardStillLetsTheMockServerThrough() {
        // the control for the two tests above
        FetchResult r =
                strictExceptTheMockServer()
                        .fetch(FetchRequest.of("http://127.0.0.1:" + server.port() + "/feed"));
        assertThat(r.status()).isEqualTo(Status.OK);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "ftp://127.0.0.1/feed.rss",
                "gopher://127.0.0.1:70/",
                "jar:file:/x.jar!/a",
                "javascript:alert(1)",
                "mailto:a@example.org",
                "ldap://127.0.0.1/",
                "//127.0.0.1/feed",
                "/feed.rss"
            })
    void otherSchemesAreRefused(String url) {
        FetchResult r = MockSource.fetcher(root).fetch(FetchRequest.of(url));
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.error()).contains("only http, https and file: URLs");
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://exa mple.org/", "http://[::1/", "not a url at all"})
    void malformedUrlsFailWithoutThrowing(String url) {
        FetchResult r = MockSource.fetcher(root).fetch(FetchRequest.of(url));
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.error()).startsWith("bad URL");
    }

    @Test
    void urlWithoutHostFails() {
        FetchResult r = MockSource.fetcher(root).fetch(FetchRequest.of("http:///feed.rss"));
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.error()).isEqualTo("no host in URL");
    }
}
