package org.feedhub.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A static file server on a loopback port for a static export, under a sub-folder ({@code
 * /news/...}) as on a shared host. It sends feeds as {@code application/xml} and the stylesheet as
 * {@code text/xsl}, types a browser renders through XSLT (a default nginx sends {@code
 * application/rss+xml}, which Chromium shows as text).
 */
final class StaticSite implements AutoCloseable {
    private static final Map<String, String> TYPES =
            Map.of(
                    "html", "text/html; charset=utf-8",
                    "rss", "application/xml",
                    "atom", "application/xml",
                    "xsl", "text/xsl",
                    "json", "application/feed+json",
                    "opml", "text/x-opml");
    private final HttpServer server;
    private final Path root;
    private final String prefix;

    StaticSite(Path root, String prefix) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.prefix = prefix;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(prefix + "/", this::serve);
        server.start();
    }

    /** {@code http://127.0.0.1:PORT/news}: the export's base URL. */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
    }

    private void serve(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath().substring(prefix.length() + 1);
        if (path.isEmpty() || path.endsWith("/")) path += "index.html";
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            x.sendResponseHeaders(404, -1);
            x.close();
            return;
        }
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1);
        byte[] body = Files.readAllBytes(file);
        x.getResponseHeaders()
                .set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
        x.sendResponseHeaders(200, body.length);
        x.getResponseBody().write(body);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
