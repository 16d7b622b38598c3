package org.feedhub.publish.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.feedhub.publish.FeedFormat;
import org.feedhub.publish.TopicFeeds;

/**
 * Topic feeds ({@code GET|HEAD /topics/ID.rss|.atom|.json}) and their archive pages ({@code
 * /topics/ID/archive/N.atom}) answered ahead of Spring MVC: the rendered bytes and their validators
 * are ready in {@link TopicFeeds}, so dispatch, argument resolution, message conversion and request
 * observation would be the whole cost of a request. The answer is the same as {@link
 * FeedController}'s (which still serves anything this passes on: unknown topics, other formats);
 * both write through {@link FeedResponse}.
 */
final class FeedFastPath implements Filter {
    private static final int MAX_ID = 100;

    /** Below this size copying the bytes costs less than a file (Tomcat's own threshold). */
    static final int SENDFILE_MIN = FeedResponse.SENDFILE_MIN;

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
        if (!"HEAD".equals(method) && !"GET".equals(method)) {
            chain.doFilter(req, res);
            return;
        }
        Target t = target(request.getRequestURI(), request.getContextPath());
        Optional<TopicFeeds.Rendered> rendered = Optional.empty();
        if (t != null && t.archivePage > 0)
            rendered = feeds.archive(t.topicId, t.archivePage, baseUrl.of(request));
        else if (t != null) rendered = feeds.feed(t.topicId, t.format, baseUrl.of(request));
        if (rendered.isEmpty()) {
            chain.doFilter(req, res); // MVC answers with its 404 or whatever else applies
            return;
        }
        FeedResponse.write(request, (HttpServletResponse) res, rendered.get(), t.format, files);
    }

    /** A topic feed, or (archivePage > 0) one of its archive pages. */
    record Target(String topicId, FeedFormat format, int archivePage) {}

    private static final String ARCHIVE = "/archive/";

    /**
     * {@code /topics/ID.EXT} or {@code /topics/ID/archive/N.atom} with a plain id, else null (a
     * scan, not a pattern: bounded).
     */
    static Target target(String uri, String contextPath) {
        if (uri == null) return null;
        String path = contextPath == null ? uri : uri.substring(contextPath.length());
        if (!path.startsWith("/topics/")
                || path.length() > "/topics/".length() + MAX_ID + ARCHIVE.length() + 15)
            return null;
        String name = path.substring("/topics/".length());
        int slash = name.indexOf('/');
        if (slash >= 0) return archive(name, slash);
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || !plainId(name, dot)) return null;
        return FeedFormat.fromExtension(name.substring(dot + 1))
                .map(f -> new Target(name.substring(0, dot), f, 0))
                .orElse(null);
    }

    /** {@code ID/archive/N.atom}, N from 1 without leading zeros, as the controller accepts. */
    private static Target archive(String name, int slash) {
        if (slash == 0 || slash > MAX_ID || !plainId(name, slash)) return null;
        if (!name.startsWith(ARCHIVE, slash) || !name.endsWith(".atom")) return null;
        String n = name.substring(slash + ARCHIVE.length(), name.length() - ".atom".length());
        if (n.isEmpty() || n.length() > 9 || n.charAt(0) == '0') return null;
        for (int i = 0; i < n.length(); i++)
            if (n.charAt(i) < '0' || n.charAt(i) > '9') return null;
        return new Target(name.substring(0, slash), FeedFormat.ATOM, Integer.parseInt(n));
    }

    private static boolean plainId(String name, int end) {
        if (end > MAX_ID) return false;
        for (int i = 0; i < end; i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'))
                return false;
        }
        return true;
    }
}
