package org.feedhub.publish.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestWorkersTest {
    private static final Duration NEVER = Duration.ofHours(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private RequestWorkers workers;

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        workers.shutdownNow();
        assertThat(workers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    /** Occupies a thread until the test ends, as a client that never reads would. */
    private void stuck(int n) {
        for (int i = 0; i < n; i++)
            workers.execute(
                    () -> {
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
    }

    private CountDownLatch quick() {
        CountDownLatch done = new CountDownLatch(1);
        workers.execute(done::countDown);
        return done;
    }

    private static void waitFor(java.util.function.BooleanSupplier ok) throws InterruptedException {
        for (int i = 0; i < 1000 && !ok.getAsBoolean(); i++) Thread.sleep(10);
    }

    @Test
    void twoLooksThatSeeRequestsWaitingAndNothingFinishedDoubleTheThreads() throws Exception {
        workers = new RequestWorkers("t", 2, 16, NEVER, NEVER);
        stuck(2);
        CountDownLatch third = quick();
        waitFor(() -> workers.getActiveCount() == 2);
        workers.look(0);
        workers.look(1);
        assertThat(workers.threads()).isEqualTo(2); // the first stalled look: perhaps a GC pause
        workers.look(2);
        assertThat(workers.threads()).isEqualTo(4);
        assertThat(third.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void requestsThatWaitButKeepFinishingAddNoThreads() throws Exception {
        workers = new RequestWorkers("t", 2, 16, NEVER, NEVER);
        CountDownLatch all = new CountDownLatch(400);
        for (int i = 0; i < 400; i++)
            workers.execute(
                    () -> {
                        try {
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        all.countDown();
                    });
        int looksWithAQueue = 0;
        for (int look = 0; look < 6 && !workers.getQueue().isEmpty(); look++) {
            looksWithAQueue++;
            workers.look(look);
            Thread.sleep(50);
        }
        assertThat(looksWithAQueue).isGreaterThanOrEqualTo(2);
        assertThat(workers.threads()).isEqualTo(2);
        assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void neverMoreThanTheMaximum() throws Exception {
        workers = new RequestWorkers("t", 2, 3, NEVER, NEVER);
        stuck(10);
        for (int look = 0; look < 10; look++) workers.look(look);
        assertThat(workers.threads()).isEqualTo(3);
    }

    @Test
    void theExtraThreadsGoOnceNoStallWasSeenForTheQuietTime() throws Exception {
        long second = 1_000_000_000L;
        workers = new RequestWorkers("t", 2, 16, NEVER, Duration.ofSeconds(10));
        stuck(2);
        quick();
        waitFor(() -> workers.getActiveCount() == 2);
        workers.look(0);
        workers.look(1);
        workers.look(2);
        assertThat(workers.threads()).isEqualTo(4);
        waitFor(() -> workers.getQueue().isEmpty());
        workers.look(5 * second);
        assertThat(workers.threads()).isEqualTo(4); // 5 s quiet: not yet
        workers.look(11 * second);
        assertThat(workers.threads()).isEqualTo(2);
    }

    @Test
    void theWatchdogUnsticksTheServerByItself() throws Exception {
        workers = new RequestWorkers("t", 2, 8, Duration.ofMillis(5), Duration.ofMillis(100));
        stuck(2);
        CountDownLatch third = quick();
        assertThat(third.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(workers.threads()).isGreaterThan(2);
        release.countDown();
        waitFor(() -> workers.threads() == 2);
        assertThat(workers.threads()).isEqualTo(2);
    }

    @Test
    void threadsAreNamedAfterThePool() throws Exception {
        workers = new RequestWorkers("http-worker", 2, 2, NEVER, NEVER);
        String[] name = new String[1];
        CountDownLatch done = new CountDownLatch(1);
        workers.execute(
                () -> {
                    name[0] = Thread.currentThread().getName();
                    done.countDown();
                });
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(name[0]).startsWith("http-worker-");
    }
}
