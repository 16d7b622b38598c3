package org.feedhub.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.feedhub.config.FeedsConfig;
import org.feedhub.config.FeedsConfigLoader;
import org.feedhub.normalize.Story;
import org.junit.jupiter.api.Test;

class TopicMatcherTest {

    private static final FeedsConfig CONFIG =
            FeedsConfigLoader.parse(
                    """
            sources:
              - {id: wire, url: "https://wire.example/feed"}
              - {id: sport, url: "https://sport.example/feed"}
            topics:
              - {id: all, title: All}
              - {id: syria-exact, title: Syria, match: {any: [syria]}}
              - {id: syria-stem, title: Syria, match: {any: [syria], stem: true}}
              - {id: tagged, title: Tagged, match: {tags: [Middle East, lavrov]}}
              - {id: tagged-or-phrase, title: T, match: {any: [damascus], tags: [Iran], none: [football]}}
              - {id: not-football, title: N, match: {none: [footballers], stem: true}}
              - {id: wire-only, title: W, sources: [wire], match: {tags: [Iran]}}
            """,
                    Path.of("feeds.yml"));

    private final TopicMatcher matcher = new TopicMatcher(CONFIG);

    private static Story story(String title, String text, List<String> tags) {
        return new Story(
                "k",
                null,
                null,
                null,
                title,
                null,
                Instant.EPOCH,
                Instant.EPOCH,
                "",
                List.of(text),
                List.of(),
                "h",
                tags,
                null);
    }

    @Test
    void exactTopicNeedsTheWordStemTopicTakesItsForms() {
        Story s = story("Syrian army advances", "Troops moved north.", List.of());
        assertThat(matcher.topicsFor("wire", s))
                .containsExactly("all", "syria-stem", "not-football");
        Story exact = story("Talks on Syria", "", List.of());
        assertThat(matcher.topicsFor("wire", exact)).contains("syria-exact", "syria-stem");
    }

    @Test
    void aStoryJoinsATagTopicByCarryingAnyListedTagIgnoringCase() {
        assertThat(
                        matcher.topicsFor(
                                "wire", story("Talks", "Nothing to see.", List.of("middle east"))))
                .containsExactly("all", "tagged", "not-football");
        assertThat(matcher.topicsFor("wire", story("Talks", "Nothing to see.", List.of("Lavrov"))))
                .contains("tagged");
        assertThat(matcher.topicsFor("wire", story("Lavrov speaks", "Lavrov said.", List.of())))
                .doesNotContain("tagged"); // tags, not words, decide a tags-only topic
    }

    @Test
    void anyPhraseOrTagLetsInAndANonePhraseAlwaysKeepsOut() {
        assertThat(matcher.topicsFor("wire", story("Damascus", "", List.of())))
                .contains("tagged-or-phrase");
        assertThat(matcher.topicsFor("wire", story("Talks", "", List.of("IRAN"))))
                .contains("tagged-or-phrase");
        assertThat(matcher.topicsFor("wire", story("Talks", "", List.of("Iraq"))))
                .doesNotContain("tagged-or-phrase");
        assertThat(matcher.topicsFor("wire", story("Damascus football", "", List.of("Iran"))))
                .doesNotContain("tagged-or-phrase");
    }

    @Test
    void noneAloneTakesEveryStoryButThoseAndMatchesStems() {
        assertThat(matcher.topicsFor("wire", story("A footballer retires", "", List.of())))
                .doesNotContain("not-football");
        assertThat(matcher.topicsFor("wire", story("Elections", "", List.of())))
                .contains("not-football");
    }

    @Test
    void theSourceMustBeOneOfTheTopics() {
        assertThat(matcher.topicsFor("sport", story("Talks", "", List.of("Iran"))))
                .doesNotContain("wire-only")
                .contains("tagged-or-phrase");
        assertThat(matcher.topicsFor("wire", story("Talks", "", List.of("Iran"))))
                .contains("wire-only");
    }

    @Test
    void theSummaryCountsForPhrases() {
        Story s =
                new Story(
                        "k",
                        null,
                        null,
                        null,
                        "Talks",
                        null,
                        Instant.EPOCH,
                        Instant.EPOCH,
                        "",
                        List.of(),
                        List.of(),
                        "h",
                        List.of(),
                        "Syrian officials met.");
        assertThat(matcher.topicsFor("wire", s))
                .contains("syria-stem")
                .doesNotContain("syria-exact");
    }

    @Test
    void defaultsStemAppliesToTopicsWithoutTheirOwn() {
        FeedsConfig c =
                FeedsConfigLoader.parse(
                        """
                defaults: {stem: true}
                sources: [{id: wire, url: "https://wire.example/feed"}]
                topics:
                  - {id: by-default, title: D, match: {any: [syria]}}
                  - {id: exact, title: E, match: {any: [syria], stem: false}}
                """,
                        Path.of("feeds.yml"));
        assertThat(new TopicMatcher(c).topicsFor("wire", story("Syrians vote", "", List.of())))
                .containsExactly("by-default");
    }
}
