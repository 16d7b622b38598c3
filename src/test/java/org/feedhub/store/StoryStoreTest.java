package org.feedhub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.feedhub.OfflineSources;
import org.feedhub.config.SourceDef;
import org.feedhub.identify.Decision;
import org.feedhub.identify.Identification;
import org.feedhub.identify.Identified;
import org.feedhub.identify.Identifier;
import org.feedhub.normalize.Story;
import org.feedhub.pipeline.SourcePipeline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The store's write rules on a real database (H2, or PostgreSQL in CI's second run), without HTTP.
 */
@SpringBootTest(
        classes = org.feedhub.app.FeedhubApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE)
class StoryStoreTest {
    static final Instant T0 = Instant.parse("2026-01-10T12:00:00Z");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry r) {
        OfflineSources.register(r, "store", "a", "b");
    }

    @Autowired SourcePipeline pipeline;
    @Autowired Identifier identifier;
    @Autowired Retention retention;
    @Autowired SourceStore sources;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void empty() {
        jdbc.update("DELETE FROM story");
        jdbc.update("DELETE FROM tombstone");
        jdbc.update("DELETE FROM source");
        sources.sync(List.of(def("a"), def("b")), T0);
    }

    static SourceDef def(String id) {
        return OfflineSources.def(id);
    }

    static Story story(String key, String url, String title, String text, Instant published) {
        return new Story(
                key,
                key,
                url,
                url,
                title,
                null,
                published,
                published,
                "<p>" + text + "</p>",
                List.of(text),
                List.of(),
                org.feedhub.normalize.ItemKeys.sha256(title + "\n" + text),
                List.of("t"),
                text);
    }

    /** A poll of {@code source} with these items, not yet identified. */
    static FetchOutcome fetched(String source, Story... s) {
        return FetchOutcome.fetched(
                source,
                200,
                FetchOutcome.Validators.NONE,
                FetchOutcome.FeedInfo.NONE,
                new Identification(
                        Stream.of(s)
                                .map(x -> new Identified(x, Decision.NEW, 0, List.of()))
                                .toList(),
                        null),
                List.of());
    }

    /** Identifies the poll's items against the store as it is now, then stores them. */
    WriteCounts write(FetchOutcome o, Instant now) {
        return pipeline.store(identified(o), now, now.plusSeconds(900));
    }

    /** The poll with its items identified against the store as it is now, and enriched. */
    FetchOutcome identified(FetchOutcome o) {
        return o.failed()
                ? o
                : o.withItems(
                        identifier
                                .ownItems(o.sourceId(), o.stories())
                                .withWorkDone(i -> i.enriched(i.story(), List.of("all"))));
    }

    @Test
    void aPollStoredTwiceOnOneIdentificationStoresItsItemsOnce() {
        // the same source written twice, as when its claim ran out while it was polled
        FetchOutcome o =
                identified(fetched("a", story("k1", "https://x.test/1", "Title", "Text", T0)));
        assertThat(pipeline.store(o, T0, T0.plusSeconds(900)).added()).isEqualTo(1);
        WriteCounts again = pipeline.store(o, T0.plusSeconds(1), T0.plusSeconds(900));
        assertThat(again.added()).isZero();
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(storyCount()).isEqualTo(1);
    }

    @Test
    void aNewStorysRowCarriesWhatAnotherInstanceNeedsToFindItsDuplicates() {
        String title = "Maple Rail to buy Fjord Cargo";
        String text =
                "Maple Rail agreed on Tuesday to buy Fjord Cargo for $3.1 billion, creating the"
                        + " largest freight operator in northern Europe, chief executive Anna Berg said.";
        // now, not T0: an instance reads the rows published within its window of the clock
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        write(fetched("a", story("k1", "https://x.test/1", title, text, now)), now);
        // the row itself holds the sketch and traits, written with the story
        assertThat(
                        jdbc.queryForObject(
                                "SELECT COUNT(*) FROM story WHERE fingerprint IS NOT NULL"
                                        + " AND dedup_traits IS NOT NULL",
                                Integer.class))
                .isEqualTo(1);
        // an instance that starts now (or runs beside this one) finds it from the rows alone
        NearDuplicates fresh = new NearDuplicates(jdbc, org.feedhub.dedup.DedupSettings.DEFAULTS);
        assertThat(
                        fresh.find(
                                NearDuplicates.traits(title, text + " Photo: wire.", now),
                                now.plusSeconds(600)))
                .isPresent();
    }

    long storyCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM story", Long.class);
    }

    @Test
    void writingTheSameItemsTwiceAddsNothing() {
        Story s = story("k1", "https://news.test/1", "Title", "Text one.", T0);
        assertThat(write(fetched("a", s), T0)).isEqualTo(new WriteCounts(1, 0, 0, 0, 0));
        assertThat(write(fetched("a", s), T0.plusSeconds(60)))
                .isEqualTo(new WriteCounts(0, 0, 0, 1, 0));
        assertThat(storyCount()).isEqualTo(1);
    }

    @Test
    void anItemListedTwiceInOneFeedIsStoredOnce() {
        Story s = story("k1", "https://news.test/1", "Title", "Text one.", T0);
        assertThat(write(fetched("a", s, s), T0).added()).isEqualTo(1);
        assertThat(storyCount()).isEqualTo(1);
    }

    @Test
    void aStoryWhoseTextChangedInItsOwnFeedIsUpdatedNotDuplicated() {
        write(fetched("a", story("k1", "https://news.test/1", "Title", "First text.", T0)), T0);
        WriteCounts c =
                write(
                        fetched(
                                "a",
                                story("k1", "https://news.test/1", "Title", "Corrected text.", T0)),
                        T0.plusSeconds(600));
        assertThat(c.updated()).isEqualTo(1);
        assertThat(storyCount()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT text_content FROM story", String.class))
                .isEqualTo("Corrected text.");
        assertThat(
                        jdbc.queryForObject(
                                        "SELECT updated_at FROM story",
                                        java.time.OffsetDateTime.class)
                                .toInstant())
                .isEqualTo(T0.plusSeconds(600));
    }

    @Test
    void aTeaserDoesNotReplaceTheFullTextStoredBefore() {
        String full =
                "A long article text, fetched from the story's own page, with every paragraph of the story in it.";
        write(fetched("a", story("k1", "https://news.test/1", "Title", full, T0)), T0);
        WriteCounts c =
                write(
                        fetched("a", story("k1", "https://news.test/1", "Title", "Teaser.", T0)),
                        T0.plusSeconds(60));
        assertThat(c.updated()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT text_content FROM story", String.class))
                .isEqualTo(full);
        // the teaser's hash is remembered: the next pass sees the item unchanged
        assertThat(
                        write(
                                        fetched(
                                                "a",
                                                story(
                                                        "k1",
                                                        "https://news.test/1",
                                                        "Title",
                                                        "Teaser.",
                                                        T0)),
                                        T0.plusSeconds(120))
                                .unchanged())
                .isEqualTo(1);
    }

    @Test
    void theSameLinkFromTwoSourcesIsOneStoryWithTwoCarriersTheEarliestDateAndTheFullerText() {
        write(fetched("a", story("ka", "https://news.test/1", "Short", "Short text.", T0)), T0);
        WriteCounts c =
                write(
                        fetched(
                                "b",
                                story(
                                        "kb",
                                        "https://news.test/1",
                                        "Long",
                                        "A much longer text of the same story, with more detail.",
                                        T0.minusSeconds(3600))),
                        T0.plusSeconds(60));
        assertThat(c.merged()).isEqualTo(1);
        assertThat(storyCount()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM carrier", Long.class)).isEqualTo(2);
        assertThat(
                        jdbc.queryForObject(
                                        "SELECT published_at FROM story",
                                        java.time.OffsetDateTime.class)
                                .toInstant())
                .isEqualTo(T0.minusSeconds(3600));
        assertThat(jdbc.queryForObject("SELECT text_content FROM story", String.class))
                .startsWith("A much longer text");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM topic_story", Long.class))
                .isEqualTo(1);
    }

    @Test
    void aFeedThatGivesTheSameStoryANewGuidOnEveryFetchIsSwitchedToLinks() {
        write(fetched("a", story("guid-1", "https://news.test/1", "Title", "Text.", T0)), T0);
        WriteCounts again =
                write(
                        fetched("a", story("guid-2", "https://news.test/1", "Title", "Text.", T0)),
                        T0.plusSeconds(60));
        assertThat(again).isEqualTo(new WriteCounts(0, 0, 0, 1, 0));
        assertThat(storyCount()).isEqualTo(1);
        assertThat(sources.find("a").orElseThrow().guidPolicy()).isEqualTo("link");
        WriteCounts third =
                write(
                        fetched(
                                "a",
                                story(
                                        "guid-3",
                                        "https://news.test/1",
                                        "Title",
                                        "Text, corrected.",
                                        T0)),
                        T0.plusSeconds(120));
        assertThat(third.updated()).isEqualTo(1);
        assertThat(storyCount()).isEqualTo(1);
    }

    @Test
    void aFeedThatReusesOneGuidForDifferentLinksIsSwitchedToLinks() {
        WriteCounts c =
                write(
                        fetched(
                                "a",
                                story("same", "https://news.test/1", "One", "First story.", T0),
                                story("same", "https://news.test/2", "Two", "Second story.", T0)),
                        T0);
        assertThat(c.added()).isEqualTo(2);
        assertThat(storyCount()).isEqualTo(2);
        assertThat(sources.find("a").orElseThrow().guidPolicy()).isEqualTo("link");
        assertThat(sources.find("b").orElseThrow().guidPolicy()).isEqualTo("guid");
    }

    @Test
    void purgedStoriesAreTombstonedAndDoNotComeBack() {
        Story old =
                story(
                        "old",
                        "https://news.test/old",
                        "Old",
                        "Old text.",
                        T0.minus(Duration.ofDays(100)));
        Story fresh = story("new", "https://news.test/new", "New", "New text.", T0);
        write(fetched("a", old, fresh), T0.minus(Duration.ofDays(100)));
        int purged =
                retention.purge(Duration.ofDays(90), T0, 1); // batches of one: the loop must go on
        assertThat(purged).isEqualTo(1);
        assertThat(storyCount()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM topic_story", Long.class))
                .isEqualTo(1);
        WriteCounts again = write(fetched("a", old, fresh), T0.plusSeconds(60));
        assertThat(again.forgotten()).isEqualTo(1);
        assertThat(again.added()).isZero();
        assertThat(storyCount()).isEqualTo(1);
    }

    @Test
    void aFailureRecordsTheReasonAndCountsConsecutiveFailuresUntilASuccess() {
        FetchOutcome fail = FetchOutcome.failed("a", 500, "HTTP 500");
        write(fail, T0);
        write(fail, T0.plusSeconds(60));
        SourceState s = sources.find("a").orElseThrow();
        assertThat(s.failures()).isEqualTo(2);
        assertThat(sources.failures("a")).isEqualTo(2);
        assertThat(sources.failures("never-stored")).isZero();
        assertThat(s.lastError()).isEqualTo("HTTP 500");
        assertThat(s.lastStatus()).isEqualTo(500);
        write(fetched("a"), T0.plusSeconds(120));
        s = sources.find("a").orElseThrow();
        assertThat(s.failures()).isZero();
        assertThat(sources.failures("a")).isZero();
        assertThat(s.lastError()).isNull();
    }

    @Test
    void unchangedSourcesStoredTogetherRecordWhatEachOneAloneWould() {
        write(FetchOutcome.failed("a", 500, "HTTP 500"), T0);
        Instant now = T0.plusSeconds(60);
        pipeline.storeUnchanged(
                List.of(
                        FetchOutcome.notModified(
                                "a", 304, new FetchOutcome.Validators("\"e1\"", null, null, null)),
                        FetchOutcome.sameBody(
                                "b", 200, new FetchOutcome.Validators(null, null, "hash-b", null))),
                List.of(now.plusSeconds(900), now.plusSeconds(1800)),
                now);
        SourceState a = sources.find("a").orElseThrow();
        assertThat(a.failures()).isZero();
        assertThat(a.lastError()).isNull();
        assertThat(a.lastStatus()).isEqualTo(304);
        assertThat(a.etag()).isEqualTo("\"e1\"");
        assertThat(a.nextDueAt()).isEqualTo(now.plusSeconds(900));
        SourceState b = sources.find("b").orElseThrow();
        assertThat(b.lastStatus()).isEqualTo(200);
        assertThat(b.nextDueAt()).isEqualTo(now.plusSeconds(1800));
        assertThat(jdbc.queryForObject("SELECT body_hash FROM source WHERE id = 'b'", String.class))
                .isEqualTo("hash-b");
    }

    @Test
    void onlyOutcomesWithoutItemsMayBeStoredTogether() {
        assertThat(SourcePipeline.onlySourceRow(FetchOutcome.notModified("a", 304, null))).isTrue();
        assertThat(SourcePipeline.onlySourceRow(FetchOutcome.failed("a", 500, "x"))).isFalse();
        FetchOutcome withItems =
                identified(fetched("a", story("k1", "https://x.test/1", "Title", "Text", T0)));
        assertThat(SourcePipeline.onlySourceRow(identified(fetched("a")))).isTrue();
        assertThat(SourcePipeline.onlySourceRow(withItems)).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> pipeline.storeUnchanged(List.of(withItems), List.of(T0), T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(storyCount()).isZero();
    }

    @Test
    void aGoneSourceIsRetiredAndNoLongerClaimed() {
        FetchOutcome gone = FetchOutcome.gone("b", 410, "HTTP 410 Gone");
        write(gone, T0);
        assertThat(sources.find("b").orElseThrow().retiredAt()).isEqualTo(T0);
        assertThat(
                        sources.claim(
                                "me",
                                T0.plusSeconds(3600),
                                T0.plusSeconds(3700),
                                true,
                                T0.plusSeconds(3600),
                                10))
                .doesNotContain("b");
    }

    @Test
    void aClaimedSourceIsNotClaimedByAnotherInstanceUntilItsLeaseRunsOut() {
        Instant now = T0.plusSeconds(10);
        assertThat(sources.claim("one", now, now.plusSeconds(300), false, now, 10))
                .containsExactly("a", "b");
        assertThat(sources.claim("two", now, now.plusSeconds(300), false, now, 10)).isEmpty();
        Instant later = now.plusSeconds(301);
        assertThat(sources.claim("two", later, later.plusSeconds(300), false, later, 1)).hasSize(1);
    }

    @Test
    void aClaimWhoseFirstChoicesAnotherInstanceTookGoesOnToTheNextDue() {
        sources.sync(
                java.util.stream.IntStream.range(0, 6).mapToObj(i -> def("s" + i)).toList(), T0);
        Instant now = T0.plusSeconds(10);
        List<String> one = sources.claim("one", now, now.plusSeconds(300), false, now, 2);
        assertThat(one).hasSize(2);
        // "two" sees the same most-due candidates, but "one" holds them: it must take the next
        // ones, not come back empty (which ends a pass).
        List<String> two = sources.claim("two", now, now.plusSeconds(300), false, now, 2);
        assertThat(two).hasSize(2).doesNotContainAnyElementsOf(one);
    }

    @Test
    void instancesClaimingAtOnceShareTheDueSourcesWithoutOverlapOrDeadlock() throws Exception {
        sources.sync(
                java.util.stream.IntStream.range(0, 60)
                        .mapToObj(i -> def(String.format("s%02d", i)))
                        .toList(),
                T0);
        Instant now = T0.plusSeconds(10);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<String>>> claimers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String who = "instance-" + i;
                claimers.add(
                        pool.submit(
                                () -> {
                                    List<String> mine = new java.util.ArrayList<>();
                                    List<String> got;
                                    while (!(got =
                                                    sources.claim(
                                                            who,
                                                            now,
                                                            now.plusSeconds(300),
                                                            false,
                                                            now,
                                                            3))
                                            .isEmpty()) mine.addAll(got);
                                    return mine;
                                }));
            }
            List<String> all = new java.util.ArrayList<>();
            for (var c : claimers) all.addAll(c.get(60, java.util.concurrent.TimeUnit.SECONDS));
            assertThat(all).doesNotHaveDuplicates().hasSize(60); // a and b are no longer listed
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void syncAddsNewSourcesRestartsMovedOnesAndStopsAndResumesUnlistedOnes() {
        write(FetchOutcome.failed("a", 500, "HTTP 500"), T0);
        jdbc.update("UPDATE source SET etag = 'e1' WHERE id = 'a'");
        SourceDef moved =
                new SourceDef(
                        "a",
                        "https://a.test/new-feed",
                        null,
                        Duration.ofMinutes(15),
                        List.of(),
                        null);
        Instant later = T0.plusSeconds(600);
        sources.sync(List.of(moved, def("c")), later);

        SourceState a = sources.find("a").orElseThrow();
        assertThat(a.url()).isEqualTo("https://a.test/new-feed");
        assertThat(a.etag()).isNull();
        assertThat(a.failures()).isZero();
        assertThat(a.nextDueAt()).isEqualTo(later);
        assertThat(sources.find("c").orElseThrow().active()).isTrue();
        assertThat(sources.find("c").orElseThrow().nextDueAt()).isEqualTo(later);
        assertThat(sources.find("b").orElseThrow().active()).as("no longer listed").isFalse();

        sources.sync(List.of(moved, def("b"), def("c")), later.plusSeconds(60));
        assertThat(sources.find("b").orElseThrow().active()).as("listed again").isTrue();
        assertThat(sources.find("a").orElseThrow().nextDueAt())
                .as("unchanged sources keep their state")
                .isEqualTo(later);
    }
}
