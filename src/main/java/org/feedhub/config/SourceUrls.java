package org.feedhub.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks a source {@code url:} and makes it absolute: http(s) as written, {@code file:} against
 * feeds.yml's folder.
 */
final class SourceUrls {

    private SourceUrls() {}

    /**
     * @throws IllegalArgumentException saying what is wrong with the URL
     */
    static String resolve(String url, Path baseDir) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http:") || lower.startsWith("https:")) return web(url);
        if (lower.startsWith("file:")) return file(url, baseDir);
        throw new IllegalArgumentException("'" + url + "' is not an http(s) or file: URL");
    }

    private static String web(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "'" + url + "' is not a valid URL: " + e.getReason());
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("'" + url + "' has no host name");
        }
        return url;
    }

    private static String file(String url, Path baseDir) {
        String path = filePath(url);
        if (path.isEmpty()) throw new IllegalArgumentException("'" + url + "' names no file");
        try {
            Path p = Path.of(path);
            if (!p.isAbsolute()) p = baseDir.resolve(p);
            return p.normalize().toUri().toString();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(
                    "'" + url + "' is not a valid file path: " + e.getReason());
        }
    }

    // A well-formed file: URL is percent-decoded; one with raw spaces and the like is taken
    // literally.
    private static String filePath(String url) {
        try {
            URI uri = new URI(url);
            if (uri.isOpaque()) return uri.getSchemeSpecificPart();
            String host = uri.getAuthority();
            if (host != null && !host.equalsIgnoreCase("localhost")) {
                throw new IllegalArgumentException(
                        "'"
                                + url
                                + "' names a file on another host ('"
                                + host
                                + "'); write file:some/path for a path relative to feeds.yml");
            }
            return uri.getPath() == null ? "" : uri.getPath();
        } catch (URISyntaxException e) {
            return url.substring("file:".length());
        }
    }
}
