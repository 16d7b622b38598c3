package org.feedhub.publish.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rendered feeds written once to files, so Tomcat can send them with {@code sendfile} (the kernel
 * copies the bytes, as nginx does for static files) instead of copying each response out of the
 * heap. A file is named by its strong ETag, so it never changes once written. Bounded by total
 * size: the least recently served files are deleted first, but never one served in the last minute
 * (Tomcat opens the file after the filter has returned).
 */
final class FeedFiles {
    private static final long MIN_IDLE_NANOS = 60_000_000_000L;

    private record File(Path path, long size, long servedAtNanos) {}

    private final Path dir;
    private final long maxBytes;
    private final LinkedHashMap<String, File> files = new LinkedHashMap<>(16, 0.75f, true);
    private long total;

    FeedFiles(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    /** A private folder under the system's temporary folder, removed when the JVM exits. */
    static FeedFiles inTempDir(long maxBytes) throws IOException {
        Path dir;
        try {
            dir =
                    Files.createTempDirectory(
                            "feedhub-feeds-",
                            PosixFilePermissions.asFileAttribute(
                                    PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            dir = Files.createTempDirectory("feedhub-feeds-");
        }
        FeedFiles f = new FeedFiles(dir, maxBytes);
        Runtime.getRuntime().addShutdownHook(new Thread(f::deleteAll, "feedhub-feed-files"));
        return f;
    }

    /** The file holding {@code body}, written on first use; null when it cannot be written. */
    synchronized Path file(String etag, byte[] body) {
        long now = System.nanoTime();
        File f = files.get(etag);
        if (f != null && Files.exists(f.path)) {
            files.put(etag, new File(f.path, f.size, now));
            return f.path;
        }
        Path path = dir.resolve(name(etag));
        try {
            Path tmp = Files.createTempFile(dir, "w", ".tmp");
            Files.write(tmp, body);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            return null;
        }
        files.put(etag, new File(path, body.length, now));
        total += body.length;
        evict(now);
        return path;
    }

    private void evict(long now) {
        Iterator<Map.Entry<String, File>> it = files.entrySet().iterator();
        while (total > maxBytes && it.hasNext()) {
            File f = it.next().getValue();
            if (now - f.servedAtNanos < MIN_IDLE_NANOS) break; // the rest are newer still
            it.remove();
            total -= f.size;
            try {
                Files.deleteIfExists(f.path);
            } catch (IOException e) {
                // left for the shutdown hook
            }
        }
    }

    /** An ETag is quoted text from our own renderer; keep only safe characters for the name. */
    static String name(String etag) {
        StringBuilder b = new StringBuilder(etag.length());
        for (int i = 0; i < etag.length() && b.length() < 120; i++) {
            char c = etag.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')
                b.append(c);
        }
        return b + ".feed";
    }

    synchronized int count() {
        return files.size();
    }

    synchronized void deleteAll() {
        for (File f : files.values()) {
            try {
                Files.deleteIfExists(f.path);
            } catch (IOException e) {
                // best effort at exit
            }
        }
        files.clear();
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // not empty: a temp file of a write in progress
        }
    }
}
