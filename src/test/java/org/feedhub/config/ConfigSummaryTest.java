package org.feedhub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigSummaryTest {

    @Test
    void contractExample() throws IOException {
        FeedsConfig c =
                FeedsConfigLoader.parse(
                        FeedsConfigLoaderTest.resource("contract-example.yml"),
                        Path.of("/srv/feedhub/feeds.yml"));
        assertThat(ConfigSummary.describe(c))
                .isEqualTo(
                        """
                /srv/feedhub/feeds.yml: 3 sources, 1 topic, 2 tags
                defaults: poll every 15m, keep stories 90d

                sources
                  wire-world     https://wire.example/world.rss
                                 feed, every 5m, tags: world
                                 title: Wire Desk
                  ledger-lavrov  https://ledger.example/tag/sergei-lavrov
                                 html page, every 15m
                                   item     article.story
                                   title    h2.headline
                                   link     h2.headline a
                                   summary  .dek
                                   date     time
                  some-site      https://some.example/
                                 feed, every 15m

                topics
                  sergei-lavrov  Sergei Lavrov
                                 Russia's foreign minister, from every source
                                 sources: wire-world, ledger-lavrov
                                 match: any of lavrov, лавров; none of sport
                                 limit: 50

                tags: 2 tags in the vocabulary, 7 phrases (Syria, Iran)
                """);
    }

    @Test
    void topicOverAllSourcesAndNoVocabulary() {
        FeedsConfig c =
                FeedsConfigLoader.parse(
                        """
                sources: [{id: a, url: "https://a.example/"}]
                topics:
                  - {id: all, title: All}
                  - {id: no-sport, title: No sport, match: {none: [sport]}, limit: 10}
                """,
                        Path.of("/srv/feeds.yml"));
        assertThat(ConfigSummary.describe(c))
                .isEqualTo(
                        """
                /srv/feeds.yml: 1 source, 2 topics, 0 tags
                defaults: poll every 15m, keep stories 90d

                sources
                  a         https://a.example/
                            feed, every 15m

                topics
                  all       All
                            sources: all sources
                            match: every story
                            limit: 50
                  no-sport  No sport
                            sources: all sources
                            match: any story; none of sport
                            limit: 10

                tags: 0 tags in the vocabulary, 0 phrases
                """);
    }

    @Test
    void noTopics() {
        FeedsConfig c =
                FeedsConfigLoader.parse(
                        "sources: [{id: a, url: \"https://a.example/\"}]", Path.of("/f.yml"));
        assertThat(ConfigSummary.describe(c)).contains("\ntopics\n  (none)\n");
    }

    @Test
    void longVocabularyIsShortened() {
        StringBuilder yaml =
                new StringBuilder("sources: [{id: a, url: \"https://a.example/\"}]\ntags:\n");
        for (int i = 1; i <= 14; i++)
            yaml.append("  T").append(i).append(": [t").append(i).append("]\n");
        FeedsConfig c = FeedsConfigLoader.parse(yaml.toString(), Path.of("/f.yml"));
        assertThat(ConfigSummary.describe(c))
                .endsWith(
                        "tags: 14 tags in the vocabulary, 14 phrases (T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12 and 2 more)\n");
    }

    @Test
    void fullTextIsShown() {
        FeedsConfig c =
                FeedsConfigLoader.parse(
                        """
                sources:
                  - {id: a, url: "https://a.example/", fulltext: true}
                  - {id: b, url: "https://b.example/", fulltext: .story-body}
                """,
                        Path.of("/f.yml"));
        assertThat(ConfigSummary.describe(c))
                .contains(
                        """
                  a  https://a.example/
                     feed, every 15m
                     full text: automatic (main content of the page)
                  b  https://b.example/
                     feed, every 15m
                     full text: selector .story-body
                """);
    }

    @Test
    void stemsAndTagMatches() {
        FeedsConfig c =
                FeedsConfigLoader.parse(
                        """
                defaults: {stem: true}
                sources: [{id: a, url: "https://a.example/"}]
                topics:
                  - {id: syria, title: Syria, match: {any: [syria, damascus], tags: [Syria], none: [sport]}}
                  - {id: mideast, title: Middle East, match: {tags: [Syria, Iran]}}
                  - {id: exact, title: Exact, match: {any: [iran], stem: false}}
                tags:
                  Syria: [syria]
                  Iran: {phrases: [iran], stem: false}
                  Lavrov: {phrases: [lavrov, лавров]}
                """,
                        Path.of("/srv/feeds.yml"));
        assertThat(ConfigSummary.describe(c))
                .contains("defaults: poll every 15m, keep stories 90d, match by word stems\n")
                .contains(
                        "match: any of syria, damascus, or tagged Syria; none of sport (by word stems)\n")
                .contains("match: tagged Syria or Iran\n")
                .contains("match: any of iran\n")
                .endsWith(
                        "tags: 3 tags in the vocabulary, 4 phrases (Syria, Iran, Lavrov)\n"
                                + "2 tags matched by word stems (Syria, Lavrov)\n");
    }
}
