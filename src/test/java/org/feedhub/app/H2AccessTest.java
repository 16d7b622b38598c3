package org.feedhub.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the read-only helpers tell from an H2 URL without opening the database. */
class H2AccessTest {
    @TempDir Path dir;

    @Test
    void aFileDatabaseNotMadeYetIsMissing() {
        assertThat(H2Access.fileDatabaseMissing("jdbc:h2:file:" + dir.resolve("feedhub"))).isTrue();
    }

    @Test
    void aFileDatabaseWithItsFileIsThereWhateverItsOptions() throws Exception {
        Files.writeString(dir.resolve("feedhub.mv.db"), "");
        assertThat(H2Access.fileDatabaseMissing("jdbc:h2:file:" + dir.resolve("feedhub")))
                .isFalse();
        assertThat(
                        H2Access.fileDatabaseMissing(
                                "jdbc:h2:file:" + dir.resolve("feedhub") + ";AUTO_SERVER=TRUE"))
                .isFalse();
    }

    @Test
    void otherDatabasesAreNeverCalledMissing() {
        assertThat(H2Access.fileDatabaseMissing("jdbc:h2:mem:x")).isFalse();
        assertThat(H2Access.fileDatabaseMissing("jdbc:postgresql://db/feedhub")).isFalse();
        assertThat(H2Access.fileDatabaseMissing(null)).isFalse();
    }
}
