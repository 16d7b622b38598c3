package org.feedhub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PassedOverTest {
    static final Instant T0 = Instant.parse("2026-03-14T12:00:00Z");
    static final Duration KEEP = Duration.ofMinutes(10);

    @Test
    void remembersWhatItWasGivenInAnyOrder() {
        PassedOver p = new PassedOver(KEEP, 100);
        p.addAll(new long[] {42, 7, 19}, T0);
        p.addAll(new long[] {3}, T0.plusSeconds(2));
        assertThat(p.contains(7)).isTrue();
        assertThat(p.contains(19)).isTrue();
        assertThat(p.contains(42)).isTrue();
        assertThat(p.contains(3)).isTrue();
        assertThat(p.contains(8)).isFalse();
        assertThat(p.size()).isEqualTo(4);
    }

    @Test
    void keepsAnIdAtLeastKeepAndForgetsItWithinTwice() {
        PassedOver p = new PassedOver(KEEP, 100);
        p.addAll(new long[] {1}, T0);
        p.addAll(new long[] {2}, T0.plus(KEEP).minusSeconds(1));
        p.addAll(new long[] {3}, T0.plus(KEEP)); // the first generation becomes the previous one
        assertThat(p.contains(1)).isTrue();
        assertThat(p.contains(2)).isTrue();
        p.addAll(new long[] {4}, T0.plus(KEEP.multipliedBy(2)));
        assertThat(p.contains(1)).as("older than twice keep").isFalse();
        assertThat(p.contains(2)).isFalse();
        assertThat(p.contains(3)).as("kept at least keep").isTrue();
        assertThat(p.contains(4)).isTrue();
    }

    @Test
    void holdsAtMostTwoGenerationsOfTheBound() {
        PassedOver p = new PassedOver(KEEP, 10);
        for (int k = 0; k < 50; k++) p.addAll(new long[] {k}, T0.plusSeconds(k));
        assertThat(p.size()).isLessThanOrEqualTo(20);
        assertThat(p.contains(49)).as("the newest stay").isTrue();
        assertThat(p.contains(0)).isFalse();
    }

    @Test
    void anOversizedBatchKeepsItsHighestIds() {
        PassedOver p = new PassedOver(KEEP, 3);
        p.addAll(new long[] {5, 1, 9, 7, 3}, T0);
        assertThat(p.size()).isEqualTo(3);
        assertThat(p.contains(9)).isTrue();
        assertThat(p.contains(5)).isTrue();
        assertThat(p.contains(1)).isFalse();
    }

    @Test
    void nothingGivenNothingHeld() {
        PassedOver p = new PassedOver(KEEP, 10);
        p.addAll(new long[0], T0);
        assertThat(p.contains(0)).isFalse();
        assertThat(p.size()).isZero();
    }
}
