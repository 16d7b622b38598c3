package org.feedhub.publish.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Enumeration;
import java.util.Locale;
import org.feedhub.publish.FeedFormat;
import org.feedhub.publish.TopicFeeds;

/**
 * The one way a rendered feed (a topic feed or an archive page) is answered, by {@link
 * FeedFastPath} ahead of Spring MVC and by {@link FeedController} behind it: validators, 304, gzip
 * chosen per request, the browser's content type, and the body from memory or by sendfile.
 */
final class FeedResponse {
    /** Below this size copying the bytes costs less than a file (Tomcat's own threshold). */
    static final int SENDFILE_MIN = 48 * 1024;

    private static final String SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";
    private static final String SENDFILE_NAME = "org.apache.tomcat.sendfile.filename";
    private static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";
    private static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";

    private FeedResponse() {}

    /**
     * Writes {@code r} as the answer to {@code request}.
     *
     * @param files where large feeds are kept for sendfile; null: always copy from memory
     */
    static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            TopicFeeds.Rendered r,
            FeedFormat format,
            FeedFiles files)
            throws IOException {
        boolean gzip = acceptsGzip(request);
        String etag = gzip ? r.gzipEtag() : r.etag();
        response.setHeader("ETag", etag);
        response.setHeader("Last-Modified", r.lastModifiedHeader());
        response.setHeader("Cache-Control", r.cacheControl());
        response.setHeader("Vary", "Accept-Encoding, Accept");
        if (notModified(
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
                opensAsPage(request, format)
                        ? "application/xml; charset=utf-8"
                        : format.mediaType());
        if (gzip) response.setHeader("Content-Encoding", "gzip");
        response.setContentLength(body.length);
        if ("HEAD".equals(request.getMethod())) return;
        if (files != null
                && body.length >= SENDFILE_MIN
                && Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORT))) {
            Path file = files.file(etag, body);
            if (file != null) {
                request.setAttribute(SENDFILE_NAME, file.toAbsolutePath().toString());
                request.setAttribute(SENDFILE_START, 0L);
                request.setAttribute(SENDFILE_END, (long) body.length);
                return; // Tomcat sends the file once the request's filters and servlet return
            }
        }
        response.getOutputStream().write(body);
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

    /** True when Accept-Encoding lists gzip (or *) without q=0. */
    static boolean acceptsGzip(HttpServletRequest request) {
        Enumeration<String> values = request.getHeaders("Accept-Encoding");
        while (values != null && values.hasMoreElements()) {
            for (String part : values.nextElement().split(",")) {
                String[] p = part.trim().split(";");
                String coding = p[0].trim().toLowerCase(Locale.ROOT);
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
}
