package org.feedhub.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    @Test
    void seconds() {
        assertThat(HttpFetcher.retryAfter("120")).isEqualTo(Duration.ofSeconds(120));
        assertThat(HttpFetcher.retryAfter(" 0 ")).isEqualTo(Duration.ZERO);
    }

    @Test
    void negativeSecondsAreZero() {
        assertThat(HttpFetcher.retryAfter("-5")).isEqualTo(Duration.ZERO);
    }

    @Test
    void httpDateInTheFuture() {
        String at =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(10));
        assertThat(HttpFetcher.retryAfter(at))
                .isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));
    }

    @Test
    void httpDateInThePastIsZero() {
        assertThat(HttpFetcher.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void garbageAndAbsenceAreNull() {
        assertThat(HttpFetcher.retryAfter(null)).isNull();
        assertThat(HttpFetcher.retryAfter(" ")).isNull();
        assertThat(HttpFetcher.retryAfter("soon")).isNull();
    }
}
