package org.feedhub.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The 404 page's suggestion: the same address without its trailing slashes, when it is plain. */
class NotFoundPageTest {
    @Test
    void aTrailingSlashIsSuggestedAway() {
        assertThat(NotFoundPage.forPath("/topics/world/").suggestion()).isEqualTo("/topics/world");
        assertThat(NotFoundPage.forPath("/topics/world///").suggestion())
                .isEqualTo("/topics/world");
    }

    @Test
    void noSuggestionWithoutATrailingSlashOrForTheRoot() {
        assertThat(NotFoundPage.forPath("/topics/nope").suggestion()).isNull();
        assertThat(NotFoundPage.forPath("/").suggestion()).isNull();
        assertThat(NotFoundPage.forPath(null).suggestion()).isNull();
    }

    @Test
    void aLongRunOfSlashesInsideThePathIsNoProblemAndNoSuggestion() {
        // "////…x/": a regex such as /+$ backtracks over the run at every slash (quadratic)
        String path = "/".repeat(200_000) + "x/";
        assertThat(NotFoundPage.forPath(path).suggestion()).isNull();
    }

    @Test
    void oddCharactersAreNotEchoedAsASuggestion() {
        assertThat(NotFoundPage.forPath("/topics/<script>/").suggestion()).isNull();
    }
}
