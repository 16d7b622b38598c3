package org.feedhub.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A file: source is shown relative to feeds.yml, never by its absolute path. */
class LocalPathsTest {
    static final Path BASE = Path.of("/srv/feedhub").toAbsolutePath();

    @Test
    void aFileUnderTheFolderOfFeedsYmlIsShownRelativeToIt() {
        String url = BASE.resolve("samples/wire world.rss").toUri().toString();
        assertThat(LocalPaths.shown(url, BASE)).isEqualTo("file:samples/wire world.rss");
    }

    @Test
    void aFileElsewhereShowsOnlyItsName() {
        String url = Path.of("/home/ops/secret/feed.xml").toAbsolutePath().toUri().toString();
        assertThat(LocalPaths.shown(url, BASE)).isEqualTo("file:feed.xml");
        assertThat(LocalPaths.shown(url, null)).isEqualTo("file:feed.xml");
    }

    @Test
    void webUrlsAndNullsPassAsTheyAre() {
        assertThat(LocalPaths.shown("https://wire.example/world.rss", BASE))
                .isEqualTo("https://wire.example/world.rss");
        assertThat(LocalPaths.shown(null, BASE)).isNull();
        assertThat(LocalPaths.shown("file:%zz", BASE)).isEqualTo("file:");
    }
}
