package org.feedhub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way feeds.yml can be wrong, with the exact line and field the message must name. */
class FeedsConfigErrorsTest {

    private static ConfigException error(String yaml) {
        try {
            FeedsConfigLoader.parse(yaml, Path.of("feeds.yml"));
        } catch (ConfigException e) {
            return e;
        }
        return fail("expected a ConfigException for:\n" + yaml);
    }

    private static void assertError(ConfigException e, int line, String field, String problem) {
        assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
        assertThat(e.getMessage())
                .startsWith("feeds.yml:" + line + ": " + (field.isEmpty() ? "" : field + ": "))
                .contains(problem);
    }

    // --- the file as a whole

    @Test
    void emptyFile() {
        assertError(error(""), 1, "", "is empty");
    }

    @Test
    void onlyComments() {
        assertError(error("# nothing yet\n"), 1, "", "is empty");
    }

    @Test
    void topLevelIsAList() {
        assertError(error("- a\n- b\n"), 1, "", "expected a mapping");
    }

    @Test
    void noSourcesKey() {
        assertError(
                error(
                        """
                defaults:
                  every: 5m
                """),
                1,
                "sources",
                "no sources");
    }

    @Test
    void sourcesWithoutEntries() {
        assertError(
                error(
                        """
                defaults: {every: 5m}
                sources:
                """),
                2,
                "sources",
                "no sources");
    }

    @Test
    void sourcesEmptyList() {
        assertError(
                error(
                        """
                defaults: {every: 5m}
                sources: []
                """),
                2,
                "sources",
                "is empty");
    }

    @Test
    void yamlSyntaxError() {
        ConfigException e =
                error(
                        """
                sources:
                  - id: a
                    url: https://a.example/
                   title: bad indent
                """);
        assertError(e, 4, "", "not valid YAML");
    }

    @Test
    void yamlUnclosedFlowList() {
        assertError(
                error(
                        """
                sources:
                  - id: a
                    url: https://a.example/
                    tags: [world, news
                topics: []
                """),
                5,
                "",
                "not valid YAML");
    }

    @Test
    void yamlTabIndentation() {
        assertError(error("sources:\n\t- id: a\n"), 2, "", "not valid YAML");
    }

    @Test
    void controlCharacter() {
        assertError(error("sources:\n  - id: a\u0007\n"), 2, "", "U+7");
    }

    @Test
    void twoDocuments() {
        assertError(
                error("sources: []\n---\nsources: []\n"),
                2,
                "",
                "not valid YAML: expected a single document in the stream, but found another document");
    }

    @Test
    void missingFile(@TempDir Path dir) {
        Path missing = dir.resolve("feeds.yml");
        try {
            FeedsConfigLoader.load(missing);
            fail("no error");
        } catch (ConfigException e) {
            assertThat(e.line()).isZero();
            assertThat(e.getMessage()).isEqualTo(missing + ":0: no such file");
        }
    }

    @Test
    void notUtf8(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("feeds.yml");
        Files.write(file, new byte[] {'s', ':', ' ', (byte) 0xE9, '\n'});
        try {
            FeedsConfigLoader.load(file);
            fail("no error");
        } catch (ConfigException e) {
            assertThat(e.getMessage()).isEqualTo(file + ":0: is not UTF-8 text");
        }
    }

    // --- unknown and duplicate keys

    @Test
    void unknownTopLevelKey() {
        assertError(
                error(
                        """
                sources:
                  - {id: a, url: "https://a.example/"}
                source:
                  - {id: b, url: "https://b.example/"}
                """),
                3,
                "source",
                "unknown key 'source' (allowed: defaults, sources, topics, tags)");
    }

    @Test
    void unknownDefaultsKey() {
        assertError(
                error(
                        """
                defaults:
                  every: 5m
                  retain: 30d
                sources: [{id: a, url: "https://a.example/"}]
                """),
                3,
                "defaults.retain",
                "(allowed: every, keep, stem)");
    }

    @Test
    void unknownSourceKey() {
        assertError(
                error(
                        """
                sources:
                  - id: a
                    url: https://a.example/
                  - id: b
                    url: https://b.example/
                    titel: B
                """),
                6,
                "sources[1].titel",
                "unknown key 'titel' (allowed: id, url, title, every, tags, html, fulltext)");
    }

