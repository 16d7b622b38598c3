package org.feedhub.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code file:} sources, confined to the folder of feeds.yml so an edit cannot read the rest of the
 * disk.
 */
final class FileFetcher {
    private final Path root;
    private final long maxBytes;

    FileFetcher(Path root, long maxBytes) {
        this.root = root;
        this.maxBytes = maxBytes;
    }

    FetchResult fetch(URI uri) {
        Path path;
        try {
            path = Path.of(uri).toAbsolutePath().normalize();
        } catch (IllegalArgumentException e) {
            return FetchResult.failed(0, uri.toString(), "bad file URL: " + e.getMessage());
        }
        if (!path.startsWith(root)) {
            return FetchResult.failed(
                    0, uri.toString(), "refused: " + path + " is outside " + root);
        }
        Path real;
        try {
            // a symbolic link inside the folder must not lead out of it
            real = path.toRealPath();
            Path realRoot = Files.exists(root) ? root.toRealPath() : root;
            if (!real.startsWith(realRoot)) {
                return FetchResult.failed(
                        0,
                        uri.toString(),
                        "refused: " + path + " leads to " + real + ", outside " + root);
            }
        } catch (NoSuchFileException e) {
            return FetchResult.failed(0, uri.toString(), "no such file " + path);
        } catch (IOException e) {
            return FetchResult.failed(
                    0, uri.toString(), "cannot read " + path + ": " + e.getMessage());
        }
        try (InputStream in = Files.newInputStream(real)) {
            byte[] body = Decoding.readCapped(in, maxBytes);
            return FetchResult.ok(0, uri.toString(), body, null);
        } catch (NoSuchFileException e) {
            return FetchResult.failed(0, uri.toString(), "no such file " + path);
        } catch (CappedBody.BodyTooLargeException e) {
            return FetchResult.failed(0, uri.toString(), e.getMessage());
        } catch (IOException e) {
            return FetchResult.failed(
                    0, uri.toString(), "cannot read " + path + ": " + e.getMessage());
        }
    }
}
