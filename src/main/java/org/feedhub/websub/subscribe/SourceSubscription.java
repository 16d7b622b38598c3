package org.feedhub.websub.subscribe;

import java.time.Instant;

/**
 * feedhub's subscription to the hub of one source ({@code websub_source}).
 *
 * @param state {@link #WANTED} (hub found, to subscribe), {@link #REQUESTED} (asked, waiting for
 *     the hub's verification), {@link #SUBSCRIBED}, {@link #DENIED} (the hub refused), {@link
 *     #FAILED} (the hub could not be asked), {@link #LEAVING} (the source left feeds.yml:
 *     unsubscribing)
 * @param token the callback's secret path segment
 * @param pendingMode the intent the hub may verify now ({@code subscribe}/{@code unsubscribe}), or
 *     null
 */
public record SourceSubscription(
        String sourceId,
        String hubUrl,
        String topicUrl,
        String token,
        String secret,
        String state,
        String pendingMode,
        Instant pendingUntil,
        Long leaseSeconds,
        Instant subscribedUntil,
        Instant nextActionAt,
        int failures,
        Instant lastPushAt,
        String lastError,
        Instant lastErrorAt) {
    public static final String WANTED = "wanted";
    public static final String REQUESTED = "requested";
    public static final String SUBSCRIBED = "subscribed";
    public static final String DENIED = "denied";
    public static final String FAILED = "failed";
    public static final String LEAVING = "leaving";

    /** Subscribed with a lease still running. */
    public boolean live(Instant now) {
        return subscribedUntil != null && subscribedUntil.isAfter(now);
    }
}