    @Test
    void unknownHtmlKey() {
        assertError(
                error(
                        """
                sources:
                  - id: a
                    url: https://a.example/
                    html:
                      item: li
                      title: a
                      link: a
                      author: .by
                """),
                8,
                "sources[0].html.author",
                "(allowed: item, title, link, summary, date)");
    }

    @Test
    void unknownTopicKey() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                topics:
                  - id: t
                    title: T
                    max: 10
                """),
                5,
                "topics[0].max",
                "(allowed: id, title, description, language, sources, match, limit)");
    }

    @Test
    void unknownMatchKey() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                topics:
                  - id: t
                    title: T
                    match:
                      all: [x]
                """),
                6,
                "topics[0].match.all",
                "unknown key 'all' (allowed: any, none, tags, stem)");
    }

    @Test
    void duplicateTopLevelKey() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                topics: []
                sources: [{id: b, url: "https://b.example/"}]
                """),
                3,
                "sources",
                "duplicate key 'sources' (first on line 1)");
    }

    @Test
    void duplicateSourceKey() {
        assertError(
                error(
                        """
                sources:
                  - id: a
                    url: https://a.example/
                    every: 5m
                    every: 10m
                """),
                5,
                "sources[0].every",
                "duplicate key 'every' (first on line 4)");
    }

    @Test
    void duplicateTagName() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                tags:
                  Syria: [syria]
                  Iran: [iran]
                  Syria: [damascus]
                """),
                5,
                "tags.Syria",
                "duplicate key 'Syria' (first on line 3)");
    }

    @Test
    void keyThatIsNotAName() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                tags:
                  [a, b]: [x]
                """),
                3,
                "tags",
                "expected a name as key");
    }

    // --- sources

    @Test
    void sourceWithoutId() {
        assertError(
                error(
                        """
                sources:
                  - id: a
                    url: https://a.example/
                  - url: https://b.example/
                    title: B
                """),
                4,
                "sources[1].id",
                "missing (required)");
    }

    @Test
    void sourceWithEmptyId() {
        assertError(
                error(
                        """
                sources:
                  - id:
                    url: https://a.example/
                """),
                2,
                "sources[0].id",
                "has no value (required)");
    }

    @Test
    void sourceIdWithCapitals() {
        assertError(
                error(
                        """
                sources:
                  - id: Wire_World
                    url: https://a.example/
                """),
                2,
                "sources[0].id",
                "'Wire_World' is not a valid id");
    }

    @Test
    void sourceIdThatIsANumber() {
        assertError(
                error(
                        """
                sources:
                  - id: 2024
                    url: https://a.example/
                """),
                2,
                "sources[0].id",
                "2024 is a number");
    }

    @Test
    void sourceIdThatIsAList() {
        assertError(
                error(
                        """
                sources:
                  - id: [a]
                    url: https://a.example/
                """),
                2,
                "sources[0].id",
                "expected text, found a list");
    }

    @Test
    void duplicateSourceId() {
        assertError(
                error(
                        """
                sources:
                  - id: a
                    url: https://a.example/
                  - id: b
                    url: https://b.example/
                  - id: a
                    url: https://a2.example/
                """),
                6,
                "sources[2].id",
                "duplicate id 'a' (already used on line 2)");
    }

    @Test
    void sourceWithoutUrl() {
        assertError(
                error(
                        """
                sources:
                  - id: a
                    title: A
                """),
                2,
                "sources[0].url",
                "missing (required)");
    }

    @Test
    void sourceUrlWithUnsupportedScheme() {
        assertError(
                error(
                        """
                sources:
                  - id: a
                    url: ftp://a.example/feed
                """),
                3,
                "sources[0].url",
                "is not an http(s) or file: URL");
    }

    @Test
    void sourceUrlWithoutScheme() {
        assertError(
                error(
                        """
                sources:
                  - id: a
                    url: samples/world.rss
                """),
                3,
                "sources[0].url",
                "is not an http(s) or file: URL");
    }

    @Test
    void sourceUrlWithoutHost() {
        assertError(
                error(
                        """
                sources:
                  - id: a
                    url: https:///feed
                """),
                3,
                "sources[0].url",
                "has no host name");
    }

    @Test
    void sourceUrlMalformed() {
        assertError(
                error(
                        """
                sources:
                  - id: a
                    url: https://a.example/a feed
                """),
                3,
                "sources[0].url",
                "is not a valid URL");
    }

    @Test
    void fileUrlOnAnotherHost() {
        assertError(
                error(
                        """
                sources:
                  - id: a
                    url: file://samples/world.rss
                """),
                3,
                "sources[0].url",
                "names a file on another host ('samples')");
    }

    @Test
    void fileUrlWithoutPath() {
        assertError(
                error(
                        """
                sources:
                  - id: a
                    url: "file:"
                """),
                3,
                "sources[0].url",
                "names no file");
    }

    @Test
    void badSourceInterval() {
        ConfigException e =
                error(
                        """
                sources:
                  - id: a
                    url: https://a.example/
                  - id: b
                    url: https://b.example/
                  - id: c
                    url: https://c.example/
                    every: 5x
                """);
        assertThat(e.getMessage())
                .isEqualTo(
                        "feeds.yml:8: sources[2].every: \"5x\" is not an interval (use 30s, 15m, 2h, 1d or PT15M)");
    }

    @Test
    void zeroSourceInterval() {
        assertError(
                error(
                        """
                sources:
                  - id: a
                    url: https://a.example/
                    every: 0m
                """),
                4,
                "sources[0].every",
                "is not a positive interval");
    }

    @Test
    void intervalWithoutUnit() {
        assertError(
                error(
                        """
                sources:
                  - id: a
                    url: https://a.example/
                    every: 15
                """),
                4,
                "sources[0].every",
                "\"15\" is not an interval");
    }

    @Test
    void badDefaultsEvery() {
        assertError(
                error(
                        """
                defaults:
                  every: soon
                sources: [{id: a, url: "https://a.example/"}]
                """),
                2,
                "defaults.every",
                "is not an interval");
    }

    @Test
    void badDefaultsKeep() {
        assertError(
                error(
                        """
                defaults:
                  every: 5m
                  keep: -1d
                sources: [{id: a, url: "https://a.example/"}]
                """),
                3,
                "defaults.keep",
                "is not an interval");
    }

    @Test
    void defaultsIsAList() {
        assertError(
                error(
                        """
                defaults: [5m]
                sources: [{id: a, url: "https://a.example/"}]
                """),
                1,
                "defaults",
                "expected a mapping");
    }

    @Test
    void sourcesIsAMapping() {
        assertError(
                error(
                        """
                sources:
                  a: https://a.example/
                """),
                2,
                "sources",
                "expected a list");
    }

    @Test
    void sourceEntryIsText() {
        assertError(
                error(
                        """
                sources:
                  - https://a.example/
                """),
                2,
                "sources[0]",
                "expected a mapping (key: value lines), found \"https://a.example/\"");
    }

    @Test
    void sourceTagsIsText() {
        assertError(
                error(
                        """
                sources:
                  - id: a
                    url: https://a.example/
                    tags: world
                """),
                4,
                "sources[0].tags",
                "expected a list");
    }

    @Test
    void sourceTagIsEmpty() {
        assertError(
                error(
                        """
                sources:
                  - id: a
                    url: https://a.example/
                    tags:
                      - world
                      - ""
                """),
                6,
                "sources[0].tags[1]",
                "is empty");
    }

    @Test
    void sourceTagIsAMapping() {
        assertError(
                error(
                        """
                sources:
                  - id: a
                    url: https://a.example/
                    tags:
                      - world
                      - {name: x}
                """),
                6,
                "sources[0].tags[1]",
                "expected text, found a mapping");
    }

    @Test
    void sourceTitleEmpty() {
        assertError(
                error(
                        """
                sources:
                  - id: a
                    url: https://a.example/
                    title: "  "
                """),
                4,
                "sources[0].title",
                "is empty");
    }

    @Test
    void htmlIsText() {
        assertError(
                error(
                        """
                sources:
                  - id: a
                    url: https://a.example/
                    html: article
                """),
                4,
                "sources[0].html",
                "expected a mapping");
    }

    @Test
    void htmlWithoutLink() {
        assertError(
                error(
                        """
                sources:
                  - id: a
                    url: https://a.example/
                    html:
                      item: article
                      title: h2
                """),
                5,
                "sources[0].html.link",
                "missing (required)");
    }

    @Test
    void htmlWithBadSelector() {
        assertError(
                error(
                        """
                sources:
                  - id: a
                    url: https://a.example/
                    html:
                      item: article
                      title: h2
                      link: h2 a
                      summary: p:nth-child(
                """),
                8,
                "sources[0].html.summary",
                "'p:nth-child(' is not a valid CSS selector");
    }

    @Test
    void htmlWithAttributeButNoSelector() {
        assertError(
                error(
                        """
                sources:
                  - id: a
                    url: https://a.example/
                    html:
                      item: article
                      title: h2
                      link: "@href"
                """),
                7,
                "sources[0].html.link",
                "no CSS selector before the @");
    }

    @Test
    void htmlItemWithAttribute() {
        assertError(
                error(
                        """
                sources:
                  - id: a
                    url: https://a.example/
                    html:
                      item: article@id
                      title: h2
                      link: a
                """),
                5,
                "sources[0].html.item",
                "cannot take an @attribute");
    }

    @Test
    void fulltextAsAList() {
        assertError(
                error(
                        """
                sources:
                  - id: a
                    url: https://a.example/
                    fulltext: [true]
                """),
                4,
                "sources[0].fulltext",
                "expected true, false or a CSS selector");
    }

    @Test
    void fulltextWithABadSelector() {
        assertError(
                error(
                        """
                sources:
                  - id: a
                    url: https://a.example/
                    fulltext: "div["
                """),
                4,
                "sources[0].fulltext",
                "not a valid CSS selector");
    }

    @Test
    void fulltextSelectorWithAttribute() {
        assertError(
                error(
                        """
                sources:
                  - id: a
                    url: https://a.example/
                    fulltext: .story@data-body
                """),
                4,
                "sources[0].fulltext",
                "cannot take an @attribute");
    }

    // --- topics

    @Test
    void topicWithoutTitle() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                topics:
                  - id: t
                    limit: 5
                """),
                3,
                "topics[0].title",
                "missing (required)");
    }

    @Test
    void topicWithoutId() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                topics:
                  - title: T
                """),
                3,
                "topics[0].id",
                "missing (required)");
    }

    @Test
    void topicWithBadId() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                topics:
                  - id: sergei lavrov
                    title: T
                """),
                3,
                "topics[0].id",
                "'sergei lavrov' is not a valid id");
    }

    @Test
    void duplicateTopicId() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                topics:
                  - id: t
                    title: T
                  - id: t
                    title: T again
                """),
                5,
                "topics[1].id",
                "duplicate id 't' (already used on line 3)");
    }

    @Test
    void topicIdMayEqualASourceId() {
        FeedsConfig c =
                FeedsConfigLoader.parse(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                topics: [{id: a, title: A}]
                """,
                        Path.of("feeds.yml"));
        assertThat(c.topics()).hasSize(1);
    }

    @Test
    void topicNamesAMissingSource() {
        assertError(
                error(
                        """
                sources:
                  - id: a
                    url: https://a.example/
                  - id: b
                    url: https://b.example/
                topics:
                  - id: t
                    title: T
                    sources:
                      - a
                      - c
                """),
                11,
                "topics[0].sources[1]",
                "no source with id 'c'");
    }

    @Test
    void topicNamesAMissingSourceInAFlowList() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                topics:
                  - {id: t, title: T}
                  - id: u
                    title: U
                    sources: [a, b]
                """),
                6,
                "topics[1].sources[1]",
                "no source with id 'b'");
    }

    @Test
    void topicListsASourceTwice() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                topics:
                  - id: t
                    title: T
                    sources: [a, a]
                """),
                5,
                "topics[0].sources[1]",
                "'a' is listed twice");
    }

    @Test
    void topicSourcesIsText() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                topics:
                  - id: t
                    title: T
                    sources: a
                """),
                5,
                "topics[0].sources",
                "expected a list");
    }

    @Test
    void matchIsAList() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                topics:
                  - id: t
                    title: T
                    match: [lavrov]
                """),
                5,
                "topics[0].match",
                "expected a mapping");
    }

    @Test
    void matchAnyIsText() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                topics:
                  - id: t
                    title: T
                    match:
                      any: lavrov
                """),
                6,
                "topics[0].match.any",
                "expected a list");
    }

    @Test
    void matchNoneHasAnEmptyPhrase() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                topics:
                  - id: t
                    title: T
                    match:
                      none:
                        - sport
                        -
                """),
                8,
                "topics[0].match.none[1]",
                "expected text, found nothing");
    }

    @Test
    void languageThatIsNoLanguageTag() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                topics:
                  - id: t
                    title: T
                    language: english please
                """),
                5,
                "topics[0].language",
                "is not a language tag");
    }

    @Test
    void languageTagIsKept() {
        var c =
                FeedsConfigLoader.parse(
                        """
                        sources: [{id: a, url: "https://a.example/"}]
                        topics:
                          - {id: t, title: T, language: pt-BR}
                          - {id: u, title: U}
                        """,
                        java.nio.file.Path.of("/srv/feedhub/feeds.yml"));
        assertThat(c.topics().get(0).language()).isEqualTo("pt-BR");
        assertThat(c.topics().get(1).language()).isNull();
    }

    @Test
    void limitZero() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                topics:
                  - id: t
                    title: T
                    limit: 0
                """),
                5,
                "topics[0].limit",
                "must be a whole number from 1 to 1000");
    }

    @Test
    void limitTooLarge() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                topics:
                  - id: t
                    title: T
                    limit: 1001
                """),
                5,
                "topics[0].limit",
                "must be a whole number from 1 to 1000, found \"1001\"");
    }

    @Test
    void limitNotANumber() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                topics:
                  - id: t
                    title: T
                    limit: fifty
                """),
                5,
                "topics[0].limit",
                "must be a whole number");
    }

    @Test
    void limitFraction() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                topics:
                  - id: t
                    title: T
                    limit: 2.5
                """),
                5,
                "topics[0].limit",
                "must be a whole number");
    }

    @Test
    void topicsIsAMapping() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                topics:
                  t: T
                """),
                3,
                "topics",
                "expected a list");
    }

    // --- tags

    @Test
    void tagWithNoPhrases() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                tags:
                  Syria: [syria]
                  Iran: []
                """),
                4,
                "tags.Iran",
                "a tag needs at least one phrase");
    }

    @Test
    void tagWithNothingAfterTheColon() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                tags:
                  Syria: [syria]
                  Iran:
                """),
                4,
                "tags.Iran",
                "a tag needs at least one phrase");
    }

    @Test
    void tagPhrasesAsText() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                tags:
                  Syria: syria, damascus
                """),
                3,
                "tags.Syria",
                "expected a list");
    }

    @Test
    void tagWithAnEmptyPhrase() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                tags:
                  Syria: [syria, ""]
                """),
                3,
                "tags.Syria[1]",
                "is empty");
    }

    @Test
    void tagsIsAList() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                tags: [Syria, Iran]
                """),
                2,
                "tags",
                "expected a mapping");
    }

    @Test
    void tagMappingWithAnUnknownKey() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                tags:
                  Syria: [syria]
                  Lavrov:
                    phrases: [lavrov]
                    stems: true
                """),
                6,
                "tags.Lavrov.stems",
                "unknown key 'stems' (allowed: phrases, stem)");
    }

    @Test
    void tagMappingWithoutPhrases() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                tags:
                  Lavrov: {stem: true}
                """),
                3,
                "tags.Lavrov.phrases",
                "a tag needs at least one phrase");
    }

    @Test
    void tagMappingWithEmptyPhrases() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                tags:
                  Lavrov:
                    stem: true
                    phrases: []
                """),
                5,
                "tags.Lavrov.phrases",
                "a tag needs at least one phrase");
    }

    @Test
    void tagStemThatIsNotABoolean() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                tags:
                  Lavrov: {phrases: [lavrov], stem: maybe}
                """),
                3,
                "tags.Lavrov.stem",
                "must be true or false, found \"maybe\"");
    }

    @Test
    void tagStemYesIsRefusedAsAmbiguous() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                tags:
                  Lavrov: {phrases: [lavrov], stem: yes}
                """),
                3,
                "tags.Lavrov.stem",
                "must be true or false");
    }

    @Test
    void twoTagsThatDifferOnlyInCase() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                tags:
                  Syria: [syria]
                  Iran: [iran]
                  SYRIA: [damascus]
                """),
                5,
                "tags.SYRIA",
                "'SYRIA' is the same tag as 'Syria'");
    }

    @Test
    void defaultsStemThatIsNotABoolean() {
        assertError(
                error(
                        """
                defaults:
                  every: 5m
                  stem: 1
                sources: [{id: a, url: "https://a.example/"}]
                """),
                3,
                "defaults.stem",
                "must be true or false, found \"1\"");
    }

    @Test
    void matchStemThatIsAList() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                topics:
                  - id: t
                    title: T
                    match:
                      any: [syria]
                      stem: [true]
                """),
                7,
                "topics[0].match.stem",
                "must be true or false, found a list");
    }

    @Test
    void matchTagsAsText() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                topics:
                  - id: t
                    title: T
                    match:
                      tags: Syria
                """),
                6,
                "topics[0].match.tags",
                "expected a list");
    }

    @Test
    void matchTagListedTwice() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                topics:
                  - id: t
                    title: T
                    match:
                      tags:
                        - Syria
                        - Iran
                        - syria
                """),
                9,
                "topics[0].match.tags[2]",
                "'syria' is listed twice");
    }

    @Test
    void matchTagEmpty() {
        assertError(
                error(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                topics:
                  - {id: t, title: T, match: {tags: [Syria, ""]}}
                """),
                3,
                "topics[0].match.tags[1]",
                "is empty");
    }

    // --- the message itself

    @Test
    void messageNamesTheFileAsGiven() {
        try {
            FeedsConfigLoader.parse("sources: 5\n", Path.of("config/my-feeds.yml"));
            fail("no error");
        } catch (ConfigException e) {
            assertThat(e.getMessage())
                    .startsWith("config/my-feeds.yml:1: sources: expected a list");
        }
    }

    // --- lengths the database columns hold (ColumnLengths)

    @Test
    void anIdLongerThanItsColumn() {
        assertError(
                error("sources:\n  - id: " + "a".repeat(101) + "\n    url: https://a.test/\n"),
                2,
                "sources[0].id",
                "is 101 characters long; at most 100 fit");
    }

    @Test
    void aTopicIdLongerThanItsColumn() {
        assertError(
                error(
                        "sources:\n  - id: a\n    url: https://a.test/\ntopics:\n  - id: "
                                + "t".repeat(150)
                                + "\n    title: T\n"),
                5,
                "topics[0].id",
                "at most 100 fit");
    }

    @Test
    void aUrlLongerThanItsColumn() {
        assertError(
                error("sources:\n  - id: a\n    url: https://a.test/" + "p".repeat(2040) + "\n"),
                3,
                "sources[0].url",
                "at most 2048 fit");
    }

    @Test
    void aTitleLongerThanItsColumn() {
        assertError(
                error(
                        "sources:\n  - id: a\n    url: https://a.test/\n    title: "
                                + "T".repeat(1001)
                                + "\n"),
                4,
                "sources[0].title",
                "at most 1000 fit");
    }

    @Test
    void aTagLongerThanItsColumn() {
        assertError(
                error(
                        "sources:\n  - id: a\n    url: https://a.test/\n    tags: ["
                                + "g".repeat(201)
                                + "]\n"),
                4,
                "sources[0].tags[0]",
                "at most 200 fit");
    }

    @Test
    void theLengthsMatchTheSchema() throws Exception {
        String schema =
                new String(
                        FeedsConfigErrorsTest.class
                                .getResourceAsStream("/db/migration/common/V2__feedhub.sql")
                                .readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
        assertThat(schema)
                .containsPattern(
                        "id\\s+VARCHAR\\(" + ColumnLengths.ID + "\\)\\s+NOT NULL PRIMARY KEY")
                .containsPattern("\\burl\\s+VARCHAR\\(" + ColumnLengths.URL + "\\) NOT NULL")
                .containsPattern("\\btitle\\s+VARCHAR\\(" + ColumnLengths.TITLE + "\\),")
                .containsPattern("\\btag\\s+VARCHAR\\(" + ColumnLengths.TAG + "\\)");
    }
}
