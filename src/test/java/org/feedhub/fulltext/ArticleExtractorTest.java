package org.feedhub.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleExtractorTest {

    private static final String PAGE =
            """
            <html><head><base href="https://cdn.test/base/"></head><body>
            <div class="content"><p>One paragraph that is long enough to be scored, with a comma, and a
            <a href="rel/link">relative link</a> and an image <img src="i/p.jpg" srcset="i/p.jpg 1x, i/p2.jpg 2x">.</p>
            <p>Another paragraph that is long enough to be scored, with a comma, and more words in it.</p></div>
            </body></html>
            """;

    @Test
    void urlsAreMadeAbsoluteAgainstTheBaseOfThePage() {
        Article a = ArticleExtractor.extract(PAGE, "https://site.test/story", null);
        assertThat(a.contentHtml())
                .contains(
                        "href=\"https://cdn.test/base/rel/link\"",
                        "src=\"https://cdn.test/base/i/p.jpg\"",
                        "srcset=\"https://cdn.test/base/i/p.jpg 1x, https://cdn.test/base/i/p2.jpg 2x\"");
    }

    @Test
    void aSelectorMatchingNothingFallsBackWithAWarning() {
        Article a = ArticleExtractor.extract(PAGE, "https://site.test/story", ".nothing");
        assertThat(a.contentHtml()).contains("One paragraph", "Another paragraph");
        assertThat(a.warnings())
                .containsExactly(
                        "full-text selector '.nothing' matched nothing on the page; "
                                + "the main content was guessed");
    }

    @Test
    void anInvalidSelectorFallsBackWithAWarning() {
        Article a = ArticleExtractor.extract(PAGE, "https://site.test/story", "div[");
        assertThat(a.contentHtml()).contains("One paragraph");
        assertThat(a.warnings()).singleElement().asString().contains("not valid CSS");
    }

    @Test
    void severalMatchesOfTheSelectorAreJoinedOnce() {
        String page =
                "<html><body><div class=b><p>First.</p><div class=b><p>Nested.</p></div></div>"
                        + "<div class=b><p>Second.</p></div><p>Outside.</p></body></html>";
        Article a = ArticleExtractor.extract(page, "https://site.test/", ".b");
        assertThat(a.contentHtml())
                .containsOnlyOnce("Nested.")
                .contains("First.", "Second.")
                .doesNotContain("Outside.");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "<html></html>",
                "not html at all",
                "<html><body><nav><a href=/>Home</a></nav></body></html>"
            })
    void aPageWithoutTextGivesNothing(String html) {
        Article a = ArticleExtractor.extract(html, "https://site.test/", null);
        assertThat(org.feedhub.normalize.HtmlText.text(a.contentHtml()))
                .isIn("", "not html at all");
        assertThat(a.warnings()).isEmpty();
    }

    @Test
    void brokenJsonLdIsIgnored() {
        Article a =
                ArticleExtractor.extract(
                        "<html><head><script type=application/ld+json>{broken</script>"
                                + "<meta property=og:title content=T></head><body><p>x</p></body></html>",
                        "https://site.test/",
                        null);
        assertThat(a.title()).isEqualTo("T");
    }

    @Test
    void linkDensityIsTheShareOfLinkedText() {
        org.jsoup.nodes.Element p =
                org.jsoup.Jsoup.parseBodyFragment("<p>abcd <a href=/x>efgh</a></p>")
                        .selectFirst("p");
        assertThat(ArticleExtractor.linkDensity(p)).isEqualTo(4 / 9.0);
    }
}
