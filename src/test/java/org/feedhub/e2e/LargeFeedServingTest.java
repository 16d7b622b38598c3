package org.feedhub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.feedhub.batch.PassRunner;
import org.feedhub.publish.FeedFormat;
import org.feedhub.publish.TopicFeeds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A topic feed large enough to go out with sendfile (over {@code FeedFastPath.SENDFILE_MIN}): the
 * bytes on the wire are exactly the rendered ones, for GET, gzip, HEAD and 304, and a feed that
 * changes is served anew.
 */
@FeedhubE2E
class LargeFeedServingTest {
    /** One big source; its stories are stubbed before the first pass. */
    @FeedhubE2E.BeforeContext
    static void sources(E2E e2e) {
        e2e.writeFeeds(
                """
                sources:
                  - id: big
                    url: http://localhost:%d/big.rss
                topics:
                  - id: all
                    title: All
                    limit: 200
                """
                        .formatted(e2e.wiremock().port()));
    }

    @LocalServerPort int port;
    @Autowired PassRunner passes;
    @Autowired TopicFeeds feeds;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("feedFastPath")
    org.springframework.boot.web.servlet.FilterRegistrationBean<?> fastPath;

    static String rss(int items, String tag) {
        StringBuilder b =
                new StringBuilder(
                        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big</title>");
        for (int i = 0; i < items; i++) {
            b.append("<item><title>Story ")
                    .append(tag)
                    .append(' ')
                    .append(i)
                    .append(" about harbour number ")
                    .append(i * 7919)
                    .append("</title><link>https://big.example/")
                    .append(tag)
                    .append('/')
                    .append(i)
                    .append("</link><pubDate>Mon, 0")
                    .append(1 + i % 9)
                    .append(" Jun 2026 10:00:00 GMT</pubDate><description>");
            for (int w = 0; w < 60; w++) b.append("word").append(i * 100 + w).append(' ');
            b.append("</description></item>");
        }
        return b.append("</channel></rss>").toString();
    }

    HttpResponse<byte[]> send(HttpRequest.Builder r) throws Exception {
        return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpRequest.Builder req() {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/topics/all.atom"));
    }

    static boolean once;

    @BeforeEach
    void pass(E2E e2e) {
        if (once) return;
        e2e.wiremock().stubFor(get("/big.rss").willReturn(aResponse().withBody(rss(120, "a"))));
        passes.run(true);
        once = true;
    }

    byte[] rendered() {
        return feeds.feed("all", FeedFormat.ATOM, "http://localhost:" + port).orElseThrow().body();
    }

    @Test
    void theFeedIsLargeEnoughForSendfileAndArrivesWhole() throws Exception {
        byte[] expected = rendered();
        assertThat(expected.length).isGreaterThan(FeedFastPath_SENDFILE_MIN());
        HttpResponse<byte[]> r = send(req());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(expected.length);
        assertThat(r.body()).isEqualTo(expected);
        // again: the second answer comes from the file written by the first
        assertThat(send(req()).body()).isEqualTo(expected);
        assertThat(org.feedhub.publish.web.FeedFastPathAccess.filesWritten(fastPath.getFilter()))
                .as("Tomcat offered sendfile and the feed went out from a file")
                .isPositive();
    }

    @Test
    void gzipHeadAnd304AgreeWithTheFullAnswer() throws Exception {
        byte[] expected = rendered();
        HttpResponse<byte[]> gz = send(req().header("Accept-Encoding", "gzip"));
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (GZIPInputStream in =
                new GZIPInputStream(new java.io.ByteArrayInputStream(gz.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(expected);
        }
        HttpResponse<byte[]> head = send(req().method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        String etag = send(req()).headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = send(req().header("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void aChangedFeedIsServedAnewNotFromTheOldFile(E2E e2e) throws Exception {
        byte[] before = send(req()).body();
        e2e.wiremock().stubFor(get("/big.rss").willReturn(aResponse().withBody(rss(130, "b"))));
        passes.run(true);
        byte[] after = send(req()).body();
        assertThat(after).isNotEqualTo(before).isEqualTo(rendered());
        once = true;
    }

    private static int FeedFastPath_SENDFILE_MIN() {
        return org.feedhub.publish.web.FeedFastPathAccess.sendfileMin();
    }
}
