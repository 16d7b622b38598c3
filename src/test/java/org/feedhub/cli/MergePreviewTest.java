package org.feedhub.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preview ID} beside a store: for each item, the stored story it would merge with and why,
 * or that it is stored already. A WireMock-served feed and a real H2 file database made by the real
 * migrations.
 */
class MergePreviewTest {
    static final Instant T0 = ExplainDupTest.T0;
    static final String MAPLE =
            "Maple Rail agreed on Tuesday to buy Fjord Cargo for $3.1 billion, creating the largest"
                    + " freight operator in northern Europe. Maple Rail chief executive Anna Berg said the"
                    + " deal would close in the second half of the year.\nFjord Cargo shareholders will"
                    + " receive 52,000 Maple Rail shares per lot, the companies said.";

    @TempDir Path dir;
    WireMockServer site;
    String db;

    @BeforeEach
    void start() {
        db = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
        ExplainDupTest.store(
                org.feedhub.TestDatabase.migratedH2At(db),
                1,
                "https://wire.test/maple",
                "Maple Rail to buy Fjord Cargo for $3.1 billion",
                MAPLE,
                T0);
        site = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        site.start();
        site.stubFor(
                get("/wire.rss")
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/rss+xml")
                                        .withBody(
                                                rss(
                                                        item(
                                                                "Maple Rail to buy Fjord Cargo for $3.1 billion",
                                                                "https://wire.test/maple",
                                                                MAPLE,
                                                                "Sat, 14 Mar 2026 09:12:00 GMT"),
                                                        item(
                                                                "Maple, Fjord to combine in $3.1 bln rail deal",
                                                                "https://other.test/rail-deal",
                                                                "Maple and Fjord are to combine in a 3.1 bln dollar"
                                                                        + " rail deal. Anna Berg, who runs Maple Rail,"
                                                                        + " said on Tuesday that the takeover of Fjord"
                                                                        + " Cargo should be completed in the second"
                                                                        + " half. Holders of Fjord Cargo stock get"
                                                                        + " 52 000 Maple Rail shares per lot under"
                                                                        + " the agreement.",
                                                                "Sat, 14 Mar 2026 10:42:00 GMT"),
                                                        item(
                                                                "Harbour City edge Redmoor 2-1",
                                                                "https://wire.test/harbour",
                                                                "Harbour City beat Redmoor Athletic 2-1 at"
                                                                        + " Quayside Park on Saturday, with"
                                                                        + " defender Daniel Okafor heading the"
                                                                        + " winner in the 88th minute to lift his"
                                                                        + " side to third in the Premier"
                                                                        + " Division before a crowd of 31,412.",
                                                                "Sat, 14 Mar 2026 21:48:00 GMT")))));
    }

    @AfterEach
    void stop() {
        site.stop();
    }

    static String item(String title, String link, String text, String date) {
        return "<item><title>%s</title><link>%s</link><pubDate>%s</pubDate><description>%s</description></item>"
                .formatted(title, link, date, text.replace("&", "&amp;").replace("<", "&lt;"));
    }

    static String rss(String... items) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>"
                + "<link>https://wire.test/</link><description>d</description>"
                + String.join("", items)
                + "</channel></rss>";
    }

    @Test
    void eachItemNamesTheStoryItWouldMergeWithOrThatItIsStoredAlready() throws Exception {
        Path feeds = dir.resolve("feeds.yml");
        Files.writeString(
                feeds,
                "sources:\n  - id: wire\n    url: http://127.0.0.1:%d/wire.rss\n"
                        .formatted(site.port()));
        MainTest.Result r =
                MainTest.run(
                        "preview",
                        "wire",
                        "--feedhub.feeds=" + feeds,
                        "--feedhub.fetch.allow-private-networks=true",
                        "--spring.datasource.url=" + db);
        assertThat(r.status()).as(r.err()).isZero();
        var merges = r.out().lines().filter(l -> l.startsWith("   merges:")).toList();
        assertThat(merges)
                .hasSize(3)
                .contains(
                        "   merges:    already stored as #1 \"Maple Rail to buy Fjord Cargo for $3.1"
                                + " billion\" (same link)",
                        "   merges:    none (a new story)")
                .anySatisfy(
                        l ->
                                assertThat(l)
                                        .startsWith("   merges:    #1 \"Maple")
                                        .contains("fjord"));
    }
}
