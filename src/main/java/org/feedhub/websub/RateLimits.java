package org.feedhub.websub;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/**
 * A token bucket per key (a client address, a source id): {@code perMinute} requests a minute,
 * refilled smoothly, with bursts up to the same number. The keys kept are bounded (least recently
 * used forgotten first), so a flood of new addresses costs memory only up to {@code maxKeys}.
 */
public final class RateLimits {
    private final Cache<String, Bucket> buckets;
    private final long perMinute;
    private final TimeMeter time;

    public RateLimits(long perMinute, int maxKeys) {
        this(perMinute, maxKeys, TimeMeter.SYSTEM_NANOTIME);
    }

    /** With a time source of the caller's (tests). */
    public RateLimits(long perMinute, int maxKeys, TimeMeter time) {
        this.perMinute = Math.max(1, perMinute);
        this.time = time;
        this.buckets = Caffeine.newBuilder().maximumSize(Math.max(1, maxKeys)).build();
    }

    /** Takes one token for {@code key}; false when its bucket is empty (the request is refused). */
    public boolean tryTake(String key) {
        return buckets.get(key, k -> newBucket()).tryConsume(1);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .withCustomTimePrecision(time)
                .addLimit(l -> l.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }
}
