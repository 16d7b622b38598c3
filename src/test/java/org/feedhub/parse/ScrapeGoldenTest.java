package org.feedhub.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.feedhub.Golden;
import org.feedhub.normalize.HtmlText;
import org.feedhub.normalize.Story;
import org.feedhub.normalize.StoryNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Golden files for scraping: each folder under {@code golden/scrape/} holds a page ({@code
 * page.html}), the editor's {@code html:} block ({@code selectors.yml}), optionally the page's URL
 * ({@code url.txt}), and what feedhub must take from it ({@code expected.json}): the page title,
 * per item its title, link, canonical link (after normalizing), date and summary text, and the
 * warnings; or the one-line {@code error}; and a {@code why} for the reader. Run with {@code
 * -Dgolden.update=true} to rewrite the expected files from the actual output (keeping each why).
 */
class ScrapeGoldenTest {
    private static final String SUITE = "scrape";
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    static Stream<String> cases() {
        return Golden.folders(SUITE);
    }

    @Test
    void thereAreEnoughCasesEachWithItsReason() {
        List<String> names = cases().toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(6);
        for (String name : names) {
            assertThat(Golden.why(SUITE, name + "/expected.json")).as(name + ": why").isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scrapesThePage(String name) throws Exception {
        Path dir = Golden.root(SUITE).resolve(name);
        Map<String, Object> sel = new Yaml().load(Golden.read(SUITE, name + "/selectors.yml"));
        HtmlSelectors selectors =
                new HtmlSelectors(
                        s(sel, "item"),
                        s(sel, "title"),
                        s(sel, "link"),
                        s(sel, "summary"),
                        s(sel, "date"));
        for (String v :
                new String[] {
                    selectors.item(),
                    selectors.title(),
                    selectors.link(),
                    selectors.summary(),
                    selectors.date()
                }) {
            if (v != null) SelectorSpec.parse(v); // every golden selector is one feeds.yml accepts
        }
        String url =
                Files.exists(dir.resolve("url.txt"))
                        ? Golden.read(SUITE, name + "/url.txt").strip()
                        : "https://scrape.example/" + name + "/";
        byte[] page = Files.readAllBytes(dir.resolve("page.html"));

        ObjectNode actual = Golden.objectWithWhy(SUITE, name + "/expected.json");
        try {
            ParsedFeed feed = new FeedParser().parse(page, "text/html", url, selectors);
            List<Story> stories = new StoryNormalizer().normalize(feed, NOW);
            actual.put("title", feed.title());
            ArrayNode items = actual.putArray("items");
            for (int i = 0; i < feed.items().size(); i++)
                items.add(describe(feed.items().get(i), stories.get(i)));
            feed.warnings().forEach(actual.putArray("warnings")::add);
        } catch (ParseException refused) {
            actual.put("error", refused.getMessage());
        }
        Golden.assertJsonMatches(SUITE, name + "/expected.json", actual);
    }

    /** An item as expected.json states it: what was scraped, and its link once normalized. */
    private static ObjectNode describe(ParsedItem item, Story story) {
        ObjectNode o = Golden.object();
        o.put("title", item.title());
        o.put("link", item.link());
        o.put("canonical", story.canonicalUrl());
        o.put("date", item.published() == null ? null : item.published().toString());
        o.put("summary", item.summaryHtml() == null ? null : HtmlText.text(item.summaryHtml()));
        return o;
    }

    private static String s(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }
}
