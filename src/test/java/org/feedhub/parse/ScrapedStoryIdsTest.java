package org.feedhub.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.feedhub.normalize.Story;
import org.feedhub.normalize.StoryNormalizer;
import org.junit.jupiter.api.Test;

/**
 * A scraped page has no guids: its stories are known by their canonical link, so scraping the same
 * page again, or the page after it changed around the same stories, adds only what is really new.
 */
class ScrapedStoryIdsTest {
    private static final HtmlSelectors SEL = new HtmlSelectors("li.s", "a", "a", ".dek", "time");
    private static final String URL = "https://ledger.example/tag/lavrov";

    private static List<Story> scrape(String body, Instant now, Set<String> stripParams)
            throws ParseException {
        ParsedFeed feed =
                new FeedParser()
                        .parse(
                                ("<html><body><ul>" + body + "</ul></body></html>").getBytes(UTF_8),
                                "text/html",
                                URL,
                                SEL);
        return new StoryNormalizer(stripParams).normalize(feed, now);
    }

    private static List<String> keys(List<Story> stories) {
        return stories.stream().map(Story::itemKey).toList();
    }

    static final String V1 =
            """
            <li class=s><a href="/2018/04/12/geneva">Lavrov in Geneva</a><p class=dek>Talks ran late.</p><time>12 Apr 2018</time></li>
            <li class=s><a href="/2018/04/11/minsk">Lavrov in Minsk</a><p class=dek>A short visit.</p></li>
            """;

    /**
     * The same stories a day later: reordered, re-titled, new teasers, tracking on the links, and a
     * new story.
     */
    static final String V2 =
            """
            <li class=s><a href="https://ledger.example/2018/04/13/new?utm_source=tag">A new story</a></li>
            <li class=s><a href="/2018/04/11/minsk#comments">Lavrov in Minsk: updated</a><p class=dek>Now longer.</p></li>
            <li class=s><a href="HTTPS://LEDGER.example:443/2018/04/12/geneva?utm_medium=web&amp;ref=tag">Lavrov in Geneva</a>
              <time>yesterday</time></li>
            """;

    @Test
    void theSamePageScrapedTwiceGivesTheSameIds() throws Exception {
        List<Story> first = scrape(V1, Instant.parse("2018-04-12T10:00:00Z"), Set.of());
        List<Story> again = scrape(V1, Instant.parse("2018-04-12T10:15:00Z"), Set.of());
        assertThat(keys(again)).isEqualTo(keys(first)).doesNotHaveDuplicates().hasSize(2);
        assertThat(first).allSatisfy(s -> assertThat(s.guid()).isNull());
    }

    @Test
    void theChangedPageAddsOnlyTheNewStory() throws Exception {
        List<Story> first = scrape(V1, Instant.parse("2018-04-12T10:00:00Z"), Set.of("ref"));
        List<Story> later = scrape(V2, Instant.parse("2018-04-13T10:00:00Z"), Set.of("ref"));
        assertThat(later)
                .extracting(Story::canonicalUrl)
                .containsExactly(
                        "https://ledger.example/2018/04/13/new",
                        "https://ledger.example/2018/04/11/minsk",
                        "https://ledger.example/2018/04/12/geneva");
        assertThat(keys(later)).containsAll(keys(first));
        assertThat(keys(later)).filteredOn(k -> !keys(first).contains(k)).hasSize(1);
    }

    @Test
    void withoutTheConfiguredParameterALinkIsAnotherStory() throws Exception {
        // feedhub.normalize.strip-params is what makes ?ref=tag the same page
        List<Story> first = scrape(V1, Instant.parse("2018-04-12T10:00:00Z"), Set.of());
        List<Story> later = scrape(V2, Instant.parse("2018-04-13T10:00:00Z"), Set.of());
        assertThat(later.get(2).canonicalUrl())
                .isEqualTo("https://ledger.example/2018/04/12/geneva?ref=tag");
        assertThat(keys(first)).doesNotContain(later.get(2).itemKey());
    }
}
