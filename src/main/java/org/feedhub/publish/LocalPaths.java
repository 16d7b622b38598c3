package org.feedhub.publish;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the public may see of a source's address: an http(s) URL as it is; a {@code file:} source as
 * the path relative to the folder of feeds.yml (as the editors wrote it), never the absolute path
 * on the server's disk.
 */
public final class LocalPaths {
    private LocalPaths() {}

    /**
     * @param baseDir the folder of feeds.yml; may be null
     * @return the URL to show, or null for null
     */
    public static String shown(String url, Path baseDir) {
        if (url == null || !url.regionMatches(true, 0, "file:", 0, 5)) return url;
        try {
            Path file = Path.of(URI.create(url)).normalize();
            if (baseDir != null) {
                Path base = baseDir.toAbsolutePath().normalize();
                if (file.startsWith(base)) {
                    return "file:" + base.relativize(file).toString().replace('\\', '/');
                }
            }
            Path name = file.getFileName();
            return "file:" + (name == null ? "" : name.toString());
        } catch (RuntimeException e) {
            return "file:";
        }
    }

    /** Whether the URL is a local {@code file:} one. */
    static boolean isLocal(String url) {
        return url != null && url.strip().toLowerCase(Locale.ROOT).startsWith("file:");
    }
}
