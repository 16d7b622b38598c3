package org.feedhub.store;

import java.time.Instant;

/** A source's row: where to fetch it, what the last fetch said, when it is due. */
public record SourceState(
        String id,
        String url,
        String effectiveUrl,
        String title,
        String siteUrl,
        String etag,
        String lastModified,
        String bodyHash,
        Instant lastFetchAt,
        Instant lastSuccessAt,
        Integer lastStatus,
        String lastError,
        int failures,
        Instant nextDueAt,
        Instant retiredAt,
        boolean active,
        long storyCount,
        String guidPolicy,
        Instant failingSince) {

    /**
     * Where the next fetch goes: the address a permanent redirect or autodiscovery settled on, else
     * the configured one.
     */
    public String fetchUrl() {
        return effectiveUrl != null ? effectiveUrl : url;
    }
}
