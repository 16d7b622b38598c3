package org.feedhub.publish.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.feedhub.publish.FeedFormat;
import org.feedhub.publish.LinkStyle;
import org.feedhub.publish.Site;
import org.feedhub.publish.TopicFeeds;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /topics/ID.rss|.atom|.json} with conditional GET, and {@code /topics/ID}, the topic's
 * page. HEAD is answered by the same handlers (Spring MVC drops the body).
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
            HttpServletRequest request,
            @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch,
            @RequestHeader(value = "If-Modified-Since", required = false) String ifModifiedSince) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return site.topicPage(name, baseUrl.of(request), LinkStyle.SERVER)
                    .<ResponseEntity<?>>map(
                            html ->
                                    ResponseEntity.ok()
                                            .contentType(
                                                    MediaType.parseMediaType(
                                                            "text/html; charset=utf-8"))
                                            .cacheControl(CacheControl.noCache())
                                            .body(html))
                    .orElse(notFound("no topic '" + name + "'"));
        }
        Optional<FeedFormat> format = FeedFormat.fromExtension(name.substring(dot + 1));
        if (format.isEmpty())
            return notFound(
                    "unknown feed format '"
                            + name.substring(dot + 1)
                            + "' (use .rss, .atom or .json)");
        String topicId = name.substring(0, dot);
        return feeds.feed(topicId, format.get(), baseUrl.of(request))
                .<ResponseEntity<?>>map(
                        r ->
                                respond(
                                        r,
                                        format.get(),
                                        ifNoneMatch,
                                        ifModifiedSince,
                                        acceptsGzip(request),
                                        opensAsPage(request, format.get())))
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
            @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch,
            @RequestHeader(value = "If-Modified-Since", required = false) String ifModifiedSince) {
        if (!page.matches("[1-9][0-9]{0,8}\\.atom"))
            return notFound("archive pages are /topics/ID/archive/N.atom");
        int n = Integer.parseInt(page.substring(0, page.length() - 5));
        return feeds.archive(id, n, baseUrl.of(request))
                .<ResponseEntity<?>>map(
                        r ->
                                respond(
                                        r,
                                        FeedFormat.ATOM,
                                        ifNoneMatch,
                                        ifModifiedSince,
                                        acceptsGzip(request),
                                        opensAsPage(request, FeedFormat.ATOM)))
                .orElse(notFound("no archive page " + n + " of topic '" + id + "'"));
    }

    /**
     * A browser opening the feed (it asks for HTML first) gets it as {@code application/xml}, the
     * type browsers render, so its /feed.xsl stylesheet shows a page; feed readers get the feed's
     * own type.
     */
    static boolean opensAsPage(HttpServletRequest request, FeedFormat format) {
        String accept = request.getHeader("Accept");
        return format != FeedFormat.JSON && accept != null && accept.startsWith("text/html");
    }

    /**
     * The cached bytes, gzipped when the client accepts it (compressed once per change, not per
     * request).
     */
    private static ResponseEntity<?> respond(
            TopicFeeds.Rendered r,
            FeedFormat format,
            String ifNoneMatch,
            String ifModifiedSince,
            boolean gzip,
            boolean asPage) {
        CacheControl cache = CacheControl.maxAge(r.maxAge()).cachePublic();
        String etag = gzip ? r.gzipEtag() : r.etag();
        if (notModified(etag, r.lastModified(), ifNoneMatch, ifModifiedSince)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .lastModified(r.lastModified())
                    .cacheControl(cache)
                    .varyBy("Accept-Encoding", "Accept")
                    .build();
        }
        ResponseEntity.BodyBuilder ok =
                ResponseEntity.ok()
                        .contentType(
                                MediaType.parseMediaType(
                                        asPage
                                                ? "application/xml; charset=utf-8"
                                                : format.mediaType()))
                        .eTag(etag)
                        .lastModified(r.lastModified())
                        .cacheControl(cache)
                        .varyBy("Accept-Encoding", "Accept");
        if (gzip) ok.header("Content-Encoding", "gzip");
        return ok.body(gzip ? r.gzipped() : r.body());
    }

    /** True when Accept-Encoding lists gzip (or *) without q=0. */
    static boolean acceptsGzip(HttpServletRequest request) {
        java.util.Enumeration<String> values = request.getHeaders("Accept-Encoding");
        while (values != null && values.hasMoreElements()) {
            for (String part : values.nextElement().split(",")) {
                String[] p = part.trim().split(";");
                String coding = p[0].trim().toLowerCase(java.util.Locale.ROOT);
                boolean refused = p.length > 1 && p[1].replace(" ", "").matches("q=0(\\.0*)?");
                if ((coding.equals("gzip") || coding.equals("*")) && !refused) return true;
            }
        }
        return false;
    }

    /**
     * If-None-Match wins when present (RFC 9110 §13.2.2); If-Modified-Since is consulted only
     * without it.
     */
    static boolean notModified(
            String etag, Instant lastModified, String ifNoneMatch, String ifModifiedSince) {
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.trim();
                if (t.startsWith("W/")) t = t.substring(2);
                if (t.equals("*") || t.equals(etag)) return true;
            }
            return false;
        }
        if (ifModifiedSince != null && lastModified != null) {
            try {
                Instant since =
                        ZonedDateTime.parse(
                                        ifModifiedSince.trim(),
                                        DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant();
                return !lastModified.isAfter(since);
            } catch (Exception e) {
                return false;
            }
        }
        return false;
    }

    static ResponseEntity<?> notFound(String message) {
        return NotFoundHandler.page(
                new org.feedhub.publish.NotFoundPage(
                        null,
                        message.substring(0, 1).toUpperCase() + message.substring(1) + ".",
                        null));
    }
}
