package org.feedhub.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.feedhub.normalize.HtmlText;
import org.feedhub.normalize.Story;
import org.feedhub.normalize.StoryNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Golden files for scraping: each folder under {@code golden/scrape/} holds a page ({@code
 * page.html}), the editor's {@code html:} block ({@code selectors.yml}), optionally the page's URL
 * ({@code url.txt}), and what feedhub must take from it ({@code expected.json}): the page title,
 * per item its title, link, canonical link (after normalizing), date and summary text, and the
 * warnings; or the one-line {@code error}.
 */
class ScrapeGoldenTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    static Path root() throws Exception {
        return Path.of(ScrapeGoldenTest.class.getResource("/golden/scrape").toURI());
    }

    static Stream<String> cases() throws Exception {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs
                    .filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void thereAreEnoughCases() throws Exception {
        assertThat(cases().count()).isGreaterThanOrEqualTo(6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scrapesThePage(String name) throws Exception {
        Path dir = root().resolve(name);
        Map<String, Object> sel =
                new Yaml()
                        .load(
                                Files.readString(
                                        dir.resolve("selectors.yml"), StandardCharsets.UTF_8));
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
                        ? Files.readString(dir.resolve("url.txt")).strip()
                        : "https://scrape.example/" + name + "/";
        byte[] page = Files.readAllBytes(dir.resolve("page.html"));
        JsonNode expected =
                JSON.readTree(
                        Files.readString(dir.resolve("expected.json"), StandardCharsets.UTF_8));
        FeedParser parser = new FeedParser();
        if (expected.has("error")) {
            assertThatThrownBy(() -> parser.parse(page, "text/html", url, selectors))
                    .isInstanceOf(ParseException.class)
                    .hasMessage(expected.get("error").asString());
            return;
        }
        ParsedFeed feed = parser.parse(page, "text/html", url, selectors);
        List<Story> stories = new StoryNormalizer().normalize(feed, NOW);
        assertThat(feed.title()).as("page title").isEqualTo(expected.get("title").asString());
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < feed.items().size(); i++)
            actual.add(describe(feed.items().get(i), stories.get(i)));
        List<String> wanted = new ArrayList<>();
        for (JsonNode item : expected.get("items")) wanted.add(describe(item));
        assertThat(actual).as(name).containsExactlyElementsOf(wanted);
        List<String> warnings = new ArrayList<>();
        expected.get("warnings").forEach(w -> warnings.add(w.asString()));
        assertThat(feed.warnings()).as(name + " warnings").containsExactlyElementsOf(warnings);
    }

    private static String describe(ParsedItem item, Story story) {
        String summary = item.summaryHtml() == null ? null : HtmlText.text(item.summaryHtml());
        return String.join(
                " | ",
                item.title(),
                item.link(),
                String.valueOf(story.canonicalUrl()),
                String.valueOf(item.published()),
                String.valueOf(summary));
    }

    private static String describe(JsonNode item) {
        return String.join(
                " | ",
                text(item, "title"),
                text(item, "link"),
                text(item, "canonical"),
                text(item, "date") == null ? "null" : Instant.parse(text(item, "date")).toString(),
                String.valueOf(text(item, "summary")));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static String s(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }
}
