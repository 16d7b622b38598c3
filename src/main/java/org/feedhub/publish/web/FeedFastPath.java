package org.feedhub.publish.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.feedhub.publish.FeedFormat;
import org.feedhub.publish.TopicFeeds;

/**
 * Topic feeds ({@code GET|HEAD /topics/ID.rss|.atom|.json}) answered ahead of Spring MVC: the
 * rendered bytes and their validators are ready in {@link TopicFeeds}, so dispatch, argument
 * resolution, message conversion and request observation would be the whole cost of a request. The
 * answer is the same as {@link FeedController}'s (which still serves anything this passes on:
 * unknown topics, other formats, archive pages); {@code FeedFastPathTest} compares them.
 */
final class FeedFastPath implements Filter {
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final int MAX_ID = 100;

    /** Below this size copying the bytes costs less than a file (Tomcat's own threshold). */
    static final int SENDFILE_MIN = 48 * 1024;

    private static final String SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";
    private static final String SENDFILE_NAME = "org.apache.tomcat.sendfile.filename";
    private static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";
    private static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";

    private final TopicFeeds feeds;
    private final BaseUrl baseUrl;
    private final FeedFiles files;
    private final TrustedProxies proxies;
    private final org.springframework.web.filter.ForwardedHeaderFilter forwarded =
            new org.springframework.web.filter.ForwardedHeaderFilter();

    /**
     * @param files where large feeds are kept for sendfile; null: always copy from memory
     * @param proxies whose forwarded headers say the public host (this filter runs before {@link
     *     TrustedProxies}, so it applies the same rule itself)
     */
    FeedFastPath(TopicFeeds feeds, BaseUrl baseUrl, FeedFiles files, TrustedProxies proxies) {
        this.feeds = feeds;
        this.baseUrl = baseUrl;
        this.files = files;
        this.proxies = proxies;
    }

    /** How many feed files this path has written for sendfile (for tests and metrics). */
    int filesWritten() {
        return files == null ? 0 : files.count();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (proxies != null && proxies.trusted(req.getRemoteAddr())) {
            forwarded.doFilter(req, res, (rq, rs) -> serve(rq, rs, chain));
        } else {
            serve(req, res, chain);
        }
    }

    private void serve(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method)) {
            chain.doFilter(req, res);
            return;
        }
        Target t = target(request.getRequestURI(), request.getContextPath());
        Optional<TopicFeeds.Rendered> rendered =
                t == null ? Optional.empty() : feeds.feed(t.topicId, t.format, baseUrl.of(request));
        if (rendered.isEmpty()) {
            chain.doFilter(req, res); // MVC answers with its 404 or whatever else applies
            return;
        }
        write(request, (HttpServletResponse) res, rendered.get(), t.format, head, files);
    }

    private static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            TopicFeeds.Rendered r,
            FeedFormat format,
            boolean head,
            FeedFiles files)
            throws IOException {
        boolean gzip = FeedController.acceptsGzip(request);
        String etag = gzip ? r.gzipEtag() : r.etag();
        response.setHeader("ETag", etag);
        response.setHeader("Last-Modified", HTTP_DATE.format(r.lastModified()));
        response.setHeader("Cache-Control", "max-age=" + r.maxAge().toSeconds() + ", public");
        response.setHeader("Vary", "Accept-Encoding, Accept");
        if (FeedController.notModified(
                etag,
                r.lastModified(),
                request.getHeader("If-None-Match"),
                request.getHeader("If-Modified-Since"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = gzip ? r.gzipped() : r.body();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(
                FeedController.opensAsPage(request, format)
                        ? "application/xml; charset=utf-8"
                        : format.mediaType());
        if (gzip) response.setHeader("Content-Encoding", "gzip");
        response.setContentLength(body.length);
        if (head) return;
        if (files != null
                && body.length >= SENDFILE_MIN
                && Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORT))) {
            java.nio.file.Path file = files.file(etag, body);
            if (file != null) {
                request.setAttribute(SENDFILE_NAME, file.toAbsolutePath().toString());
                request.setAttribute(SENDFILE_START, 0L);
                request.setAttribute(SENDFILE_END, (long) body.length);
                return; // Tomcat sends the file once the filter returns
            }
        }
        response.getOutputStream().write(body);
    }

    record Target(String topicId, FeedFormat format) {}

    /** {@code /topics/ID.EXT} with a plain id, else null (a scan, not a pattern: bounded). */
    static Target target(String uri, String contextPath) {
        if (uri == null) return null;
        String path = contextPath == null ? uri : uri.substring(contextPath.length());
        if (!path.startsWith("/topics/") || path.length() > "/topics/".length() + MAX_ID + 6)
            return null;
        String name = path.substring("/topics/".length());
        int dot = name.lastIndexOf('.');
        if (dot <= 0) return null;
        for (int i = 0; i < dot; i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'))
                return null;
        }
        return FeedFormat.fromExtension(name.substring(dot + 1))
                .map(f -> new Target(name.substring(0, dot), f))
                .orElse(null);
    }
}
