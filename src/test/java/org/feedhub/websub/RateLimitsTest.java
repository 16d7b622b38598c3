package org.feedhub.websub;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateLimitsTest {
    /** A clock the test moves. */
    static final class FakeTime implements TimeMeter {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    final FakeTime time = new FakeTime();

    @Test
    void aKeyGetsItsAllowanceThenIsRefused() {
        RateLimits limits = new RateLimits(3, 100, time);
        assertThat(limits.tryTake("a")).isTrue();
        assertThat(limits.tryTake("a")).isTrue();
        assertThat(limits.tryTake("a")).isTrue();
        assertThat(limits.tryTake("a")).isFalse();
    }

    @Test
    void keysHaveTheirOwnAllowance() {
        RateLimits limits = new RateLimits(1, 100, time);
        assertThat(limits.tryTake("a")).isTrue();
        assertThat(limits.tryTake("a")).isFalse();
        assertThat(limits.tryTake("b")).isTrue();
    }

    @Test
    void theAllowanceRefillsOverAMinute() {
        RateLimits limits = new RateLimits(2, 100, time);
        assertThat(limits.tryTake("a")).isTrue();
        assertThat(limits.tryTake("a")).isTrue();
        assertThat(limits.tryTake("a")).isFalse();
        time.nanos += TimeUnit.SECONDS.toNanos(30);
        assertThat(limits.tryTake("a")).isTrue();
        assertThat(limits.tryTake("a")).isFalse();
    }
}
