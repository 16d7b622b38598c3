package org.feedhub.store;

import java.time.Duration;
import java.util.List;
import org.feedhub.normalize.Story;

/**
 * What one poll of one source produced, ready to be stored in one transaction.
 *
 * @param bodyHash hash of the fetched bytes (to skip parsing an identical body next time)
 * @param effectiveUrl set when the source now lives elsewhere (permanent redirect, autodiscovered
 *     feed)
 * @param stories normalized and enriched; empty unless {@link Kind#FETCHED}
 * @param warnings things the editor should know that did not stop the source (skipped items …)
 * @param feedImage the feed's own image, icon or logo (absolute), may be null
 */
public record FetchOutcome(
        String sourceId,
        Kind kind,
        int httpStatus,
        String error,
        Duration retryAfter,
        String etag,
        String lastModified,
        String bodyHash,
        String feedTitle,
        String siteUrl,
        String effectiveUrl,
        List<Story> stories,
        List<String> warnings,
        long millis,
        String feedImage) {

    public FetchOutcome(
            String sourceId,
            Kind kind,
            int httpStatus,
            String error,
            Duration retryAfter,
            String etag,
            String lastModified,
            String bodyHash,
            String feedTitle,
            String siteUrl,
            String effectiveUrl,
            List<Story> stories,
            List<String> warnings,
            long millis) {
        this(
                sourceId,
                kind,
                httpStatus,
                error,
                retryAfter,
                etag,
                lastModified,
                bodyHash,
                feedTitle,
                siteUrl,
                effectiveUrl,
                stories,
                warnings,
                millis,
                null);
    }

    public enum Kind {
        FETCHED,
        NOT_MODIFIED,
        SAME_BODY,
        FAILED,
        GONE
    }

    public boolean failed() {
        return kind == Kind.FAILED || kind == Kind.GONE;
    }
}
