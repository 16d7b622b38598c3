package org.feedhub.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RelativeTimeTest {
    private static final Instant NOW = Instant.parse("2024-05-10T12:00:00Z");

    private static String ago(Duration d) {
        return RelativeTime.of(NOW.minus(d), NOW);
    }

    private static String ahead(Duration d) {
        return RelativeTime.of(NOW.plus(d), NOW);
    }

    @Test
    void nullIsEmpty() {
        assertThat(RelativeTime.of(null, NOW)).isEmpty();
    }

    @Test
    void theSameInstantIsJustNow() {
        assertThat(ago(Duration.ZERO)).isEqualTo("just now");
    }

    @Test
    void underFortyFiveSecondsIsJustNow() {
        assertThat(ago(Duration.ofSeconds(44))).isEqualTo("just now");
    }

    @Test
    void fortyFiveSecondsIsAMinute() {
        assertThat(ago(Duration.ofSeconds(45))).isEqualTo("1 minute ago");
    }

    @Test
    void minutesAreCountedWhole() {
        assertThat(ago(Duration.ofSeconds(119))).isEqualTo("1 minute ago");
        assertThat(ago(Duration.ofMinutes(2))).isEqualTo("2 minutes ago");
        assertThat(ago(Duration.ofMinutes(59).plusSeconds(59))).isEqualTo("59 minutes ago");
    }

    @Test
    void anHourIsOneHour() {
        assertThat(ago(Duration.ofHours(1))).isEqualTo("1 hour ago");
    }

    @Test
    void hoursAreCountedWhole() {
        assertThat(ago(Duration.ofHours(3).plusMinutes(59))).isEqualTo("3 hours ago");
        assertThat(ago(Duration.ofHours(23).plusMinutes(59))).isEqualTo("23 hours ago");
    }

    @Test
    void aDayUpToTwoIsYesterday() {
        assertThat(ago(Duration.ofHours(24))).isEqualTo("yesterday");
        assertThat(ago(Duration.ofHours(47).plusMinutes(59))).isEqualTo("yesterday");
    }

    @Test
    void twoToSixDaysAreCounted() {
        assertThat(ago(Duration.ofDays(2))).isEqualTo("2 days ago");
        assertThat(ago(Duration.ofDays(6).plusHours(23))).isEqualTo("6 days ago");
    }

    @Test
    void aWeekOrOlderIsTheDate() {
        assertThat(ago(Duration.ofDays(7))).isEqualTo("3 May 2024");
        assertThat(RelativeTime.of(Instant.parse("2023-09-01T00:00:00Z"), NOW))
                .isEqualTo("1 Sep 2023");
        assertThat(RelativeTime.of(Instant.parse("1999-12-31T23:59:59Z"), NOW))
                .isEqualTo("31 Dec 1999");
    }

    @Test
    void theDateIsTheUtcDate() {
        assertThat(RelativeTime.of(Instant.parse("2024-04-30T23:30:00Z"), NOW))
                .isEqualTo("30 Apr 2024");
    }

    @Test
    void aMomentAheadIsInAMoment() {
        assertThat(ahead(Duration.ofSeconds(30))).isEqualTo("in a moment");
    }

    @Test
    void minutesAndHoursAhead() {
        assertThat(ahead(Duration.ofMinutes(1))).isEqualTo("in 1 minute");
        assertThat(ahead(Duration.ofMinutes(5))).isEqualTo("in 5 minutes");
        assertThat(ahead(Duration.ofHours(2))).isEqualTo("in 2 hours");
    }

    @Test
    void aDayAheadIsTomorrow() {
        assertThat(ahead(Duration.ofHours(30))).isEqualTo("tomorrow");
    }

    @Test
    void daysAhead() {
        assertThat(ahead(Duration.ofDays(3))).isEqualTo("in 3 days");
    }

    @Test
    void aWeekOrMoreAheadIsTheDate() {
        assertThat(ahead(Duration.ofDays(30))).isEqualTo("9 Jun 2024");
    }

    @Test
    void aFutureTimeANanosecondAheadIsStillAMoment() {
        assertThat(RelativeTime.of(NOW.plusNanos(1), NOW)).isEqualTo("in a moment");
    }
}
