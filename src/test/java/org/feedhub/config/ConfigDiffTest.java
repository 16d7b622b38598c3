package org.feedhub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigDiffTest {
    static FeedsConfig parse(String yaml) {
        return FeedsConfigLoader.parse(yaml, Path.of("feeds.yml"));
    }

    static final FeedsConfig BEFORE =
            parse(
                    """
                    sources:
                      - {id: a, url: "https://a.example/feed"}
                      - {id: gone, url: "https://g.example/feed"}
                    topics:
                      - {id: space, title: Space, match: {any: [nasa]}}
                    """);

    @Test
    void addedRemovedAndChangedOnOneLine() {
        FeedsConfig after =
                parse(
                        """
                        sources:
                          - {id: a, url: "https://a.example/new", every: 5m}
                          - {id: b, url: "https://b.example/feed"}
                          - {id: c, url: "https://c.example/feed"}
                        topics:
                          - {id: space, title: Space, match: {any: [nasa, esa]}}
                        tags:
                          Mars: [mars]
                        """);
        assertThat(ConfigDiff.describe(BEFORE, after))
                .isEqualTo(
                        "+2 sources: b, c; −1 source: gone; source a: url, every changed;"
                                + " topic space: match changed; tag vocabulary changed");
    }

    @Test
    void onlyCommentsChanged() {
        assertThat(ConfigDiff.describe(BEFORE, BEFORE))
                .isEqualTo("no change that matters (comments or layout)");
    }

    @Test
    void manyNewSourcesAreCut() {
        StringBuilder y = new StringBuilder("sources:\n");
        for (int i = 0; i < 8; i++)
            y.append("  - {id: s")
                    .append(i)
                    .append(", url: \"https://s.example/")
                    .append(i)
                    .append("\"}\n");
        assertThat(
                        ConfigDiff.describe(
                                parse("sources:\n  - {id: s0, url: \"https://s.example/0\"}\n"),
                                parse(y.toString())))
                .isEqualTo("+7 sources: s1, s2, s3, s4, s5 and 2 more");
    }
}
