package org.feedhub.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.feedhub.publish.SourceRow.State;
import org.feedhub.store.SourceState;
import org.junit.jupiter.api.Test;

class SourceRowTest {
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    static SourceState state(
            String id,
            String effectiveUrl,
            Instant lastFetch,
            String error,
            int failures,
            Instant nextDue,
            Instant retired,
            Instant failingSince) {
        return new SourceState(
                id,
                "https://example.org/" + id,
                effectiveUrl,
                null,
                null,
                null,
                null,
                null,
                lastFetch,
                null,
                null,
                error,
                failures,
                nextDue,
                retired,
                true,
                3,
                "guid",
                failingSince);
    }

    static SourceState ok(String id) {
        return state(id, null, NOW.minusSeconds(60), null, 0, NOW.plusSeconds(600), null, null);
    }

    @Test
    void aSourceThatWorksIsOk() {
        SourceRow r = SourceRow.of(ok("a"), NOW);
        assertThat(r.state()).isEqualTo(State.OK);
        assertThat(r.error()).isNull();
        assertThat(r.storyCount()).isEqualTo(3);
        assertThat(r.nextPoll()).isEqualTo(NOW.plusSeconds(600));
    }

    @Test
    void aFailingSourceDueLaterIsBackingOffUntilThen() {
        Instant since = NOW.minus(Duration.ofHours(3));
        SourceRow r =
                SourceRow.of(
                        state("a", null, NOW, "HTTP 404", 2, NOW.plusSeconds(900), null, since),
                        NOW);
        assertThat(r.state()).isEqualTo(State.BACKING_OFF);
        assertThat(r.since()).isEqualTo(since);
        assertThat(r.until()).isEqualTo(NOW.plusSeconds(900));
        assertThat(r.error())
                .isEqualTo("the server says there is no feed at this address (HTTP 404)");
    }

    @Test
    void aFailingSourceAlreadyDueIsFailing() {
        SourceRow r = SourceRow.of(state("a", null, NOW, "timed out", 1, NOW, null, NOW), NOW);
        assertThat(r.state()).isEqualTo(State.FAILING);
        assertThat(r.error()).isEqualTo("timed out");
    }

    @Test
    void aRetiredSourceIsRetiredAndNeverPolled() {
        SourceRow r =
                SourceRow.of(state("a", null, NOW, "HTTP 410 Gone: gone", 1, NOW, NOW, NOW), NOW);
        assertThat(r.state()).isEqualTo(State.RETIRED);
        assertThat(r.nextPoll()).isNull();
    }

    @Test
    void aSourceAtANewAddressIsMoved() {
        SourceRow r =
                SourceRow.of(
                        state("a", "https://new.example/feed", NOW, null, 0, NOW, null, null), NOW);
        assertThat(r.state()).isEqualTo(State.MOVED);
        assertThat(r.movedTo()).isEqualTo("https://new.example/feed");
    }

    @Test
    void aSourceNeverFetchedIsNew() {
        assertThat(SourceRow.of(state("a", null, null, null, 0, NOW, null, null), NOW).state())
                .isEqualTo(State.NEW);
    }

    @Test
    void problemsComeFirstTheLongestFailingFirst() {
        List<SourceRow> rows =
                SourceRow.rows(
                        List.of(
                                ok("a-ok"),
                                state("b-recent", null, NOW, "x", 1, NOW, null, NOW),
                                state(
                                        "c-old",
                                        null,
                                        NOW,
                                        "x",
                                        5,
                                        NOW,
                                        null,
                                        NOW.minus(Duration.ofDays(2))),
                                state(
                                        "d-moved",
                                        "https://x.example/",
                                        NOW,
                                        null,
                                        0,
                                        NOW,
                                        null,
                                        null),
                                state("e-retired", null, NOW, "gone", 1, NOW, NOW, NOW)),
                        NOW);
        assertThat(rows)
                .extracting(SourceRow::id)
                .containsExactly("c-old", "b-recent", "e-retired", "d-moved", "a-ok");
    }

    @Test
    void bareStatusesAreSaidInWordsOtherReasonsKept() {
        assertThat(SourceRow.inWords("HTTP 503"))
                .isEqualTo("the server is unavailable for now (HTTP 503)");
        assertThat(SourceRow.inWords("HTTP 418"))
                .isEqualTo("the server refused the request (HTTP 418)");
        assertThat(SourceRow.inWords("response larger than 10 MB"))
                .isEqualTo("response larger than 10 MB");
        assertThat(SourceRow.inWords(null)).isEqualTo("no reason was recorded");
    }

    @Test
    void relativeTimesReadLikeSpeech() {
        assertThat(PageSupport.relative(NOW.minusSeconds(10), NOW)).isEqualTo("just now");
        assertThat(PageSupport.relative(NOW.minusSeconds(60), NOW)).isEqualTo("1 minute ago");
        assertThat(PageSupport.relative(NOW.minusSeconds(3 * 3600), NOW)).isEqualTo("3 hours ago");
        assertThat(PageSupport.relative(NOW.minus(Duration.ofDays(2)), NOW))
                .isEqualTo("2 days ago");
        assertThat(PageSupport.relative(NOW.plusSeconds(300), NOW)).isEqualTo("in 5 minutes");
        assertThat(PageSupport.relative(NOW.minus(Duration.ofDays(400)), NOW))
                .as("a week or more ago: the date (RelativeTimeTest has every case)")
                .isEqualTo(RelativeTime.date(NOW.minus(Duration.ofDays(400))));
        assertThat(PageSupport.relative(null, NOW)).isEmpty();
    }
}
