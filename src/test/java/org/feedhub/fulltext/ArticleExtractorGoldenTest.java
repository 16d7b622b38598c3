package org.feedhub.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.feedhub.Golden;
import org.feedhub.normalize.HtmlSanitizer;
import org.feedhub.normalize.HtmlText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * Golden files for full-text extraction: each folder under {@code golden/fulltext/} holds an
 * article page ({@code page.html}), the text a reader should get from it ({@code expected.txt}, one
 * paragraph per line, as the story will carry it: extracted, sanitized, split into paragraphs), and
 * optionally the page's URL ({@code url.txt}), the editor's selector ({@code selector.txt}), the
 * images the story keeps ({@code expected-images.txt}) and the metadata the page states about
 * itself ({@code expected-meta.json}).
 */
class ArticleExtractorGoldenTest {
    static Path root() {
        return Golden.root("fulltext");
    }

    static Stream<String> cases() {
        return Golden.folders("fulltext");
    }

    @Test
    void thereAreEnoughCases() throws Exception {
        assertThat(cases().count()).isGreaterThanOrEqualTo(10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void extractsTheArticleText(String name) throws Exception {
        Path dir = root().resolve(name);
        String url =
                optional(dir.resolve("url.txt"), "https://news.example/" + name + "/article.html");
        String selector = optional(dir.resolve("selector.txt"), null);
        Article a = ArticleExtractor.extract(read(dir.resolve("page.html")), url, selector);
        String html = HtmlSanitizer.sanitize(a.contentHtml(), url);
        String text = String.join("\n", HtmlText.paragraphs(html));
        Golden.assertMatches("fulltext", name + "/expected.txt", text);
        if (Files.exists(dir.resolve("expected-images.txt"))) {
            Golden.assertMatches(
                    "fulltext",
                    name + "/expected-images.txt",
                    String.join(
                            "\n",
                            org.jsoup.Jsoup.parseBodyFragment(html).select("img").eachAttr("src")));
        }
        assertThat(a.warnings()).as(name + " warnings").isEmpty();
        if (Files.exists(dir.resolve("expected-meta.json"))) {
            ObjectNode meta = Golden.object();
            meta.put("title", a.title());
            meta.put("description", a.description());
            meta.put("canonicalUrl", a.canonicalUrl());
            meta.put("published", a.published() == null ? null : a.published().toString());
            meta.put("author", a.author());
            Golden.assertJsonMatches("fulltext", name + "/expected-meta.json", meta);
        }
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private static String optional(Path p, String fallback) throws IOException {
        return Files.exists(p) ? read(p).strip() : fallback;
    }
}
