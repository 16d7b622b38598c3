package org.feedhub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpmlImportTest {
    static final Path FILE = Path.of("/tmp/feeds.yml");
    static final String YAML =
            """
            # our sources
            defaults:
              every: 15m
            sources:
              - id: wire-world   # the wire
                url: https://wire.example/world.rss
              # - id: old-one
              #   url: https://old.example/feed
            topics:
              - id: world
                title: World
            """;

    static final String OPML =
            """
            <?xml version="1.0"?>
            <opml version="2.0"><head><title>My subscriptions</title></head><body>
              <outline text="News">
                <outline type="rss" text="Wire World" xmlUrl="https://wire.example/world.rss"/>
                <outline type="rss" text="The Ledger: Diplomacy" title="The Ledger: Diplomacy" xmlUrl="https://ledger.example/d.atom" htmlUrl="https://ledger.example/"/>
                <outline type="rss" text="Ça va &quot;bien&quot;" xmlUrl="https://fr.example/rss?x=1&amp;y=2"/>
              </outline>
              <outline type="rss" text="The Ledger: Diplomacy" xmlUrl="https://ledger.example/other.atom"/>
              <outline type="rss" text="Local" xmlUrl="file:///etc/passwd"/>
            </body></opml>
            """;

    @Test
    void newFeedsAreAppendedToSourcesWithCommentsAndLayoutKept() {
        FeedsConfig before = FeedsConfigLoader.parse(YAML, FILE);
        OpmlImport.Result r =
                OpmlImport.merge(
                        YAML, before, OpmlImport.feeds(OPML.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.added())
                .containsExactly("the-ledger-diplomacy", "ca-va-bien", "the-ledger-diplomacy-2");
        assertThat(r.skipped())
                .containsExactly(
                        "https://wire.example/world.rss (already listed)",
                        "file:///etc/passwd (not an http(s) URL)");
        assertThat(r.yaml())
                .startsWith("# our sources\n")
                .contains("  - id: wire-world   # the wire\n")
                .contains("  # - id: old-one\n");
        FeedsConfig after = FeedsConfigLoader.parse(r.yaml(), FILE);
        assertThat(after.sources())
                .extracting(SourceDef::id)
                .containsExactly(
                        "wire-world",
                        "the-ledger-diplomacy",
                        "ca-va-bien",
                        "the-ledger-diplomacy-2");
        assertThat(after.source("ca-va-bien").orElseThrow().url())
                .isEqualTo("https://fr.example/rss?x=1&y=2");
        assertThat(after.source("ca-va-bien").orElseThrow().title()).isEqualTo("Ça va \"bien\"");
        assertThat(after.topics()).hasSize(1);
        // the new entries come after the last source, before the commented-out one and the topics
        assertThat(r.yaml().indexOf("the-ledger-diplomacy"))
                .isLessThan(r.yaml().indexOf("# - id: old-one"));
    }

    @Test
    void foldersBecomeTheImportedSourcesTags() {
        String opml =
                """
                <?xml version="1.0"?>
                <opml version="2.0"><body>
                  <outline text="News">
                    <outline title="Russia: politics" text="ignored">
                      <outline type="rss" text="Kremlin wire" xmlUrl="https://k.example/rss"/>
                    </outline>
                    <outline type="rss" text="Globe" xmlUrl="https://globe.example/rss"/>
                  </outline>
                  <outline type="rss" text="Loose" xmlUrl="https://loose.example/rss"/>
                </body></opml>
                """;
        FeedsConfig before = FeedsConfigLoader.parse(YAML, FILE);
        OpmlImport.Result r =
                OpmlImport.merge(
                        YAML, before, OpmlImport.feeds(opml.getBytes(StandardCharsets.UTF_8)));
        FeedsConfig after = FeedsConfigLoader.parse(r.yaml(), FILE);
        assertThat(after.source("kremlin-wire").orElseThrow().tags())
                .containsExactly("News", "Russia: politics");
        assertThat(after.source("globe").orElseThrow().tags()).containsExactly("News");
        assertThat(after.source("loose").orElseThrow().tags()).isEmpty();
        assertThat(r.yaml()).contains("    tags: [\"News\", \"Russia: politics\"]\n");
    }

    @Test
    void deepOrLongFoldersAreBounded() {
        StringBuilder opml = new StringBuilder("<opml version=\"2.0\"><body>");
        for (int i = 0; i < 20; i++) opml.append("<outline text=\"f").append(i).append("\">");
        opml.append("<outline text=\"").append("x".repeat(5000)).append("\">");
        opml.append("<outline type=\"rss\" text=\"Deep\" xmlUrl=\"https://deep.example/rss\"/>");
        opml.append("</outline>");
        for (int i = 0; i < 20; i++) opml.append("</outline>");
        opml.append("</body></opml>");
        List<String> folders =
                OpmlImport.feeds(opml.toString().getBytes(StandardCharsets.UTF_8)).get(0).folders();
        assertThat(folders).hasSize(8);
        assertThat(folders.get(folders.size() - 1)).hasSize(100);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://pl$in.test/rss", "http://[bad/rss", "https:///no-host"})
    void anUntitledFeedWhoseUrlHasNoReadableHostIsNamedFeed(String url) {
        // fuzzing found it: the id came from the URL's host, and URI.getHost() is null here
        FeedsConfig before = FeedsConfigLoader.parse(YAML, FILE);
        OpmlImport.Result r = OpmlImport.merge(YAML, before, List.of(new OpmlImport.Feed("", url)));
        assertThat(r.added()).containsExactly("feed");
    }

    @Test
    void nothingNewLeavesTheTextAlone() {
        FeedsConfig before = FeedsConfigLoader.parse(YAML, FILE);
        OpmlImport.Result r =
                OpmlImport.merge(
                        YAML,
                        before,
                        List.of(new OpmlImport.Feed("Wire", "https://wire.example/world.rss")));
        assertThat(r.added()).isEmpty();
        assertThat(r.yaml()).isEqualTo(YAML);
    }

    @Test
    void sourcesAsTheLastBlockAreExtendedAtTheEnd() {
        String yaml = "sources:\n  - id: a\n    url: https://a.example/feed\n";
        OpmlImport.Result r =
                OpmlImport.merge(
                        yaml,
                        FeedsConfigLoader.parse(yaml, FILE),
                        List.of(new OpmlImport.Feed("", "https://b.example/feed")));
        assertThat(r.added()).containsExactly("b-example");
        assertThat(FeedsConfigLoader.parse(r.yaml(), FILE).sources()).hasSize(2);
    }

    @Test
    void aDoctypeOrGarbageIsRefused() {
        assertThatThrownBy(
                        () ->
                                OpmlImport.feeds(
                                        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><opml>&e;</opml>"
                                                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an OPML file");
        assertThatThrownBy(() -> OpmlImport.feeds("hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void slugsAreIdsFeedsYmlAccepts() {
        assertThat(OpmlImport.slug("Лавров: новости")).isEqualTo("lavrov-novosti");
        assertThat(OpmlImport.slug("???")).isEqualTo("feed");
        assertThat(OpmlImport.slug("BBC News - World")).isEqualTo("bbc-news-world");
        assertThat(OpmlImport.slug("Café Crème")).isEqualTo("cafe-creme");
    }

    @Test
    void aDoctypeIsRefusedWithoutAStrayLineOnStderr() {
        java.io.PrintStream before = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(
                            () ->
                                    OpmlImport.feeds(
                                            "<!DOCTYPE opml><opml><body/></opml>"
                                                    .getBytes(StandardCharsets.UTF_8)))
                    .hasMessageStartingWith("not an OPML file:")
                    .hasMessageContaining("DOCTYPE");
        } finally {
            System.setErr(before);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
