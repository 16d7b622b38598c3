package org.feedhub.websub;

import java.time.Instant;
import org.feedhub.publish.FeedFormat;

/**
 * A verified subscription: {@code callback} gets the entries added to the topic feed since {@code
 * lastVersion} (the topic's version at the last delivery, or at activation).
 *
 * @param state {@code active}, or {@code failing} after {@code deliveryAttempts} failed attempts in
 *     a row
 * @param gaveUpVersion while failing: the topic version last attempted; the next change brings one
 *     new attempt
 */
public record Subscription(
        long id,
        String topicId,
        FeedFormat format,
        String topicUrl,
        String baseUrl,
        String callback,
        String callbackHost,
        String secret,
        long leaseSeconds,
        Instant leaseUntil,
        String state,
        long lastVersion,
        Long gaveUpVersion,
        int failures,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        Instant lastSuccessAt,
        Integer lastStatus,
        String lastError,
        Instant createdAt,
        Instant verifiedAt) {
    public static final String ACTIVE = "active";
    public static final String FAILING = "failing";

    /** What {@code /api/hub} shows: {@code active}, {@code failing} or {@code expired}. */
    public String visibleState(Instant now) {
        return leaseUntil.isAfter(now) ? state : "expired";
    }
}
