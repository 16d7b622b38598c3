package org.feedhub.websub;

import java.time.Instant;
import org.feedhub.publish.FeedFormat;

/**
 * A request waiting for its intent to be verified with the subscriber (or, {@code mode = denied},
 * for the subscriber to be told the hub refuses it).
 *
 * @param mode {@code subscribe}, {@code unsubscribe} or {@code denied}
 * @param callbackAddress the callback host's {@link NetworkKey}: what the per-host bounds count
 */
public record Verification(
        long id,
        String mode,
        String topicId,
        FeedFormat format,
        String topicUrl,
        String baseUrl,
        String callback,
        String callbackHost,
        String callbackAddress,
        String secret,
        long leaseSeconds,
        String reason,
        int attempts,
        Instant createdAt) {
    public static final String DENIED = "denied";
}
