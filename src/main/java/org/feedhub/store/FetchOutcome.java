package org.feedhub.store;

import java.time.Duration;
import java.util.List;
import org.feedhub.identify.Identification;
import org.feedhub.identify.Identified;
import org.feedhub.normalize.Story;

/**
 * What one poll of one source produced, ready to be stored in one transaction. Built by the named
 * factories below, one per kind.
 *
 * @param httpStatus the last HTTP status, 0 for file: URLs and failures before any response
 * @param error a one-line reason, for FAILED and GONE
 * @param retryAfter the server's Retry-After on a failure, else null
 * @param validators what the response said for the next conditional fetch; {@link Validators#NONE}
 *     for failures
 * @param feed what the feed said about itself; {@link FeedInfo#NONE} unless {@link Kind#FETCHED}
 * @param items the items with their identity decided, new and changed ones enriched; empty unless
 *     {@link Kind#FETCHED}
 * @param warnings things the editor should know that did not stop the source (skipped items …)
 */
public record FetchOutcome(
        String sourceId,
        Kind kind,
        int httpStatus,
        String error,
        Duration retryAfter,
        Validators validators,
        FeedInfo feed,
        Identification items,
        List<String> warnings,
        long millis) {

    public enum Kind {
        FETCHED,
        NOT_MODIFIED,
        SAME_BODY,
        FAILED,
        GONE
    }

    /**
     * @param bodyHash hash of the fetched bytes (to skip parsing an identical body next time)
     * @param effectiveUrl set when the source now lives elsewhere (permanent redirect,
     *     autodiscovered feed)
     */
    public record Validators(
            String etag, String lastModified, String bodyHash, String effectiveUrl) {
        public static final Validators NONE = new Validators(null, null, null, null);
    }

    /**
     * @param image the feed's own image, icon or logo (absolute), may be null
     */
    public record FeedInfo(String title, String siteUrl, String image) {
        public static final FeedInfo NONE = new FeedInfo(null, null, null);
    }

    public static FetchOutcome fetched(
            String sourceId,
            int httpStatus,
            Validators validators,
            FeedInfo feed,
            Identification items,
            List<String> warnings) {
        return new FetchOutcome(
                sourceId,
                Kind.FETCHED,
                httpStatus,
                null,
                null,
                validators,
                feed,
                items,
                List.copyOf(warnings),
                0);
    }

    /** 304: nothing changed since the validators of the last fetch. */
    public static FetchOutcome notModified(String sourceId, int httpStatus, Validators validators) {
        return ok(sourceId, Kind.NOT_MODIFIED, httpStatus, validators);
    }

    /** A body byte for byte the same as last time: not parsed again. */
    public static FetchOutcome sameBody(String sourceId, int httpStatus, Validators validators) {
        return ok(sourceId, Kind.SAME_BODY, httpStatus, validators);
    }

    public static FetchOutcome failed(String sourceId, int httpStatus, String error) {
        return failed(sourceId, httpStatus, error, null);
    }

    public static FetchOutcome failed(
            String sourceId, int httpStatus, String error, Duration retryAfter) {
        return problem(sourceId, Kind.FAILED, httpStatus, error, retryAfter);
    }

    /** 410 (or equivalent): the source is retired. */
    public static FetchOutcome gone(String sourceId, int httpStatus, String error) {
        return problem(sourceId, Kind.GONE, httpStatus, error, null);
    }

    /** The same outcome, stamped with how long the poll took. */
    public FetchOutcome took(long ms) {
        return new FetchOutcome(
                sourceId,
                kind,
                httpStatus,
                error,
                retryAfter,
                validators,
                feed,
                items,
                warnings,
                ms);
    }

    /** The same outcome with its items identified anew. */
    public FetchOutcome withItems(Identification newItems) {
        return new FetchOutcome(
                sourceId,
                kind,
                httpStatus,
                error,
                retryAfter,
                validators,
                feed,
                newItems,
                warnings,
                millis);
    }

    public boolean failed() {
        return kind == Kind.FAILED || kind == Kind.GONE;
    }

    /** The stories of this poll, whatever was decided about them. */
    public List<Story> stories() {
        return items.items().stream().map(Identified::story).toList();
    }

    public String etag() {
        return validators.etag();
    }

    public String lastModified() {
        return validators.lastModified();
    }

    public String bodyHash() {
        return validators.bodyHash();
    }

    public String effectiveUrl() {
        return validators.effectiveUrl();
    }

    public String feedTitle() {
        return feed.title();
    }

    public String siteUrl() {
        return feed.siteUrl();
    }

    public String feedImage() {
        return feed.image();
    }

    private static FetchOutcome ok(
            String sourceId, Kind kind, int httpStatus, Validators validators) {
        return new FetchOutcome(
                sourceId,
                kind,
                httpStatus,
                null,
                null,
                validators,
                FeedInfo.NONE,
                Identification.NONE,
                List.of(),
                0);
    }

    private static FetchOutcome problem(
            String sourceId, Kind kind, int httpStatus, String error, Duration retryAfter) {
        return new FetchOutcome(
                sourceId,
                kind,
                httpStatus,
                error,
                retryAfter,
                Validators.NONE,
                FeedInfo.NONE,
                Identification.NONE,
                List.of(),
                0);
    }
}
