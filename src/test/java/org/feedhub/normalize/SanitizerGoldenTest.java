package org.feedhub.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.feedhub.Golden;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files for the sanitizer: {@code golden/sanitize/NAME.in.html} is story HTML as a feed or a
 * page may carry it (every dangerous construct we know of, and the structure that must survive),
 * {@code NAME.out.html} what feedhub republishes, sanitized against the base {@value #BASE}.
 */
class SanitizerGoldenTest {
    static final String BASE = "https://site.example/news/story.html";

    static Stream<String> cases() {
        return Golden.stems("sanitize", ".in.html");
    }

    @Test
    void thereAreEnoughCases() throws Exception {
        assertThat(cases().count()).isGreaterThanOrEqualTo(25);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sanitizesAsExpected(String name) throws Exception {
        String in = Golden.read("sanitize", name + ".in.html");
        String out = HtmlSanitizer.sanitize(in, BASE);
        Golden.assertMatches("sanitize", name + ".out.html", out);
        assertThat(HtmlSanitizer.sanitize(out, BASE)).as(name + " sanitized again").isEqualTo(out);
        assertSafe(name, out);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anElementIsEmptyWhenItsTextIsBlankAndItHasNoImageRuleOrTable(String name)
            throws Exception {
        String in = Golden.read("sanitize", name + ".in.html");
        for (String html : List.of(in, HtmlSanitizer.sanitize(in, BASE))) {
            for (Element el : Jsoup.parseBodyFragment(html).body().getAllElements()) {
                boolean asFirstWritten =
                        el.text().replace('\u00A0', ' ').isBlank()
                                && el.select("img,hr,table").isEmpty();
                assertThat(HtmlSanitizer.isEmpty(el)).as(name + " " + el).isEqualTo(asFirstWritten);
            }
        }
    }

    /** The compiled selectors are shared: stories sanitized at once on many threads agree. */
    @Test
    void storiesSanitizedAtOnceOnManyThreadsGiveTheGoldenOutput() throws Exception {
        List<String> names = cases().toList();
        java.util.Map<String, String> in = new java.util.HashMap<>();
        java.util.Map<String, String> expected = new java.util.HashMap<>();
        for (String n : names) {
            in.put(n, Golden.read("sanitize", n + ".in.html"));
            expected.put(n, HtmlSanitizer.sanitize(in.get(n), BASE));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> wrong = new java.util.ArrayList<>();
            for (int round = 0; round < 20; round++)
                for (String n : names)
                    wrong.add(
                            pool.submit(
                                    () ->
                                            HtmlSanitizer.sanitize(in.get(n), BASE)
                                                            .equals(expected.get(n))
                                                    ? null
                                                    : n));
            for (var f : wrong) assertThat(f.get()).isNull();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whatever the expected file says, nothing executable may be in it. */
    private static void assertSafe(String name, String html) {
        for (Element el : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            assertThat(el.normalName())
                    .as(name)
                    .isNotIn(
                            "script",
                            "style",
                            "iframe",
                            "object",
                            "embed",
                            "form",
                            "input",
                            "svg",
                            "math",
                            "base",
                            "meta",
                            "link",
                            "template",
                            "frame",
                            "frameset",
                            "applet");
            el.attributes()
                    .forEach(
                            a -> {
                                assertThat(a.getKey())
                                        .as(name + " attribute")
                                        .doesNotStartWith("on")
                                        .isNotIn(
                                                "style",
                                                "srcdoc",
                                                "formaction",
                                                "xlink:href",
                                                "background");
                                if (a.getKey().equals("href")
                                        || a.getKey().equals("src")
                                        || a.getKey().equals("cite")) {
                                    assertThat(a.getValue())
                                            .as(name + " " + a.getKey())
                                            .matches("(?i)^(https?://|mailto:).*");
                                }
                            });
        }
    }
}
