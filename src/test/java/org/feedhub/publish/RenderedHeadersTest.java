package org.feedhub.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RenderedHeadersTest {

    private static TopicFeeds.Rendered rendered(String lastModified) {
        return new TopicFeeds.Rendered(
                "<feed/>".getBytes(StandardCharsets.UTF_8),
                "\"abc\"",
                Instant.parse(lastModified),
                Duration.ofMinutes(15));
    }

    @Test
    void lastModifiedOnASingleDigitDayIsAnImfFixdateWithTwoDigits() {
        assertThat(rendered("2026-12-02T04:34:15Z").lastModifiedHeader())
                .isEqualTo("Wed, 02 Dec 2026 04:34:15 GMT");
    }

    @Test
    void lastModifiedReadsBackAsTheSameInstant() {
        Instant at = Instant.parse("2026-01-09T23:05:00Z");
        String header = rendered(at.toString()).lastModifiedHeader();
        assertThat(ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                .isEqualTo(at);
    }

    @Test
    void cacheControlCarriesTheMaxAge() {
        TopicFeeds.Rendered r = rendered("2026-12-02T04:34:15Z");
        assertThat(r.cacheControl()).isEqualTo("max-age=900, public");
        assertThat(r.withMaxAge(Duration.ofSeconds(60)).cacheControl())
                .isEqualTo("max-age=60, public");
    }
}
