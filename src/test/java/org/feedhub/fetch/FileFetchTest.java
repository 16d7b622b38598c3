package org.feedhub.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.feedhub.fetch.FetchResult.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** file: sources, confined to the folder of feeds.yml. */
class FileFetchTest {
    @TempDir Path tmp;
    Path root;
    Path outside;
    HttpFetcher fetcher;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(tmp.resolve("site"));
        Files.createDirectories(root.resolve("samples"));
        Files.writeString(root.resolve("samples/world.rss"), MockSource.RSS);
        outside = Files.writeString(tmp.resolve("secret.txt"), "root:x:0:0:secret");
        fetcher =
                new HttpFetcher(
                        MockSource.settings(Duration.ofSeconds(2), 1 << 20, 2, false, root));
    }

    private FetchResult fetch(String url) {
        return fetcher.fetch(FetchRequest.of(url));
    }

    @Test
    void fileInsideTheRootIsRead() {
        String url = root.resolve("samples/world.rss").toUri().toString();
        FetchResult r = fetch(url);
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(new String(r.body(), UTF_8)).isEqualTo(MockSource.RSS);
        assertThat(r.httpStatus()).isZero();
        assertThat(r.finalUrl()).isEqualTo(url);
        assertThat(r.movedTo()).isNull();
        assertThat(r.error()).isNull();
    }

    @Test
    void singleSlashFileUrlWorksToo() {
        FetchResult r = fetch("file:" + root.resolve("samples/world.rss").toAbsolutePath());
        assertThat(r.status()).isEqualTo(Status.OK);
    }

    @Test
    void dotDotOutOfTheRootIsRefused() {
        FetchResult r = fetch(root.toUri() + "samples/../../secret.txt");
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.error()).startsWith("refused:").contains("is outside");
        assertThat(r.body()).isNull();
    }

    @Test
    void percentEncodedDotDotIsRefused() {
        FetchResult r = fetch(root.toUri() + "%2e%2e/secret.txt");
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.error()).startsWith("refused:");
    }

    @Test
    void absolutePathElsewhereIsRefused() {
        FetchResult r = fetch(outside.toUri().toString());
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.error()).startsWith("refused:");
        assertThat(fetch("file:///etc/passwd").error()).startsWith("refused:");
    }

    @Test
    void siblingFolderSharingTheRootsNamePrefixIsRefused() throws Exception {
        Path sibling = Files.createDirectories(tmp.resolve("site-evil"));
        Files.writeString(sibling.resolve("a.rss"), MockSource.RSS);
        assertThat(fetch(sibling.resolve("a.rss").toUri().toString()).error())
                .startsWith("refused:");
    }

    @Test
    void symbolicLinkLeadingOutOfTheRootIsRefused() throws Exception {
        Path link = root.resolve("samples/innocent.rss");
        try {
            Files.createSymbolicLink(link, outside);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            assumeTrue(false, "no symbolic links here");
        }
        FetchResult r = fetch(link.toUri().toString());
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.error()).startsWith("refused:");
        assertThat(r.body()).isNull();
    }

    @Test
    void symbolicLinkStayingInsideTheRootIsFollowed() throws Exception {
        Path link = root.resolve("alias.rss");
        try {
            Files.createSymbolicLink(link, root.resolve("samples/world.rss"));
        } catch (UnsupportedOperationException | java.io.IOException e) {
            assumeTrue(false, "no symbolic links here");
        }
        assertThat(fetch(link.toUri().toString()).status()).isEqualTo(Status.OK);
    }

    @Test
    void missingFileFails() {
        FetchResult r = fetch(root.resolve("samples/nope.rss").toUri().toString());
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.error()).startsWith("no such file");
    }

    @Test
    void folderIsNotAFeed() {
        FetchResult r = fetch(root.resolve("samples").toUri().toString());
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.error()).startsWith("cannot read");
    }

    @Test
    void fileOverTheCapFails() throws Exception {
        Path big = Files.write(root.resolve("big.rss"), new byte[(1 << 20) + 1]);
        FetchResult r = fetch(big.toUri().toString());
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.error()).contains("larger than 1048576 bytes");
    }

    @Test
    void fileUrlWithAHostIsRefused() {
        FetchResult r = fetch("file://fileserver/share/world.rss");
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.error()).startsWith("bad file URL");
    }

    @Test
    void relativeFileUrlIsRefused() {
        // feeds.yml's loader makes file: URLs absolute; a relative one reaching the fetcher is an
        // error
        assertThat(fetch("file:samples/world.rss").error()).startsWith("bad file URL");
    }

    @Test
    void fileUrlsAreNotSubjectToTheAddressGuard() {
        // allow-private-networks is off in this fetcher; file: is confined by folder instead
        assertThat(fetch(root.resolve("samples/world.rss").toUri().toString()).ok()).isTrue();
    }
}
