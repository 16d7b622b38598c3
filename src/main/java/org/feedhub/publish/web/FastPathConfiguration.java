package org.feedhub.publish.web;

import org.feedhub.publish.TopicFeeds;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link FeedFastPath} first in the filter chain, ahead of the request observation filter
 * (order {@code HIGHEST_PRECEDENCE + 1}): a feed answered from ready bytes should cost no more than
 * that.
 */
@Configuration(proxyBeanMethods = false)
class FastPathConfiguration {
    /** Disk kept for feeds sent with sendfile: a few renderings of every topic. */
    private static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

    @Bean
    FilterRegistrationBean<FeedFastPath> feedFastPath(
            TopicFeeds feeds, BaseUrl baseUrl, TrustedProxies proxies) throws java.io.IOException {
        FilterRegistrationBean<FeedFastPath> r =
                new FilterRegistrationBean<>(
                        new FeedFastPath(
                                feeds, baseUrl, FeedFiles.inTempDir(MAX_FILE_BYTES), proxies));
        r.addUrlPatterns("/topics/*");
        r.setOrder(Ordered.HIGHEST_PRECEDENCE);
        r.setName("feedFastPath");
        return r;
    }
}
