package org.feedhub.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.feedhub.identify.Decision;
import org.feedhub.identify.Identification;
import org.feedhub.identify.Identified;
import org.feedhub.normalize.Story;
import org.feedhub.store.FetchOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollingReaderTest {
    static final int CONCURRENCY = 4;
    final AtomicInteger started = new AtomicInteger();
    PollingReader reader;

    @AfterEach
    void close() {
        reader.close();
    }

    static FetchOutcome withStory(String id) {
        Instant t = Instant.parse("2026-12-01T08:00:00Z");
        Story s =
                new Story(
                        id,
                        id,
                        "https://x.test/" + id,
                        "https://x.test/" + id,
                        "Title " + id,
                        null,
                        t,
                        t,
                        "<p>Text</p>",
                        List.of("Text"),
                        List.of(),
                        org.feedhub.normalize.ItemKeys.sha256(id),
                        List.of("t"),
                        "Text");
        return FetchOutcome.fetched(
                id,
                200,
                FetchOutcome.Validators.NONE,
                FetchOutcome.FeedInfo.NONE,
                new Identification(List.of(new Identified(s, Decision.NEW, 0, List.of())), null),
                List.of());
    }

    /** A reader over {@code n} sources, each polled at once by {@code poll}. */
    PollingReader reader(int n, Function<String, FetchOutcome> poll) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) ids.add("s" + i);
        Supplier<List<String>> claims =
                new Supplier<>() {
                    int next;

                    @Override
                    public List<String> get() {
                        List<String> batch = ids.subList(next, Math.min(ids.size(), next + 3));
                        next += batch.size();
                        return List.copyOf(batch);
                    }
                };
        Set<String> polling = ConcurrentHashMap.newKeySet();
        reader =
                new PollingReader(
                        claims,
                        id -> {
                            started.incrementAndGet();
                            return poll.apply(id);
                        },
                        null,
                        "test",
                        () -> false,
                        () -> false,
                        polling,
                        CONCURRENCY);
        return reader;
    }

    /** Sources started and not yet handed back by the time the writer gets {@code handed}. */
    int heldBeyond(int handedSoFar) {
        return started.get() - handedSoFar;
    }

    @Test
    void sourcesWithStoriesCountAgainstTheConcurrencyUntilTheWriterHasThem() throws Exception {
        PollingReader r = reader(40, PollingReaderTest::withStory);
        int handed = 0;
        List<FetchOutcome> chunk;
        while ((chunk = r.read()) != null) {
            handed += chunk.size();
            // what the writer holds plus what is polling: never more than the concurrency
            assertThat(heldBeyond(handed) + chunk.size()).isLessThanOrEqualTo(CONCURRENCY);
        }
        assertThat(handed).isEqualTo(40);
    }

    @Test
    void theSlotsOfUnchangedSourcesArePolledAgainWhileTheWriterStoresThem() throws Exception {
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        // The first CONCURRENCY sources answer 304 at once; the next ones wait at the gate.
        PollingReader r =
                reader(
                        40,
                        id -> {
                            if (Integer.parseInt(id.substring(1)) >= CONCURRENCY) {
                                try {
                                    gate.await();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            }
                            return FetchOutcome.notModified(id, 304, null);
                        });
        List<FetchOutcome> first = r.read();
        // While the writer has the first chunk, its slots are already polling the next sources.
        for (int i = 0; i < 500 && started.get() < CONCURRENCY + first.size(); i++)
            Thread.sleep(10);
        assertThat(started.get()).isEqualTo(CONCURRENCY + first.size());
        gate.countDown();
        int handed = first.size();
        List<FetchOutcome> chunk;
        while ((chunk = r.read()) != null) handed += chunk.size();
        assertThat(handed).isEqualTo(40);
    }
}
