package org.feedhub.publish.web;

import jakarta.servlet.http.HttpServletRequest;
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

    String of(HttpServletRequest request) {
        if (!configured.isEmpty()) return configured;
        return ServletUriComponentsBuilder.fromContextPath(request)
                .replaceQuery(null)
                .build()
                .toUriString();
    }
}
