package org.feedhub.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.feedhub.Golden;
import org.feedhub.config.FeedsConfig;
import org.feedhub.config.FeedsConfigLoader;
import org.feedhub.config.SourceDef;
import org.feedhub.normalize.HtmlText;
import org.feedhub.normalize.Story;
import org.feedhub.normalize.StoryNormalizer;
import org.feedhub.parse.ParsedFeed;
import org.feedhub.parse.ParsedItem;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Golden stories: each folder of {@code src/test/resources/golden/enrich/} holds a story as a feed
 * would carry it and, beside it, the tags and summary an editor would keep. The story goes through
 * the real normalizer and {@link Enricher} with the vocabulary of {@code golden/enrich/feeds.yml},
 * once as shipped (entity tags off) and once with {@code feedhub.tags.entities=true}.
 *
 * <ul>
 *   <li>{@code story.html}: {@code <title>} is the item's title, {@code <body>} its content;
 *       optional {@code <meta name="categories" content="a; b">} and {@code <meta name="source"
 *       content="id">}.
 *   <li>{@code story.json}: {@code title}, {@code content} (HTML or text), {@code summary} (the
 *       feed's own description), {@code categories}, {@code source} — any may be missing.
 *   <li>{@code expected.json}: {@code tags} (entity tags off), {@code entityTags} (added when on),
 *       {@code summary}, and a {@code why} for the reader (kept when {@code -Dgolden.update=true}
 *       rewrites the rest from the actual output).
 * </ul>
 */
class GoldenEnrichTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SUITE = "enrich";
    private static final Path ROOT = Golden.root(SUITE);
    private static final FeedsConfig CONFIG = FeedsConfigLoader.load(ROOT.resolve("feeds.yml"));
    private static final Enricher PLAIN = new Enricher(CONFIG);
    private static final Enricher WITH_ENTITIES = new Enricher(CONFIG, true);

    record Input(Story story, SourceDef source, String feedSummary) {}

    record Output(List<String> tags, String summary) {}

    static Stream<String> cases() {
        return Golden.folders(SUITE);
    }

    @Test
    void thereAreEnoughCasesAndEachHasAStoryAndAnExpectation() throws IOException {
        List<String> names = cases().toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(30);
        for (String name : names) {
            Path dir = ROOT.resolve(name);
            assertThat(
                            Files.exists(dir.resolve("story.html"))
                                    ^ Files.exists(dir.resolve("story.json")))
                    .as(name + ": exactly one of story.html, story.json")
                    .isTrue();
            assertThat(dir.resolve("expected.json")).as(name).exists();
            assertThat(Golden.why(SUITE, name + "/expected.json")).as(name + ": why").isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void enrichedAsAnEditorWould(String name) throws IOException {
        Input in = input(ROOT.resolve(name));
        Output plain = run(PLAIN, in);
        Output entities = run(WITH_ENTITIES, in);
        // entity tags only add to the vocabulary's tags, and change nothing else
        assertThat(entities.tags())
                .as(name + " tags with entities")
                .startsWith(array(plain.tags()));
        assertThat(entities.summary())
                .as(name + " summary with entities")
                .isEqualTo(plain.summary());
        assertThat(plain.summary().length())
                .as(name + " summary length")
                .isLessThanOrEqualTo(Summarizer.MAX_CHARS);

        ObjectNode actual = Golden.objectWithWhy(SUITE, name + "/expected.json");
        plain.tags().forEach(actual.putArray("tags")::add);
        entities.tags()
                .subList(plain.tags().size(), entities.tags().size())
                .forEach(actual.putArray("entityTags")::add);
        actual.put("summary", plain.summary());
        Golden.assertJsonMatches(SUITE, name + "/expected.json", actual);
    }

    private static String[] array(List<String> list) {
        return list.toArray(String[]::new);
    }

    private static Output run(Enricher enricher, Input in) {
        Story s = enricher.enrich(in.story(), in.source(), in.feedSummary());
        return new Output(s.tags(), s.summary());
    }

    static Input input(Path dir) throws IOException {
        String title;
        String content;
        String summary = null;
        List<String> categories = new ArrayList<>();
        String source = null;
        if (Files.exists(dir.resolve("story.html"))) {
            Document doc =
                    Jsoup.parse(
                            Files.readString(dir.resolve("story.html"), StandardCharsets.UTF_8));
            title = doc.title();
            content = doc.body().html();
            Element cats = doc.selectFirst("meta[name=categories]");
            if (cats != null) {
                for (String c : cats.attr("content").split(";")) categories.add(c);
            }
            Element src = doc.selectFirst("meta[name=source]");
            source = src == null ? null : src.attr("content");
        } else {
            JsonNode j =
                    JSON.readTree(
                            Files.readString(dir.resolve("story.json"), StandardCharsets.UTF_8));
            title = text(j, "title");
            content = text(j, "content");
            summary = text(j, "summary");
            categories.addAll(strings(j.get("categories")));
            source = text(j, "source");
        }
        SourceDef def =
                source == null ? CONFIG.sources().get(0) : CONFIG.source(source).orElseThrow();
        ParsedItem item =
                new ParsedItem(
                        "guid-" + dir.getFileName(),
                        "https://wire.example/" + dir.getFileName(),
                        title,
                        null,
                        Instant.parse("2018-07-16T12:00:00Z"),
                        null,
                        summary,
                        content,
                        categories);
        List<Story> stories =
                new StoryNormalizer()
                        .normalize(
                                new ParsedFeed(
                                        "Golden",
                                        "https://wire.example/",
                                        "https://wire.example/",
                                        List.of(item),
                                        List.of()),
                                Instant.parse("2018-07-17T00:00:00Z"));
        assertThat(stories).as(dir.getFileName().toString()).hasSize(1);
        // as the poller does: the feed's own description, as text, for the summarizer to fall back
        // on
        return new Input(stories.get(0), def, summary == null ? null : HtmlText.text(summary));
    }

    private static String text(JsonNode j, String field) {
        JsonNode n = j.get(field);
        return n == null || n.isNull() ? null : n.asString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
