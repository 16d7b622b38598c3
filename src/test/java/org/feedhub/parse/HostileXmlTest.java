package org.feedhub.parse;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * DOCTYPEs and external entities are never resolved. A WireMock server stands in for the attacker's
 * DTD host: it must never be asked for anything.
 */
class HostileXmlTest {
    static final WireMockServer dtdHost = new WireMockServer(wireMockConfig().dynamicPort());

    @BeforeAll
    static void start() {
        dtdHost.start();
        dtdHost.stubFor(
                any(anyUrl())
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withBody("<!ENTITY send \"LEAKED-BY-DTD\">")));
    }

    @AfterAll
    static void stop() {
        dtdHost.stop();
    }

    private static byte[] fixture(String name) {
        String text =
                new String(ParseFixtures.bytes(name), UTF_8)
                        .replace("DTD_URL", "http://127.0.0.1:" + dtdHost.port() + "/evil.dtd");
        return text.getBytes(UTF_8);
    }

    /** Every string the parse produced: nothing may carry the target file's content. */
    private static List<String> allText(ParsedFeed f) {
        List<String> all = new ArrayList<>();
        all.add(f.title());
        for (ParsedItem i : f.items()) {
            all.add(i.title());
            all.add(i.summaryHtml());
            all.add(i.contentHtml());
        }
        all.removeIf(s -> s == null);
        return all;
    }

    private static void assertNoLeak(String fixture) {
        ParsedFeed f;
        try {
            f =
                    new FeedParser()
                            .parse(
                                    fixture(fixture),
                                    "application/rss+xml",
                                    "https://evil.example/rss",
                                    null);
        } catch (ParseException refused) {
            assertThat(refused.getMessage()).doesNotContain("root:");
            return;
        }
        assertThat(allText(f))
                .noneMatch(s -> s.contains("root:") || s.contains("/bin/") || s.contains("LEAKED"));
    }

    @Test
    void externalEntityToEtcPasswdLeaksNothing() {
        assertNoLeak("xxe.xml");
        assertThat(dtdHost.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void externalEntityReferenceStaysLiteralText() throws Exception {
        // the DOCTYPE is stripped, so &e; declares nothing: it is read as the text it is
        ParsedFeed f =
                new FeedParser().parse(fixture("xxe.xml"), null, "https://evil.example/rss", null);
        assertThat(f.title()).isEqualTo("XXE &e;");
        assertThat(f.items().get(0).title()).isEqualTo("Leak &e;");
    }

    @Test
    void parameterEntitiesAndRemoteDtdAreNeverFetched() {
        assertNoLeak("xxe-parameter-entity.xml");
        assertThat(dtdHost.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void doctypeTheCleanerCannotStripIsRefusedByTheParser() {
        // a ']' inside an entity value defeats the DOCTYPE pattern; Rome's disallow-doctype must
        // then refuse it
        assertThatThrownBy(
                        () ->
                                new FeedParser()
                                        .parse(
                                                fixture("xxe-unstrippable.xml"),
                                                null,
                                                "https://evil.example/rss",
                                                null))
                .isInstanceOf(ParseException.class)
                .hasMessageNotContaining("root:");
    }

    @Test
    void externalDtdIsIgnoredAndTheFeedStillParses() throws Exception {
        ParsedFeed f =
                new FeedParser()
                        .parse(fixture("external-dtd.xml"), null, "https://ok.example/rss", null);
        assertThat(f.title()).isEqualTo("External DTD");
        assertThat(f.items()).extracting(ParsedItem::guid).containsExactly("ok-1");
        assertThat(dtdHost.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard: expanding would take much longer
    void billionLaughsFinishesWithoutExpansion() {
        // parsing runs on this thread: a billion "lol"s would allocate gigabytes
        long before = allocatedByThisThread();
        ParsedFeed f = null;
        try {
            f =
                    new FeedParser()
                            .parse(
                                    ParseFixtures.bytes("billion-laughs.xml"),
                                    null,
                                    "https://lol.example/rss",
                                    null);
        } catch (ParseException expected) {
            // refused: fine
        }
        long allocated = allocatedByThisThread() - before;
        if (f != null) {
            assertThat(allText(f)).allMatch(s -> s.length() < 10_000);
        }
        assertThat(allocated).as("bytes allocated while parsing").isLessThan(64L << 20);
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }

    @Test
    void billionLaughsIsNotExpandedAtAll() throws Exception {
        ParsedFeed f =
                new FeedParser().parse(ParseFixtures.bytes("billion-laughs.xml"), null, "u", null);
        assertThat(f.items().get(0).title()).isEqualTo("&lol9;");
    }
}
