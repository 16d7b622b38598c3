package org.feedhub.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One {@code aggregate} pass, in a JVM limited to 256 MB of heap, over good sources mixed with
 * every hostile or broken one we know: it completes, reports each bad source on its own line with
 * its error, and stores every good source's stories. The good sources are stored while a hostile
 * one is still being fetched: the test holds that source's body until it has seen them in the
 * database. No assertion is about time; the timeouts are hang guards.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES) // a hang guard: the assertions are about order
class HostileMixIT {
    /**
     * Generous bounds that only a hang reaches; nothing is asserted about how long a step takes.
     */
    static final Duration HANG_GUARD = Duration.ofMinutes(4);

    // gzip off: WireMock would otherwise compress the 50 MiB body on the fly (our fetcher accepts
    // gzip) and send it chunked, so "huge" tested the stub's speed, not the declared-length cap
    final WireMockServer wire =
            new WireMockServer(wireMockConfig().dynamicPort().gzipDisabled(true));

    @TempDir Path dir;

    @AfterEach
    void stop() {
        wire.stop();
    }

    static String rss(String id, int n) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < n; i++) {
            items.append("<item><title>Good story ")
                    .append(i)
                    .append(" from ")
                    .append(id)
                    .append("</title><link>https://good.test/")
                    .append(id)
                    .append("/")
                    .append(i)
                    .append("</link><guid>")
                    .append(id)
                    .append(i)
                    .append("</guid>")
                    .append("<description>Text ")
                    .append(i)
                    .append(".</description></item>");
        }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>"
                + id
                + "</title><link>https://good.test/</link>"
                + "<description>d</description>"
                + items
                + "</channel></rss>";
    }

    /** An RSS feed of one item made of {@code itemXml}. */
    static ResponseDefinitionBuilder rssWith(String itemXml) {
        return aResponse()
                .withHeader("Content-Type", "application/rss+xml")
                .withBody(
                        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>h</title>"
                                + "<link>https://h.test/</link><description>d</description><item>"
                                + itemXml
                                + "</item></channel></rss>");
    }

    static byte[] gzipOfZeros(int megabytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < megabytes; i++) gz.write(zeros);
        }
        return out.toByteArray();
    }

    @Test
    void aPassOverHostileSourcesCompletesAndStoresEveryGoodSource() throws Exception {
        wire.start();
        Map<String, ResponseDefinitionBuilder> sources = new LinkedHashMap<>();
        for (String good : List.of("good-a", "good-b", "good-c")) {
            sources.put(
                    good,
                    aResponse()
                            .withHeader("Content-Type", "application/rss+xml")
                            .withBody(rss(good, 5)));
        }
        byte[] huge = new byte[50 << 20]; // 50 MiB (the no-Content-Length case is in
        // HttpFetcherLimitsTest)
        java.util.Arrays.fill(huge, (byte) 'a');
        sources.put("huge", aResponse().withBody(huge));
        sources.put(
                "gzip-bomb",
                aResponse().withHeader("Content-Encoding", "gzip").withBody(gzipOfZeros(200)));
        sources.put("reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        sources.put("bad-chunk", aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
        sources.put("empty", aResponse().withStatus(200).withBody(""));
        sources.put(
                "login",
                aResponse()
                        .withHeader("Content-Type", "text/html")
                        .withBody(
                                "<!DOCTYPE html><html><head><title>Sign in</title></head><body><form><input name=user></form></body></html>"));
        sources.put(
                "xxe",
                aResponse()
                        .withBody(
                                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                                        + "<rss version=\"2.0\"><channel><title>x</title><link>https://x.test/</link><description>d</description>"
                                        + "<item><title>XXE &e;</title><link>https://x.test/1</link></item></channel></rss>"));
        sources.put(
                "laughs",
                aResponse()
                        .withBody(
                                "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                                        + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
                                        + "<!ENTITY lol9 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]>"
                                        + "<rss version=\"2.0\"><channel><title>l</title><link>https://l.test/</link><description>d</description>"
                                        + "<item><title>&lol9;</title><link>https://l.test/1</link></item></channel></rss>"));
        sources.put(
                "cp1251",
                aResponse()
                        .withHeader("Content-Type", "application/xml")
                        .withBody(
                                ("<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss version=\"2.0\"><channel><title>Лента</title>"
                                                + "<link>https://ru.test/</link><description>d</description><item><title>Лавров прибыл в Пхеньян</title>"
                                                + "<link>https://ru.test/1</link><description>Министр иностранных дел.</description></item></channel></rss>")
                                        .getBytes(Charset.forName("windows-1251"))));
        sources.put(
                "ampersand",
                aResponse()
                        .withBody(
                                "<rss version=\"2.0\"><channel><title>A & B</title><link>https://amp.test/</link>"
                                        + "<description>d</description><item><title>Tom & Jerry meet</title><link>https://amp.test/1?a=1&b=2</link></item></channel></rss>"));
        // fields that made a pattern quadratic (issue 14): each held a pass for minutes before
        sources.put(
                "at-author",
                rssWith(
                        "<author>"
                                + "@".repeat(160 * 1024)
                                + "</author><title>Author of at signs</title>"));
        sources.put(
                "tag-text",
                rssWith(
                        "<title>Text of tag starts</title><description>"
                                + "&lt;a".repeat(300 * 1024)
                                + "</description>"));
        sources.put(
                "long-src",
                rssWith(
                        "<title>Long image source</title><description>&lt;p&gt;Text&lt;/p&gt;&lt;img src=\"https://x.test/"
                                + "blank-".repeat(150 * 1024)
                                + "/p.jpg\"&gt;</description>"));
        sources.put(
                "doctype-blanks",
                aResponse()
                        .withBody(
                                "<?xml version=\"1.0\"?><!DOCTYPE rss"
                                        + " ".repeat(1 << 20)
                                        + "[<rss version=\"2.0\"><channel><title>d</title></channel></rss>"));
        sources.put(
                "long-link",
                rssWith(
                        "<title>Megabyte link</title><link>https://x.test"
                                + "/x/./y/..".repeat((1 << 20) / 9)
                                + "</link>"));
        sources.put("missing", aResponse().withStatus(404));
        sources.put("gone", aResponse().withStatus(410));
        sources.put("busy", aResponse().withStatus(429).withHeader("Retry-After", "3600"));
        // (A redirect to a private address is refused in fetch.SsrfTest; here private networks must
        // be allowed,
        // since WireMock itself is on loopback, so such a redirect would really be followed.)
        StringBuilder yml = new StringBuilder("sources:\n");
        for (var e : sources.entrySet()) {
            wire.stubFor(get("/" + e.getKey()).willReturn(e.getValue()));
            yml.append("  - id: ")
                    .append(e.getKey())
                    .append("\n    url: http://localhost:")
                    .append(wire.port())
                    .append("/")
                    .append(e.getKey())
                    .append("\n");
        }
        yml.append("topics:\n  - id: all\n    title: All\n    limit: 500\n");

        // the held source is polled in the same pass, on its own server: it answers at once and
        // then sends nothing until the test has seen the ordinary sources stored
        try (HeldSource held = new HeldSource(8)) {
            yml.insert("sources:\n".length(), "  - id: held\n    url: " + held.url() + "\n");
            Files.writeString(dir.resolve("feeds.yml"), yml);
            try (ChildJvm pass =
                    ChildJvm.start(
                            dir,
                            "aggregate",
                            List.of(
                                    "aggregate",
                                    "--feedhub.fetch.allow-private-networks=true",
                                    // hang guard only: nothing here is meant to time out
                                    "--feedhub.fetch.response-timeout=5m",
                                    "--feedhub.fetch.max-body-size=5MB"))) {
                assertThat(held.requested().await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS))
                        .as("the pass reaches the held source\n" + pass.output())
                        .isTrue();
                Map<String, Integer> stored =
                        awaitStored(pass, List.of("good-a", "good-b", "good-c"));
                assertThat(stored)
                        .as("ordinary sources stored while the held one is in flight")
                        .containsEntry("good-a", 5)
                        .containsEntry("good-b", 5)
                        .containsEntry("good-c", 5)
                        .doesNotContainKey("held");
                assertThat(held.finished()).isFalse();
                assertThat(pass.process.isAlive())
                        .as("the pass waits for the held source\n" + pass.output())
                        .isTrue();

                held.release();
                assertThat(pass.await(HANG_GUARD)).as(pass.output()).isZero();
                assertReport(pass.stdout());
            }
        }
        try (ChildJvm export = ChildJvm.start(dir, "export", List.of("export", "site"))) {
            assertThat(export.await(HANG_GUARD)).as(export.output()).isZero();
        }
        SyndFeed feed =
                new SyndFeedInput()
                        .build(
                                new StringReader(
                                        Files.readString(dir.resolve("site/topics/all.rss"))));
        List<String> titles = feed.getEntries().stream().map(SyndEntry::getTitle).toList();
        assertThat(titles).filteredOn(t -> t.startsWith("Good story")).hasSize(15);
        assertThat(titles)
                .contains(
                        "Лавров прибыл в Пхеньян",
                        "Tom & Jerry meet",
                        "Author of at signs",
                        "Text of tag starts",
                        "Long image source",
                        "Megabyte link");
        assertThat(String.join("\n", titles)).doesNotContain("root:x:0:0");
    }

    /** The report names each source's outcome; the hostile ones by their error. */
    private static void assertReport(String out) {
        assertThat(out)
                .containsPattern("(?m)^good-a\\s+5 new")
                .containsPattern("(?m)^good-b\\s+5 new")
                .containsPattern("(?m)^good-c\\s+5 new")
                .containsPattern("(?m)^cp1251\\s+1 new")
                .containsPattern("(?m)^ampersand\\s+1 new");
        assertThat(out)
                .containsPattern("(?m)^at-author\\s+1 new")
                .containsPattern("(?m)^tag-text\\s+1 new")
                .containsPattern("(?m)^long-src\\s+1 new")
                .containsPattern("(?m)^long-link\\s+1 new")
                .containsPattern("(?m)^doctype-blanks\\s+failed: ");
        assertThat(out)
                .containsPattern("(?m)^held\\s+failed: .*larger than")
                .containsPattern("(?m)^huge\\s+failed: .*larger than")
                .containsPattern("(?m)^gzip-bomb\\s+failed: .*larger than")
                .containsPattern("(?m)^reset\\s+failed: ")
                .containsPattern("(?m)^bad-chunk\\s+failed: ")
                .containsPattern("(?m)^empty\\s+failed: empty body")
                .containsPattern("(?m)^login\\s+failed: an HTML page")
                .containsPattern("(?m)^missing\\s+failed: HTTP 404")
                .containsPattern("(?m)^gone\\s+retired: HTTP 410")
                .containsPattern("(?m)^busy\\s+failed: HTTP 429");
        // the XXE and billion-laughs documents either fail or yield text without the file or an
        // expansion
        assertThat(out).doesNotContain("root:x:0:0").doesNotContain("lollollollollol");
    }

    /**
     * Stories stored per source, read from the running pass's database (H2's AUTO_SERVER) once each
     * of {@code sources} has some; a hang guard, not a time limit on the pass.
     */
    private Map<String, Integer> awaitStored(ChildJvm pass, List<String> sources) throws Exception {
        String password = Files.readString(dir.resolve("data/.db-password")).strip();
        long giveUp = System.nanoTime() + HANG_GUARD.toNanos();
        Map<String, Integer> stored = Map.of();
        while (System.nanoTime() < giveUp && pass.process.isAlive()) {
            try (Connection c = H2PasswordIT.open(dir.resolve("data/feedhub"), password);
                    var rows =
                            c.createStatement()
                                    .executeQuery(
                                            "SELECT source_id, COUNT(*) FROM carrier GROUP BY source_id")) {
                Map<String, Integer> now = new TreeMap<>();
                while (rows.next()) now.put(rows.getString(1), rows.getInt(2));
                stored = now;
            }
            if (stored.keySet().containsAll(sources)) return stored;
            Thread.sleep(200);
        }
        throw new AssertionError(
                "not stored: " + sources + " (have " + stored + ")\n" + pass.output());
    }
}
