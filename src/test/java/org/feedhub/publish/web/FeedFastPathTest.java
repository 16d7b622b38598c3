package org.feedhub.publish.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.feedhub.publish.FeedFormat;
import org.junit.jupiter.api.Test;

/** Which requests the fast path takes; the answers themselves are checked end to end. */
class FeedFastPathTest {
    @Test
    void takesEachFeedFormat() {
        assertThat(FeedFastPath.target("/topics/world.atom", "").format())
                .isEqualTo(FeedFormat.ATOM);
        assertThat(FeedFastPath.target("/topics/world.rss", "").topicId()).isEqualTo("world");
        assertThat(FeedFastPath.target("/topics/world-2.json", "").format())
                .isEqualTo(FeedFormat.JSON);
    }

    @Test
    void stripsTheContextPath() {
        assertThat(FeedFastPath.target("/news/topics/world.atom", "/news").topicId())
                .isEqualTo("world");
    }

    @Test
    void takesArchivePagesAsTheControllerNamesThem() {
        FeedFastPath.Target t = FeedFastPath.target("/topics/world/archive/12.atom", "");
        assertThat(t.topicId()).isEqualTo("world");
        assertThat(t.archivePage()).isEqualTo(12);
        assertThat(t.format()).isEqualTo(FeedFormat.ATOM);
        assertThat(FeedFastPath.target("/topics/world.atom", "").archivePage()).isZero();
    }

    @Test
    void leavesOddArchivePathsToMvcAndItsNotFoundPage() {
        assertThat(FeedFastPath.target("/topics/world/archive/0.atom", "")).isNull();
        assertThat(FeedFastPath.target("/topics/world/archive/01.atom", "")).isNull();
        assertThat(FeedFastPath.target("/topics/world/archive/1.rss", "")).isNull();
        assertThat(FeedFastPath.target("/topics/world/archive/.atom", "")).isNull();
        assertThat(FeedFastPath.target("/topics/world/archive/1x.atom", "")).isNull();
        assertThat(FeedFastPath.target("/topics/world/archive/1234567890.atom", "")).isNull();
        assertThat(FeedFastPath.target("/topics/world/other/1.atom", "")).isNull();
        assertThat(FeedFastPath.target("/topics//archive/1.atom", "")).isNull();
        assertThat(FeedFastPath.target("/topics/World/archive/1.atom", "")).isNull();
    }

    @Test
    void leavesPagesAndOtherFormatsToMvc() {
        assertThat(FeedFastPath.target("/topics/world", "")).isNull();
        assertThat(FeedFastPath.target("/topics/world/", "")).isNull();
        assertThat(FeedFastPath.target("/topics/world.xml", "")).isNull();
        assertThat(FeedFastPath.target("/topics/.atom", "")).isNull();
        assertThat(FeedFastPath.target("/sources", "")).isNull();
    }

    @Test
    void refusesOddIdsAndOverlongPathsWithoutLookingThemUp() {
        assertThat(FeedFastPath.target("/topics/World.atom", "")).isNull();
        assertThat(FeedFastPath.target("/topics/a%2Fb.atom", "")).isNull();
        assertThat(FeedFastPath.target("/topics/" + "a".repeat(5000) + ".atom", "")).isNull();
    }
}
