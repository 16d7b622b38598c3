package org.feedhub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @Test
    void seconds() {
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void minutes() {
        assertThat(Durations.parse("15m")).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void hours() {
        assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void days() {
        assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Durations.parse("90d")).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void surroundingSpaceIsIgnored() {
        assertThat(Durations.parse(" 5m ")).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void isoMinutes() {
        assertThat(Durations.parse("PT15M")).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void isoDays() {
        assertThat(Durations.parse("P1D")).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void isoIsCaseInsensitive() {
        assertThat(Durations.parse("pt1h30m")).isEqualTo(Duration.ofMinutes(90));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "5x",
                "15",
                "m",
                "15 m",
                "15M",
                "1h30m",
                "-5m",
                "five minutes",
                "PT",
                "P1W",
                "1.5h"
            })
    void garbageIsRefusedNamingTheAcceptedForms(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an interval")
                .hasMessageContaining("30s, 15m, 2h, 1d or PT15M");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "0d", "PT0S", "PT-5M", "-P1D"})
    void zeroAndNegativeAreRefused(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a positive interval")
                .hasMessageContaining("30s, 15m, 2h, 1d or PT15M");
    }

    @Test
    void emptyIsRefused() {
        assertThatThrownBy(() -> Durations.parse(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT15M");
        assertThatThrownBy(() -> Durations.parse(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hugeNumbersAreRefusedNotOverflowed() {
        assertThatThrownBy(() -> Durations.parse("99999999999999999999d"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too long");
        assertThatThrownBy(() -> Durations.parse("9999999999999999d"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too long");
    }

    @Test
    void formatUsesTheLargestExactUnit() {
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofMinutes(15))).isEqualTo("15m");
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(Durations.format(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(Durations.format(Duration.ofHours(24))).isEqualTo("1d");
        assertThat(Durations.format(Duration.ofDays(90))).isEqualTo("90d");
    }

    @Test
    void formatFallsBackToIsoForFractions() {
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("PT1.5S");
    }

    @ParameterizedTest
    @ValueSource(strings = {"30s", "15m", "2h", "1d", "90d", "90s"})
    void formatRoundTrips(String text) {
        assertThat(Durations.format(Durations.parse(text))).isEqualTo(text);
    }
}
