package org.feedhub.publish.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import org.feedhub.publish.FeedUrls;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The site's public URL: {@code feedhub.base-url} when set, else what the request (and its proxy
 * headers) says.
 */
public class BaseUrl {
    private final String configured;

    public BaseUrl(String configured) {
        this.configured = FeedUrls.trimBase(configured);
    }

    /** The parts of the last request that make its base URL, and that URL. */
    private record Last(String scheme, String host, int port, String contextPath, String url) {
        boolean matches(String scheme, String host, int port, String contextPath) {
            return this.port == port
                    && Objects.equals(this.scheme, scheme)
                    && Objects.equals(this.host, host)
                    && Objects.equals(this.contextPath, contextPath);
        }
    }

    /**
     * Building the URL was a twentieth of a topic feed's 304; requests to one site keep asking with
     * the same scheme, host, port and context path, so the last answer is kept.
     */
    private volatile Last last;

    String of(HttpServletRequest request) {
        if (!configured.isEmpty()) return configured;
        String scheme = request.getScheme();
        String host = request.getServerName();
        int port = request.getServerPort();
        String contextPath = request.getContextPath();
        Last seen = last;
        if (seen != null && seen.matches(scheme, host, port, contextPath)) return seen.url();
        String url =
                ServletUriComponentsBuilder.fromContextPath(request)
                        .replaceQuery(null)
                        .build()
                        .toUriString();
        last = new Last(scheme, host, port, contextPath, url);
        return url;
    }
}
