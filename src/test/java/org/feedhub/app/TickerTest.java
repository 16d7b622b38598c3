package org.feedhub.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 2, unit = TimeUnit.MINUTES) // a hang guard
class TickerTest {
    static final Duration TICK = Duration.ofMillis(5);

    @Test
    void aRunThatThrowsIsFollowedByTheNext() throws Exception {
        CountDownLatch threeRuns = new CountDownLatch(3);
        AtomicInteger runs = new AtomicInteger();
        Ticker ticker =
                Ticker.start(
                        "test-ticker",
                        TICK,
                        () -> {
                            threeRuns.countDown();
                            if (runs.incrementAndGet() == 1) throw new IllegalStateException("x");
                        });
        try {
            assertThat(threeRuns.await(60, TimeUnit.SECONDS)).as("hang guard").isTrue();
        } finally {
            ticker.stop();
        }
    }

    @Test
    void stopLetsTheRunInProgressFinishAndRunsNoMore() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicInteger runs = new AtomicInteger();
        Ticker ticker =
                Ticker.start(
                        "test-ticker",
                        TICK,
                        () -> {
                            runs.incrementAndGet();
                            started.countDown();
                            try {
                                mayFinish.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                            finished.set(true);
                        });
        assertThat(started.await(60, TimeUnit.SECONDS)).as("hang guard").isTrue();
        Thread stopper = new Thread(ticker::stop);
        stopper.start();
        while (stopper.getState() != Thread.State.TIMED_WAITING) Thread.sleep(5);
        assertThat(stopper.isAlive()).as("stop waits for the run in progress").isTrue();
        mayFinish.countDown();
        stopper.join();
        assertThat(finished).isTrue();
        assertThat(runs).hasValue(1);
    }
}
