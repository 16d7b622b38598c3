package org.feedhub.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.feedhub.fetch.FetchResult.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One slow, huge or broken source costs a bounded amount of time and memory. Served chunked (no
 * Content-Length), so the size cap cannot rely on the server announcing the size.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpFetcherLimitsTest {
    static final HeldRequests held = new HeldRequests();
    static final WireMockServer server = MockSource.server(true, held);
    static final int MIB = 1 << 20;

    /**
     * The response timeout of tests that expect no timeout: long enough that only a hang reaches it
     * (the class's 60 s is the test's own guard), so a loaded machine cannot turn an answer into a
     * timeout.
     */
    static final Duration NO_TIMEOUT = Duration.ofSeconds(45);

    @TempDir Path root;

    @BeforeEach
    void reset() throws InterruptedException {
        server.resetAll();
        held.reset(Integer.MAX_VALUE, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private HttpFetcher fetcher(Duration responseTimeout, long maxBytes, int perHost) {
        return new HttpFetcher(MockSource.settings(responseTimeout, maxBytes, perHost, true, root));
    }

    /** Bytes the calling thread has allocated so far (HotSpot's count: a measure of work). */
    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }

    @Test
    void bodyOverTheCapWithoutContentLengthFails() {
        byte[] huge = new byte[50 * MIB];
        Arrays.fill(huge, (byte) 'x');
        server.stubFor(get("/huge").willReturn(aResponse().withBody(huge)));
        FetchResult r = fetcher(NO_TIMEOUT, MIB, 2).fetch(FetchRequest.of(url("/huge")));
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.error()).contains("larger than " + MIB + " bytes");
        assertThat(r.body()).isNull();
        // served chunked, as this test needs
        assertThat(server.findAll(getRequestedFor(urlEqualTo("/huge")))).hasSize(1);
    }

    @Test
    void bodyExactlyAtTheCapIsAccepted() {
        byte[] body = new byte[MIB];
        Arrays.fill(body, (byte) 'y');
        server.stubFor(get("/exact").willReturn(aResponse().withBody(body)));
        FetchResult r = fetcher(NO_TIMEOUT, MIB, 2).fetch(FetchRequest.of(url("/exact")));
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.body()).hasSize(MIB);
    }

    @Test
    void oneByteOverTheCapFails() {
        byte[] body = new byte[MIB + 1];
        Arrays.fill(body, (byte) 'y');
        server.stubFor(get("/over").willReturn(aResponse().withBody(body)));
        FetchResult r = fetcher(NO_TIMEOUT, MIB, 2).fetch(FetchRequest.of(url("/over")));
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.error()).contains("larger than");
    }

    @Test
    void gzipBombIsCutOffNotInflated() {
        byte[] bomb = MockSource.gzipOfZeros(200L * 1000 * 1000);
        assertThat(bomb.length).isLessThan(MIB);
        server.stubFor(
                get("/bomb")
                        .willReturn(
                                aResponse().withHeader("Content-Encoding", "gzip").withBody(bomb)));
        HttpFetcher fetcher = fetcher(NO_TIMEOUT, 10L * MIB, 2);
        long before = allocatedByThisThread();
        FetchResult r = fetcher.fetch(FetchRequest.of(url("/bomb")));
        long allocated = allocatedByThisThread() - before;
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.error()).contains("decoded").contains("larger than " + 10L * MIB);
        assertThat(r.body()).isNull();
        // decoding runs on the calling thread: inflating the 200 MB would allocate them (and more);
        // stopping at the 10 MiB cap allocates a few times the cap at most
        assertThat(allocated).isLessThan(100L * MIB);
    }

    @Test
    void responseHeldPastTheTimeoutFailsWhileTheServerStillHoldsIt() {
        // the server holds the request (up to 20 s); the fetcher must give up on its own
        server.stubFor(
                get("/slow")
                        .willReturn(
                                aResponse()
                                        .withTransformers(HeldRequests.NAME)
                                        .withBody(MockSource.RSS)));
        FetchResult r =
                fetcher(Duration.ofMillis(1000), MIB, 2).fetch(FetchRequest.of(url("/slow")));
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.error()).isEqualTo("timed out after 1 s");
        assertThat(held.held()).as("requests the server still holds").isEqualTo(1);
        held.release();
    }

    @Test
    void bodyDribbledPastTheTimeoutFailsToo() {
        // headers arrive at once; the body trickles over 5 s: the timeout covers the whole response
        server.stubFor(
                get("/dribble")
                        .willReturn(
                                aResponse()
                                        .withBody(MockSource.RSS)
                                        .withChunkedDribbleDelay(10, 5000)));
        FetchResult r =
                fetcher(Duration.ofMillis(1000), MIB, 2).fetch(FetchRequest.of(url("/dribble")));
        // a timeout covering the headers only would wait for the whole body and succeed
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.error()).isEqualTo("timed out after 1 s");
        assertThat(r.body()).isNull();
    }

    @Test
    void timeoutMessageNamesTheTimeout() {
        server.stubFor(
                get("/slow").willReturn(aResponse().withFixedDelay(3000).withBody(MockSource.RSS)));
        FetchResult r =
                fetcher(Duration.ofMillis(500), MIB, 2).fetch(FetchRequest.of(url("/slow")));
        assertThat(r.error()).contains("timed out").doesNotContain("after 0 s");
    }

    @Test
    void connectionResetIsAFailureWithAReason() {
        server.stubFor(
                get("/reset").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        FetchResult r = fetcher(NO_TIMEOUT, MIB, 2).fetch(FetchRequest.of(url("/reset")));
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.error()).isNotBlank();
        assertThat(r.body()).isNull();
    }

    @Test
    void malformedChunkIsAFailureWithAReason() {
        server.stubFor(
                get("/chunk").willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        FetchResult r = fetcher(NO_TIMEOUT, MIB, 2).fetch(FetchRequest.of(url("/chunk")));
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.error()).isNotBlank();
    }

    @Test
    void emptyResponseIsAFailureWithAReason() {
        server.stubFor(get("/empty").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        FetchResult r = fetcher(NO_TIMEOUT, MIB, 2).fetch(FetchRequest.of(url("/empty")));
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.error()).isNotBlank();
    }

    @Test
    void randomBytesInsteadOfHttpIsAFailure() {
        server.stubFor(
                get("/random").willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
        FetchResult r = fetcher(NO_TIMEOUT, MIB, 2).fetch(FetchRequest.of(url("/random")));
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.error()).isNotBlank();
    }

    /** Six fetches of {@code url} from six threads at once; all must succeed. */
    private static void sixConcurrentFetches(HttpFetcher fetcher, String url) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<FetchResult>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++)
                results.add(pool.submit(() -> fetcher.fetch(FetchRequest.of(url))));
            for (Future<FetchResult> f : results) assertThat(f.get().status()).isEqualTo(Status.OK);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void stubHeld(String path) {
        server.stubFor(
                get(path)
                        .willReturn(
                                aResponse()
                                        .withTransformers(HeldRequests.NAME)
                                        .withBody(MockSource.RSS)));
    }

    @Test
    void atMostTwoRequestsAtOnceToOneHost() throws Exception {
        // each request is held 500 ms in the server, or let go as soon as a third joins two held
        // ones: with six threads and no limit, three would meet there
        held.reset(3, Duration.ofMillis(500));
        stubHeld("/delayed");
        sixConcurrentFetches(fetcher(NO_TIMEOUT, MIB, 2), url("/delayed"));
        assertThat(held.highWater()).as("most requests in the server at once").isBetween(1, 2);
        assertThat(server.findAll(getRequestedFor(urlEqualTo("/delayed")))).hasSize(6);
    }

    @Test
    void withSixPermitsTheSameSixRunTogether() throws Exception {
        // the control for the test above: the server lets them go only once all six are in (or
        // after 20 s, and then the mark shows fewer)
        held.reset(6, Duration.ofSeconds(20));
        stubHeld("/delayed");
        sixConcurrentFetches(fetcher(NO_TIMEOUT, MIB, 6), url("/delayed"));
        assertThat(held.highWater()).as("most requests in the server at once").isEqualTo(6);
    }

    @Test
    void aSlowHostDoesNotHoldUpAnother() throws Exception {
        stubHeld("/slow");
        server.stubFor(get("/fast").willReturn(aResponse().withBody(MockSource.RSS)));
        HttpFetcher fetcher = fetcher(NO_TIMEOUT, MIB, 1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<FetchResult> slow =
                    pool.submit(() -> fetcher.fetch(FetchRequest.of(url("/slow"))));
            held.awaitHeld(1); // the slow one holds 127.0.0.1's only permit
            FetchResult fast =
                    fetcher.fetch(FetchRequest.of("http://localhost:" + server.port() + "/fast"));
            assertThat(fast.status()).isEqualTo(Status.OK);
            assertThat(held.held()).as("the slow request, still held by the server").isEqualTo(1);
            assertThat(slow).isNotDone();
            held.release();
            assertThat(slow.get().status()).isEqualTo(Status.OK);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void permitIsReturnedAfterAFailure() {
        server.stubFor(
                get("/reset").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        server.stubFor(get("/ok").willReturn(aResponse().withBody(MockSource.RSS)));
        HttpFetcher fetcher = fetcher(NO_TIMEOUT, MIB, 1);
        assertThat(fetcher.fetch(FetchRequest.of(url("/reset"))).status()).isEqualTo(Status.FAILED);
        assertThat(fetcher.fetch(FetchRequest.of(url("/reset"))).status()).isEqualTo(Status.FAILED);
        FetchResult ok = fetcher.fetch(FetchRequest.of(url("/ok")));
        assertThat(ok.status()).isEqualTo(Status.OK);
        assertThat(new String(ok.body(), UTF_8)).isEqualTo(MockSource.RSS);
    }

    @Test
    void permitIsReturnedAfterATimeout() {
        // one permit for the host: had the timed-out fetch kept it, the next could not even send
        // its request (it would wait for the permit until the class's hang guard)
        stubHeld("/slow");
        server.stubFor(get("/ok").willReturn(aResponse().withBody(MockSource.RSS)));
        HttpFetcher fetcher = fetcher(Duration.ofMillis(500), MIB, 1);
        assertThat(fetcher.fetch(FetchRequest.of(url("/slow"))).error()).contains("timed out");
        assertThat(held.held()).as("the timed-out request, still held by the server").isEqualTo(1);
        fetcher.fetch(FetchRequest.of(url("/ok"))); // its own outcome may be a timeout: a slow box
        server.verify(1, getRequestedFor(urlEqualTo("/ok")));
        held.release();
    }
}
