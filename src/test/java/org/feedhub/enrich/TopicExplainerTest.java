package org.feedhub.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.feedhub.config.FeedsConfig;
import org.feedhub.config.FeedsConfigLoader;
import org.feedhub.config.TopicDef;
import org.feedhub.normalize.Story;
import org.junit.jupiter.api.Test;

/** The explainer reaches TopicMatcher's verdict on every topic and story, and says why. */
class TopicExplainerTest {
    static final FeedsConfig CONFIG =
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
                      - {id: mixed, title: T, match: {any: [damascus], tags: [Iran], none: [football]}}
                      - {id: not-football, title: N, match: {none: [footballers], stem: true}}
                      - {id: wire-only, title: W, sources: [wire], match: {tags: [Iran]}}
                    """,
                    Path.of("feeds.yml"));

    static Story story(String title, String text, List<String> tags) {
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

    static final List<Story> STORIES =
            List.of(
                    story("Syrian army advances", "Troops moved north.", List.of()),
                    story("Talks on Syria", "In Damascus.", List.of("Iran")),
                    story("Iran football", "Footballers from Tehran.", List.of("Iran")),
                    story("Lavrov speaks", "", List.of("LAVROV")),
                    story("Weather", "Rain.", List.of()));

    @Test
    void sameVerdictAsTheMatcherForEveryTopicSourceAndStory() {
        TopicMatcher matcher = new TopicMatcher(CONFIG);
        int checked = 0;
        for (Story s : STORIES) {
            for (String source : List.of("wire", "sport")) {
                List<String> in = matcher.topicsFor(source, s);
                List<String> explained = new ArrayList<>();
                for (TopicDef t : CONFIG.topics()) {
                    if (TopicExplainer.explain(CONFIG, t, List.of(source), s).in())
                        explained.add(t.id());
                    checked++;
                }
                assertThat(explained).as(s.title() + " via " + source).isEqualTo(in);
            }
        }
        assertThat(checked).isEqualTo(70);
    }

    @Test
    void reasonsNameTheRuleThatDecided() {
        TopicDef mixed = CONFIG.topic("mixed").orElseThrow();
        var e = TopicExplainer.explain(CONFIG, mixed, List.of("wire"), STORIES.get(2));
        assertThat(e.in()).isFalse();
        assertThat(e.reasons())
                .containsExactly(
                        "sources: yes — carried by wire; the topic takes every source",
                        "tags: yes — the story carries \"Iran\"",
                        "any: no — none of \"damascus\" occurs (exact words)",
                        "none: vetoed — \"football\" occurs (exact words); a none phrase always wins");
        var other =
                TopicExplainer.explain(
                        CONFIG,
                        CONFIG.topic("wire-only").orElseThrow(),
                        List.of("sport"),
                        STORIES.get(1));
        assertThat(other.in()).isFalse();
        assertThat(other.reasons())
                .containsExactly(
                        "sources: no — carried by sport, but the topic takes sources wire");
    }
}
