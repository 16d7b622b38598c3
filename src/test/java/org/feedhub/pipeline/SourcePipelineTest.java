package org.feedhub.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.feedhub.config.FeedsConfig;
import org.feedhub.config.FeedsConfigLoader;
import org.feedhub.config.SourceDef;
import org.feedhub.enrich.Enricher;
import org.feedhub.enrich.TopicMatcher;
import org.feedhub.fetch.FetchRequest;
import org.feedhub.fetch.FetchResult;
import org.feedhub.fetch.Fetcher;
import org.feedhub.fulltext.FullTextSettings;
import org.feedhub.identify.Decision;
import org.feedhub.identify.Identified;
import org.feedhub.identify.Identifier;
import org.feedhub.identify.KnownItems;
import org.feedhub.identify.NearDuplicateMatcher;
import org.feedhub.normalize.Story;
import org.feedhub.store.FetchOutcome;
import org.feedhub.store.SourceState;
import org.junit.jupiter.api.Test;

/**
 * The spine without Spring or a database: a fake fetcher serves the feed, an in-memory store
 * answers what is known, and each identify decision is checked by what comes out of a poll.
 */
class SourcePipelineTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final SourceDef WIRE =
            new SourceDef(
                    "wire",
                    "https://wire.test/feed",
                    null,
                    Duration.ofMinutes(15),
                    List.of("world"),
                    null);
    static final FeedsConfig CONFIG =
            FeedsConfigLoader.parse(
                    """
                    sources:
                      - id: wire
                        url: https://wire.test/feed
                        tags: [world]
                    topics:
                      - id: all
                        title: All
                    """,
                    Path.of("feeds.yml"));
    static final ConfigInForce RULES =
            new ConfigInForce(CONFIG, new Enricher(CONFIG), new TopicMatcher(CONFIG));

    /** Serves one body (or status) for every URL and counts the requests. */
    static final class FakeFetcher implements Fetcher {
        String body = "";
        FetchResult.Status status = FetchResult.Status.OK;
        int requests;

        @Override
        public FetchResult fetch(FetchRequest request) {
            requests++;
            return switch (status) {
                case OK ->
                        new FetchResult(
                                status,
                                200,
                                request.url(),
                                null,
                                body.getBytes(StandardCharsets.UTF_8),
                                "application/rss+xml",
                                "\"v1\"",
                                null,
                                null,
                                null);
                case NOT_MODIFIED ->
                        new FetchResult(
                                status,
                                304,
                                request.url(),
                                null,
                                null,
                                null,
                                "\"v1\"",
                                null,
                                null,
                                null);
                case GONE ->
                        new FetchResult(
                                status,
                                410,
                                request.url(),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "HTTP 410 Gone");
                case FAILED -> FetchResult.failed(500, request.url(), "HTTP 500");
            };
        }
    }

    /** What a store would know after storing earlier polls. */
    static final class Memory implements KnownItems {
        final Map<String, Known> byKey = new HashMap<>();
        final Map<String, Known> byLink = new HashMap<>();
        final Set<String> tombstones = new HashSet<>();
        final Map<String, Long> urls = new HashMap<>();
        long nextId = 1;
        Duration stall = Duration.ZERO;

        /** Stores what a poll brought, as the store would. */
        void remember(FetchOutcome o) {
            for (Identified i : o.items().items()) {
                Story s = i.story();
                long id = i.decision() == Decision.NEW ? nextId++ : i.storyId();
                Known k = new Known(id, s.contentHash());
                byKey.put(s.itemKey(), k);
                if (s.canonicalUrl() != null) {
                    byLink.put(s.canonicalUrl(), k);
                    urls.put(s.canonicalUrl(), id);
                }
            }
        }

        @Override
        public SourceMemory carriedBy(String sourceId) {
            if (!stall.isZero()) {
                try {
                    Thread.sleep(stall.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new SourceMemory(false, Map.copyOf(byKey), Map.copyOf(byLink));
        }

        @Override
        public boolean tombstoned(String sourceId, String itemKey) {
            return tombstones.contains(itemKey);
        }

        @Override
        public Optional<Long> storyWithUrl(String canonicalUrl) {
            return Optional.ofNullable(urls.get(canonicalUrl));
        }
    }

    /** Finds a near duplicate by title only: enough to see the call made. */
    static final class TitleMatcher implements NearDuplicateMatcher {
        final Map<String, Long> byTitle = new HashMap<>();

        @Override
        public Optional<Long> find(Story story) {
            return Optional.ofNullable(byTitle.get(story.title()));
        }

        @Override
        public void remember(long storyId, Story story) {
            byTitle.put(story.title(), storyId);
        }
    }

    final FakeFetcher fetcher = new FakeFetcher();
    final Memory memory = new Memory();
    final TitleMatcher near = new TitleMatcher();

    SourcePipeline pipeline(PipelineSettings settings) {
        return new SourcePipeline(
                fetcher,
                new Identifier(memory, near),
                null,
                Clock.fixed(NOW, ZoneOffset.UTC),
                settings);
    }

    SourcePipeline pipeline() {
        return pipeline(PipelineSettings.DEFAULTS);
    }

    FetchOutcome poll(String body) {
        fetcher.body = body;
        return pipeline().poll(WIRE, null, RULES);
    }

    static String item(int n, String title, String text) {
        return item("g" + n, "https://wire.test/story/" + n, title, text, NOW.minusSeconds(n));
    }

    static String item(String guid, String link, String title, String text, Instant date) {
        return "<item><guid isPermaLink=\"false\">"
                + guid
                + "</guid><link>"
                + link
                + "</link><title>"
                + title
                + "</title><description>"
                + text
                + "</description><pubDate>"
                + DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atOffset(ZoneOffset.UTC))
                + "</pubDate></item>";
    }

    static String rss(String... items) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>"
                + "<link>https://wire.test/</link>"
                + String.join("", items)
                + "</channel></rss>";
    }

    static Identified only(FetchOutcome o, String title) {
        return o.items().items().stream()
                .filter(i -> i.story().title().equals(title))
                .findFirst()
                .orElseThrow();
    }

    static Decision decisionOf(FetchOutcome o, String title) {
        return only(o, title).decision();
    }

    @Test
    void anUnknownItemIsNewAndEnriched() {
        FetchOutcome o = poll(rss(item(1, "Talks resume", "Envoys met again in Geneva.")));
        assertThat(o.kind()).isEqualTo(FetchOutcome.Kind.FETCHED);
        Identified i = only(o, "Talks resume");
        assertThat(i.decision()).isEqualTo(Decision.NEW);
        assertThat(i.story().tags()).contains("world");
        assertThat(i.story().summary()).isNotBlank();
        assertThat(i.topics()).containsExactly("all");
    }

    @Test
    void aKnownItemWithTheSameTextIsUnchangedAndNotEnriched() {
        String body = rss(item(1, "Talks resume", "Envoys met again in Geneva."));
        memory.remember(poll(body));
        FetchOutcome again = poll(body + " ");
        Identified i = only(again, "Talks resume");
        assertThat(i.decision()).isEqualTo(Decision.UNCHANGED);
        assertThat(i.storyId()).isEqualTo(1);
        assertThat(i.story().tags()).isEmpty();
        assertThat(i.story().summary()).isNull();
        assertThat(i.topics()).isEmpty();
    }

    @Test
    void aKnownItemWithNewTextIsAnUpdateOfItsStoryAndEnriched() {
        memory.remember(poll(rss(item(1, "Talks resume", "Envoys met again in Geneva."))));
        FetchOutcome o = poll(rss(item(1, "Talks resume", "Envoys met again, and agreed.")));
        Identified i = only(o, "Talks resume");
        assertThat(i.decision()).isEqualTo(Decision.UPDATE);
        assertThat(i.storyId()).isEqualTo(1);
        assertThat(i.story().summary()).isNotBlank();
    }

    @Test
    void aPurgedItemTheFeedStillListsIsForgotten() {
        FetchOutcome first = poll(rss(item(1, "Old news", "From last year.")));
        memory.tombstones.add(first.stories().get(0).itemKey());
        FetchOutcome o = poll(rss(item(1, "Old news", "From last year.")));
        assertThat(decisionOf(o, "Old news")).isEqualTo(Decision.FORGOTTEN);
        assertThat(only(o, "Old news").story().summary()).isNull();
    }

    @Test
    void aNewItemWhoseLinkAnotherSourceStoredMergesIntoThatStory() {
        memory.urls.put("https://wire.test/story/7", 42L);
        FetchOutcome o = poll(rss(item(7, "Same story", "Carried by two sources.")));
        Identified own = only(o, "Same story");
        assertThat(own.decision()).isEqualTo(Decision.NEW);
        Identified across = new Identifier(memory, near).acrossSources(own);
        assertThat(across.decision()).isEqualTo(Decision.MERGE);
        assertThat(across.storyId()).isEqualTo(42);
    }

    @Test
    void aNewItemWithNearlyTheSameTextAsAStoredStoryMergesThroughTheMatcher() {
        near.byTitle.put("Quake hits coast", 9L);
        FetchOutcome o = poll(rss(item(3, "Quake hits coast", "A strong quake.")));
        Identified across = new Identifier(memory, near).acrossSources(only(o, "Quake hits coast"));
        assertThat(across.decision()).isEqualTo(Decision.MERGE);
        assertThat(across.storyId()).isEqualTo(9);
    }

    @Test
    void aKnownLinkUnderANewGuidIsTheSameItemAndSwitchesTheSourceToLinks() {
        memory.remember(poll(rss(item(1, "Talks resume", "Envoys met again in Geneva."))));
        FetchOutcome o =
                poll(
                        rss(
                                item(
                                        "fresh-guid",
                                        "https://wire.test/story/1",
                                        "Talks resume",
                                        "Envoys met again in Geneva.",
                                        NOW)));
        assertThat(decisionOf(o, "Talks resume")).isEqualTo(Decision.UNCHANGED);
        assertThat(o.items().identifyByLinkBecause()).contains("new guid");
    }

    @Test
    void aNotModifiedAnswerEndsThePollWithItsValidators() {
        fetcher.status = FetchResult.Status.NOT_MODIFIED;
        FetchOutcome o = pipeline().poll(WIRE, null, RULES);
        assertThat(o.kind()).isEqualTo(FetchOutcome.Kind.NOT_MODIFIED);
        assertThat(o.etag()).isEqualTo("\"v1\"");
        assertThat(o.items().items()).isEmpty();
    }

    @Test
    void theSameBytesAsLastTimeAreNotParsedAgain() {
        String body = rss(item(1, "Talks resume", "Envoys met again in Geneva."));
        FetchOutcome first = poll(body);
        SourceState state =
                new SourceState(
                        "wire",
                        WIRE.url(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        first.bodyHash(),
                        NOW,
                        NOW,
                        200,
                        null,
                        0,
                        NOW,
                        null,
                        true,
                        1,
                        "guid",
                        null);
        FetchOutcome o = pipeline().poll(WIRE, state, RULES);
        assertThat(o.kind()).isEqualTo(FetchOutcome.Kind.SAME_BODY);
        assertThat(o.items().items()).isEmpty();
    }

    @Test
    void aFailedOrGoneSourceBecomesAnOutcomeWithItsReason() {
        fetcher.status = FetchResult.Status.FAILED;
        FetchOutcome failed = pipeline().poll(WIRE, null, RULES);
        assertThat(failed.kind()).isEqualTo(FetchOutcome.Kind.FAILED);
        assertThat(failed.error()).isEqualTo("HTTP 500");
        fetcher.status = FetchResult.Status.GONE;
        assertThat(pipeline().poll(WIRE, null, RULES).kind()).isEqualTo(FetchOutcome.Kind.GONE);
    }

    @Test
    void aBodyThatIsNotAFeedFailsWithTheParsersReason() {
        FetchOutcome o = poll("<?xml version=\"1.0\"?><nothing/>");
        assertThat(o.kind()).isEqualTo(FetchOutcome.Kind.FAILED);
        assertThat(o.error()).isNotBlank();
    }

    @Test
    void aSourceStillProcessingAtItsDeadlineFailsWithOneLineAndThePollReturns() {
        memory.stall = Duration.ofSeconds(30); // identification never answers in time
        fetcher.body = rss(item(1, "Talks resume", "Envoys met again in Geneva."));
        FetchOutcome o =
                pipeline(
                                new PipelineSettings(
                                        List.of(),
                                        FullTextSettings.DEFAULTS,
                                        Duration.ofMillis(200),
                                        500))
                        .poll(WIRE, null, RULES);
        assertThat(o.kind()).isEqualTo(FetchOutcome.Kind.FAILED);
        assertThat(o.error())
                .contains("processing took longer than")
                .contains("feedhub.poll.processing-deadline")
                .doesNotContain("\n");
    }

    @Test
    void aFeedOf5000ItemsGivesTheNewest500() {
        List<String> items = new ArrayList<>();
        // listed oldest first, so taking the first 500 would be wrong
        for (int n = 5000; n >= 1; n--) items.add(item(n, "Story " + n, "Text of story " + n));
        FetchOutcome o = poll(rss(items.toArray(String[]::new)));
        assertThat(o.kind()).isEqualTo(FetchOutcome.Kind.FETCHED);
        assertThat(o.stories()).hasSize(500);
        assertThat(o.stories())
                .extracting(Story::title)
                .contains("Story 1", "Story 500")
                .doesNotContain("Story 501", "Story 5000");
        assertThat(o.warnings()).anyMatch(w -> w.contains("500 newest of 5000"));
    }

    @Test
    void aFeedUnderTheCapIsTakenWhole() {
        FetchOutcome o = poll(rss(item(1, "One", "First text."), item(2, "Two", "Second text.")));
        assertThat(o.stories()).hasSize(2);
        assertThat(o.warnings()).noneMatch(w -> w.contains("newest"));
    }
}
