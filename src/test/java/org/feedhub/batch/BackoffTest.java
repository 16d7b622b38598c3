package org.feedhub.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration EVERY = Duration.ofMinutes(15);

    static Duration wait(int failuresSoFar, boolean failed, Duration retryAfter) {
        return Duration.between(NOW, Backoff.next(NOW, EVERY, failuresSoFar, failed, retryAfter));
    }

    @Test
    void aSuccessComesBackAfterTheInterval() {
        assertThat(wait(5, false, null)).isEqualTo(EVERY);
    }

    @RepeatedTest(20)
    void eachConsecutiveFailureDoublesTheWaitWithinTenPercentJitter() {
        for (int f = 0; f < 6; f++) {
            long expected = EVERY.toMillis() << f;
            assertThat(wait(f, true, null).toMillis())
                    .isBetween((long) (expected * 0.9), (long) (expected * 1.1));
        }
    }

    @RepeatedTest(20)
    void theWaitIsCappedAtADay() {
        assertThat(wait(30, true, null))
                .isBetween(
                        Duration.ofHours(21).plusMinutes(35), Duration.ofHours(26).plusMinutes(25));
    }

    @Test
    void retryAfterIsHonouredWhenLongerButNeverBeyondTheCap() {
        assertThat(wait(0, true, Duration.ofHours(3))).isEqualTo(Duration.ofHours(3));
        assertThat(wait(0, true, Duration.ofDays(9))).isEqualTo(Duration.ofDays(1));
        assertThat(wait(0, true, Duration.ofSeconds(5)).toMinutes()).isBetween(13L, 17L);
    }
}
