package org.feedhub.fetch;

import java.time.Duration;

/**
 * The outcome of one fetch. Never thrown: every failure is a value, so one bad source cannot break
 * a pass.
 *
 * @param httpStatus the last HTTP status, 0 for file: URLs and for failures before any response
 * @param finalUrl the URL the body came from, after redirects
 * @param movedTo set when every redirect hop was permanent (301/308): the source's new address
 * @param body the decoded body (gzip/deflate undone), only for {@link Status#OK}
 * @param retryAfter the server's Retry-After on 429/503, else null
 * @param error a one-line reason for {@link Status#FAILED} and {@link Status#GONE}
 * @param link the response's {@code Link} header(s), for WebSub discovery, or null
 */
public record FetchResult(
        Status status,
        int httpStatus,
        String finalUrl,
        String movedTo,
        byte[] body,
        String contentType,
        String etag,
        String lastModified,
        Duration retryAfter,
        String error,
        String link) {

    public FetchResult(
            Status status,
            int httpStatus,
            String finalUrl,
            String movedTo,
            byte[] body,
            String contentType,
            String etag,
            String lastModified,
            Duration retryAfter,
            String error) {
        this(
                status,
                httpStatus,
                finalUrl,
                movedTo,
                body,
                contentType,
                etag,
                lastModified,
                retryAfter,
                error,
                null);
    }

    public enum Status {
        OK,
        NOT_MODIFIED,
        GONE,
        FAILED
    }

    /**
     * A body read in full, with no validators (ETag, Last-Modified) and no redirect: a file, a
     * pushed body, a page.
     */
    public static FetchResult ok(int httpStatus, String url, byte[] body, String contentType) {
        return new FetchResult(
                Status.OK, httpStatus, url, null, body, contentType, null, null, null, null);
    }

    public static FetchResult failed(int httpStatus, String url, String error) {
        return new FetchResult(
                Status.FAILED, httpStatus, url, null, null, null, null, null, null, error);
    }

    public boolean ok() {
        return status == Status.OK;
    }
}
