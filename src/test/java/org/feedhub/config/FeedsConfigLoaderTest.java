package org.feedhub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.feedhub.parse.HtmlSelectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedsConfigLoaderTest {

    private static final Path FEEDS = Path.of("/srv/feedhub/feeds.yml");

    static String resource(String name) throws IOException {
        try (InputStream in = FeedsConfigLoaderTest.class.getResourceAsStream("/config/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static FeedsConfig parse(String yaml) {
        return FeedsConfigLoader.parse(yaml, FEEDS);
    }

    @Test
    void contractExampleReadsEveryField() throws IOException {
        FeedsConfig c = parse(resource("contract-example.yml"));

        assertThat(c.file()).isEqualTo(FEEDS);
        assertThat(c.defaults())
                .isEqualTo(new Defaults(Duration.ofMinutes(15), Duration.ofDays(90)));
        assertThat(c.sources())
                .containsExactly(
                        new SourceDef(
                                "wire-world",
                                "https://wire.example/world.rss",
                                "Wire Desk",
                                Duration.ofMinutes(5),
                                List.of("world"),
                                null),
                        new SourceDef(
                                "ledger-lavrov",
                                "https://ledger.example/tag/sergei-lavrov",
                                null,
                                Duration.ofMinutes(15),
                                List.of(),
                                new HtmlSelectors(
                                        "article.story",
                                        "h2.headline",
                                        "h2.headline a",
                                        ".dek",
                                        "time")),
                        new SourceDef(
                                "some-site",
                                "https://some.example/",
                                null,
                                Duration.ofMinutes(15),
                                List.of(),
                                null));
        assertThat(c.topics())
                .containsExactly(
                        new TopicDef(
                                "sergei-lavrov",
                                "Sergei Lavrov",
                                "Russia's foreign minister, from every source",
                                List.of("wire-world", "ledger-lavrov"),
                                new TopicDef.Match(List.of("lavrov", "лавров"), List.of("sport")),
                                50));
        assertThat(c.tags())
                .containsExactly(
                        entry("Syria", List.of("syria", "syrian", "damascus", "douma")),
                        entry("Iran", List.of("iran", "iranian", "tehran")));
    }

    @Test
    void minimalFileGetsBuiltInDefaults() {
        FeedsConfig c =
                parse(
                        """
                sources:
                  - id: a
                    url: https://a.example/feed
                """);
        assertThat(c.defaults()).isEqualTo(Defaults.BUILT_IN);
        SourceDef a = c.sources().get(0);
        assertThat(a.every()).isEqualTo(Duration.ofMinutes(15));
        assertThat(a.title()).isNull();
        assertThat(a.tags()).isEmpty();
        assertThat(a.html()).isNull();
        assertThat(c.topics()).isEmpty();
        assertThat(c.tags()).isEmpty();
    }

    @Test
    void defaultsEveryAppliesToSourcesWithoutTheirOwn() {
        FeedsConfig c =
                parse(
                        """
                defaults:
                  every: 2h
                sources:
                  - {id: a, url: "https://a.example/"}
                  - {id: b, url: "https://b.example/", every: PT30S}
                """);
        assertThat(c.defaults()).isEqualTo(new Defaults(Duration.ofHours(2), Duration.ofDays(90)));
        assertThat(c.sources())
                .extracting(SourceDef::every)
                .containsExactly(Duration.ofHours(2), Duration.ofSeconds(30));
    }

    @Test
    void defaultsKeepAloneLeavesEveryBuiltIn() {
        FeedsConfig c =
                parse(
                        """
                defaults: {keep: 7d}
                sources: [{id: a, url: "https://a.example/"}]
                """);
        assertThat(c.defaults())
                .isEqualTo(new Defaults(Duration.ofMinutes(15), Duration.ofDays(7)));
    }

    @Test
    void topicDefaultsToAllSourcesEveryStoryAndDefaultLimit() {
        FeedsConfig c =
                parse(
                        """
                sources: [{id: a, url: "https://a.example/"}, {id: b, url: "https://b.example/"}]
                topics:
                  - id: everything
                    title: Everything
                """);
        TopicDef t = c.topics().get(0);
        assertThat(t.sources()).isEmpty();
        assertThat(t.match()).isEqualTo(TopicDef.Match.ALL);
        assertThat(t.limit()).isEqualTo(TopicDef.DEFAULT_LIMIT);
        assertThat(t.description()).isNull();
        assertThat(c.sourcesOf(t)).extracting(SourceDef::id).containsExactly("a", "b");
    }

    @Test
    void matchWithOnlyNone() {
        FeedsConfig c =
                parse(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                topics:
                  - {id: t, title: T, match: {none: [sport, weather]}, limit: 1000}
                """);
        assertThat(c.topics().get(0).match())
                .isEqualTo(new TopicDef.Match(List.of(), List.of("sport", "weather")));
        assertThat(c.topics().get(0).limit()).isEqualTo(1000);
    }

    @Test
    void relativeFileUrlIsResolvedAgainstTheFolderOfFeedsYml() {
        FeedsConfig c = parse("sources: [{id: w, url: \"file:samples/world.rss\"}]");
        assertThat(c.sources().get(0).url()).isEqualTo("file:///srv/feedhub/samples/world.rss");
    }

    @Test
    void fileUrlWithDotDotIsNormalized() {
        FeedsConfig c = parse("sources: [{id: w, url: \"file:../shared/./w.rss\"}]");
        assertThat(c.sources().get(0).url()).isEqualTo("file:///srv/shared/w.rss");
    }

    @Test
    void absoluteFileUrlsStayWhereTheyPoint() {
        FeedsConfig c =
                parse(
                        """
                sources:
                  - {id: a, url: "file:/data/a.rss"}
                  - {id: b, url: "file:///data/b.rss"}
                  - {id: c, url: "file://localhost/data/c.rss"}
                """);
        assertThat(c.sources())
                .extracting(SourceDef::url)
                .containsExactly("file:///data/a.rss", "file:///data/b.rss", "file:///data/c.rss");
    }

    @Test
    void fileUrlPercentEncodingIsDecodedAndReEncoded() {
        FeedsConfig c =
                parse(
                        """
                sources:
                  - {id: a, url: "file:my%20samples/a.rss"}
                  - {id: b, url: "file:my samples/b.rss"}
                """);
        assertThat(c.sources())
                .extracting(SourceDef::url)
                .containsExactly(
                        "file:///srv/feedhub/my%20samples/a.rss",
                        "file:///srv/feedhub/my%20samples/b.rss");
    }

    @Test
    void fileUrlOfARelativeFeedsYmlPathIsAbsolute() {
        FeedsConfig c =
                FeedsConfigLoader.parse(
                        "sources: [{id: w, url: \"file:samples/w.rss\"}]", Path.of("feeds.yml"));
        String expected = Path.of("").toAbsolutePath().resolve("samples/w.rss").toUri().toString();
        assertThat(c.sources().get(0).url()).isEqualTo(expected);
        assertThat(c.file()).isEqualTo(Path.of("feeds.yml").toAbsolutePath());
    }

    @Test
    void httpUrlIsKeptAsWritten() {
        FeedsConfig c =
                parse("sources: [{id: a, url: \"HTTP://A.example:8080/x?q=1&utm_source=z\"}]");
        assertThat(c.sources().get(0).url()).isEqualTo("HTTP://A.example:8080/x?q=1&utm_source=z");
    }

    @Test
    void numbersAndBooleansAreTakenAsWrittenWhereTextIsExpected() {
        FeedsConfig c =
                parse(
                        """
                sources:
                  - {id: a, url: "https://a.example/", title: 1.10, tags: [no, 2024]}
                topics:
                  - {id: t, title: 2024, description: yes, match: {any: [on, 007]}}
                tags:
                  Norway: [no, norway]
                """);
        assertThat(c.sources().get(0).title()).isEqualTo("1.10");
        assertThat(c.sources().get(0).tags()).containsExactly("no", "2024");
        TopicDef t = c.topics().get(0);
        assertThat(t.title()).isEqualTo("2024");
        assertThat(t.description()).isEqualTo("yes");
        assertThat(t.match().any()).containsExactly("on", "007");
        assertThat(c.tags()).containsEntry("Norway", List.of("no", "norway"));
    }

    @Test
    void textIsTrimmed() {
        FeedsConfig c =
                parse(
                        """
                sources: [{id: a, url: "  https://a.example/  ", title: "  Wire  ", tags: [" world "]}]
                """);
        assertThat(c.sources().get(0))
                .extracting(SourceDef::url, SourceDef::title, SourceDef::tags)
                .containsExactly("https://a.example/", "Wire", List.of("world"));
    }

    @Test
    void htmlSelectorsMayTakeAnAttributeAndOmitOptionalFields() {
        FeedsConfig c =
                parse(
                        """
                sources:
                  - id: page
                    url: https://page.example/
                    html:
                      item: li.post
                      title: a
                      link: a@href
                """);
        assertThat(c.sources().get(0).html())
                .isEqualTo(new HtmlSelectors("li.post", "a", "a@href", null, null));
    }

    @Test
    void emptyOptionalValuesCountAsAbsent() {
        FeedsConfig c =
                parse(
                        """
                defaults:
                sources:
                  - id: a
                    url: https://a.example/
                    title:
                    tags:
                topics:
                tags:
                """);
        assertThat(c.defaults()).isEqualTo(Defaults.BUILT_IN);
        assertThat(c.sources().get(0).title()).isNull();
        assertThat(c.sources().get(0).tags()).isEmpty();
        assertThat(c.topics()).isEmpty();
        assertThat(c.tags()).isEmpty();
    }

    @Test
    void listsAreImmutable() {
        FeedsConfig c = parse("sources: [{id: a, url: \"https://a.example/\", tags: [x]}]");
        assertThatThrownBy(() -> c.sources().get(0).tags().add("y"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> c.tags().put("y", List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void loadReadsAFileAndNamesItAsGiven(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("feeds.yml");
        Files.writeString(file, "\uFEFFsources: [{id: w, url: \"file:samples/w.rss\"}]\n");
        FeedsConfig c = FeedsConfigLoader.load(file);
        assertThat(c.file()).isEqualTo(file.toAbsolutePath());
        assertThat(c.sources().get(0).url())
                .isEqualTo(dir.resolve("samples/w.rss").toUri().toString());
    }

    @Test
    void fulltextIsOffByDefaultAutomaticWithTrueAndASelectorOtherwise() {
        FeedsConfig c =
                parse(
                        """
                sources:
                  - {id: a, url: "https://a.example/"}
                  - {id: b, url: "https://b.example/", fulltext: true}
                  - {id: c, url: "https://c.example/", fulltext: false}
                  - {id: d, url: "https://d.example/", fulltext: ".story-body"}
                  - {id: e, url: "https://e.example/", fulltext: "article .body > p"}
                  - {id: f, url: "https://f.example/", fulltext: yes}
                  - {id: g, url: "https://g.example/", fulltext: }
                """);
        assertThat(c.sources())
                .extracting(SourceDef::fulltext)
                .containsExactly(
                        null,
                        FullText.AUTO,
                        null,
                        new FullText(".story-body"),
                        new FullText("article .body > p"),
                        FullText.AUTO,
                        null);
        assertThat(c.sources().get(1).fulltext().automatic()).isTrue();
        assertThat(c.sources().get(3).fulltext().automatic()).isFalse();
    }

    @Test
    void tagsTakeAListOrAMappingWithTheirOwnStem() {
        FeedsConfig c =
                parse(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                tags:
                  Syria: [syria, syrian, damascus]
                  Lavrov: {phrases: [лавров, lavrov], stem: true}
                  Iran:
                    phrases: [iran]
                    stem: false
                """);
        assertThat(c.vocabulary())
                .containsExactly(
                        new TagDef("Syria", List.of("syria", "syrian", "damascus"), false),
                        new TagDef("Lavrov", List.of("лавров", "lavrov"), true),
                        new TagDef("Iran", List.of("iran"), false));
        assertThat(c.tags())
                .containsExactly(
                        entry("Syria", List.of("syria", "syrian", "damascus")),
                        entry("Lavrov", List.of("лавров", "lavrov")),
                        entry("Iran", List.of("iran")));
    }

    @Test
    void defaultsStemAppliesToTagsAndTopicsWithoutTheirOwn() {
        FeedsConfig c =
                parse(
                        """
                defaults: {stem: true}
                sources: [{id: a, url: "https://a.example/"}]
                topics:
                  - {id: s, title: S, match: {any: [syria]}}
                  - {id: e, title: E, match: {any: [syria], stem: false}}
                tags:
                  Syria: [syria]
                  Iran: {phrases: [iran], stem: false}
                """);
        assertThat(c.defaults())
                .isEqualTo(new Defaults(Duration.ofMinutes(15), Duration.ofDays(90), true));
        assertThat(c.vocabulary()).extracting(TagDef::stem).containsExactly(true, false);
        assertThat(c.topics()).extracting(t -> t.match().stem()).containsExactly(true, false);
    }

    @Test
    void stemIsOffUnlessAsked() {
        FeedsConfig c =
                parse(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                topics: [{id: s, title: S, match: {any: [syria]}}]
                tags: {Syria: [syria]}
                """);
        assertThat(c.defaults().stem()).isFalse();
        assertThat(c.vocabulary().get(0).stem()).isFalse();
        assertThat(c.topics().get(0).match().stem()).isFalse();
    }

    @Test
    void matchByTagsAloneOrWithPhrases() {
        FeedsConfig c =
                parse(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                topics:
                  - {id: t, title: T, match: {tags: [Syria, Middle East]}}
                  - {id: u, title: U, match: {any: [damascus], none: [sport], tags: [Syria], stem: true}}
                """);
        assertThat(c.topics().get(0).match())
                .isEqualTo(
                        new TopicDef.Match(
                                List.of(), List.of(), List.of("Syria", "Middle East"), false));
        assertThat(c.topics().get(0).match().everything()).isFalse();
        assertThat(c.topics().get(1).match())
                .isEqualTo(
                        new TopicDef.Match(
                                List.of("damascus"), List.of("sport"), List.of("Syria"), true));
    }
}
