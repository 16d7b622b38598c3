package org.feedhub.publish.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.feedhub.publish.FeedFormat;
import org.feedhub.publish.LinkStyle;
import org.feedhub.publish.Site;
import org.feedhub.publish.TopicFeeds;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /topics/ID}, the topic's page, {@code /topics/ID?tag=TAG}, its stories with that tag, and
 * the feeds {@link FeedFastPath} passes on (unknown topics and formats get an HTML 404; feeds it
 * would serve are written by the same {@link FeedResponse}, so a context without the fast path
 * answers alike). HEAD is answered by the same handlers.
 */
@RestController
class FeedController {
    private final TopicFeeds feeds;
    private final Site site;
    private final BaseUrl baseUrl;

    FeedController(TopicFeeds feeds, Site site, BaseUrl baseUrl) {
        this.feeds = feeds;
        this.site = site;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/topics/{name}")
    ResponseEntity<?> topic(
            @PathVariable String name,
            @RequestParam(value = "tag", required = false) String tag,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        int dot = name.lastIndexOf('.');
        if (dot < 0 && tag != null && !tag.isBlank()) {
            if (tag.length() > Site.MAX_TAG)
                return notFound("no tag is longer than " + Site.MAX_TAG + " characters");
            return page(site.tagPage(name, tag, baseUrl.of(request), LinkStyle.SERVER), name);
        }
        if (dot < 0) return page(site.topicPage(name, baseUrl.of(request), LinkStyle.SERVER), name);
        Optional<FeedFormat> format = FeedFormat.fromExtension(name.substring(dot + 1));
        if (format.isEmpty())
            return notFound(
                    "unknown feed format '"
                            + name.substring(dot + 1)
                            + "' (use .rss, .atom or .json)");
        String topicId = name.substring(0, dot);
        Optional<TopicFeeds.Rendered> r = feeds.feed(topicId, format.get(), baseUrl.of(request));
        if (r.isEmpty()) return notFound("no topic '" + topicId + "'");
        FeedResponse.write(request, response, r.get(), format.get(), null);
        return null; // answered
    }

    /** An HTML page, revalidated on each visit; the 404 page for no such topic. */
    private static ResponseEntity<?> page(Optional<String> html, String topicId) {
        return html.<ResponseEntity<?>>map(
                        h ->
                                ResponseEntity.ok()
                                        .contentType(
                                                MediaType.parseMediaType(
                                                        "text/html; charset=utf-8"))
                                        .cacheControl(CacheControl.noCache())
                                        .body(h))
                .orElse(notFound("no topic '" + topicId + "'"));
    }

    /**
     * {@code /topics/ID/archive/N.atom}: RFC 5005 archive pages, oldest first, stable once full.
     */
    @GetMapping("/topics/{id}/archive/{page}")
    ResponseEntity<?> archive(
            @PathVariable String id,
            @PathVariable String page,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        if (!page.matches("[1-9][0-9]{0,8}\\.atom"))
            return notFound("archive pages are /topics/ID/archive/N.atom");
        int n = Integer.parseInt(page.substring(0, page.length() - 5));
        Optional<TopicFeeds.Rendered> r = feeds.archive(id, n, baseUrl.of(request));
        if (r.isEmpty()) return notFound("no archive page " + n + " of topic '" + id + "'");
        FeedResponse.write(request, response, r.get(), FeedFormat.ATOM, null);
        return null; // answered
    }

    static ResponseEntity<?> notFound(String message) {
        return NotFoundHandler.page(
                new org.feedhub.publish.NotFoundPage(
                        null,
                        message.substring(0, 1).toUpperCase() + message.substring(1) + ".",
                        null));
    }
}
