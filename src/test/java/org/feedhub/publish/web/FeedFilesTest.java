package org.feedhub.publish.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedFilesTest {
    @TempDir Path dir;

    @Test
    void writesABodyOnceAndServesTheSameFileAgain() throws Exception {
        FeedFiles files = new FeedFiles(dir, 1 << 20);
        Path a = files.file("\"abc\"", "hello".getBytes());
        assertThat(Files.readString(a)).isEqualTo("hello");
        long written = Files.getLastModifiedTime(a).toMillis();
        assertThat(files.file("\"abc\"", "hello".getBytes())).isEqualTo(a);
        assertThat(Files.getLastModifiedTime(a).toMillis()).isEqualTo(written);
        assertThat(files.count()).isEqualTo(1);
    }

    @Test
    void aFileDeletedBehindItsBackIsWrittenAgain() throws Exception {
        FeedFiles files = new FeedFiles(dir, 1 << 20);
        Path a = files.file("\"abc\"", "hello".getBytes());
        Files.delete(a);
        assertThat(Files.readString(files.file("\"abc\"", "hello".getBytes()))).isEqualTo("hello");
    }

    @Test
    void theGzipVariantGetsAFileOfItsOwn() {
        FeedFiles files = new FeedFiles(dir, 1 << 20);
        assertThat(files.file("\"abc\"", new byte[] {1}))
                .isNotEqualTo(files.file("\"abc-gz\"", new byte[] {2}));
    }

    @Test
    void recentlyServedFilesAreKeptEvenOverTheBound() {
        // Tomcat opens the file after the filter returns: a file served a moment ago must stay.
        FeedFiles files = new FeedFiles(dir, 10);
        Path a = files.file("\"a\"", new byte[8]);
        Path b = files.file("\"b\"", new byte[8]);
        assertThat(a).exists();
        assertThat(b).exists();
    }

    @Test
    void namesKeepOnlySafeCharacters() {
        assertThat(FeedFiles.name("\"../../etc/passwd\"")).isEqualTo("etcpasswd.feed");
        assertThat(FeedFiles.name("\"" + "x".repeat(500) + "\"")).hasSize(125);
    }

    @Test
    void deleteAllRemovesTheFiles() {
        FeedFiles files = new FeedFiles(dir, 1 << 20);
        Path a = files.file("\"a\"", new byte[8]);
        files.deleteAll();
        assertThat(a).doesNotExist();
    }
}
