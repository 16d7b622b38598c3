package org.feedhub.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.feedhub.Golden;
import org.feedhub.RandomText;
import org.junit.jupiter.api.Test;

/**
 * The normalizer reads a story's paragraphs and lead image from the sanitizer's own tree instead of
 * parsing the HTML it wrote again: that must give what the second parse gave, whatever the tree
 * (the cleaner's output is not always a tree the parser would build from its HTML), with and
 * without image captions.
 */
class HtmlTextFromTreeTest {
    static final String BASE = "https://site.example/news/story.html";

    private static void assertSameAsReparsed(String in) {
        HtmlSanitizer.Sanitized s = HtmlSanitizer.clean(in, BASE);
        assertThat(s.html()).as("html of %s", in).isEqualTo(HtmlSanitizer.sanitize(in, BASE));
        HtmlText.Paragraphs read = HtmlText.paragraphs(s);
        assertThat(read).as("%s", in).isEqualTo(HtmlText.paragraphs(s.html()));
        if (s.body() != null && HtmlText.hasTag(s.html())) {
            assertThat(read.withoutCaptions())
                    .as("without captions: %s", in)
                    .isEqualTo(HtmlText.paragraphs(s.body(), true));
            assertThat(read.withoutCaptions())
                    .as("without captions, reparsed: %s", in)
                    .isEqualTo(HtmlText.paragraphs(s.html(), true));
        } else {
            assertThat(read.withoutCaptions()).as("text: %s", in).isEqualTo(read);
        }
        if (s.body() != null) {
            assertThat(s.body().selectFirst("img[src]") == null)
                    .as("image of %s", in)
                    .isEqualTo(
                            org.jsoup.Jsoup.parseBodyFragment(s.html()).selectFirst("img[src]")
                                    == null);
        }
    }

    @Test
    void everySanitizerGoldenReadsAsItsHtmlReparsedWithAndWithoutCaptions() throws Exception {
        for (String name : SanitizerGoldenTest.cases().toList()) {
            String in = Golden.read("sanitize", name + ".in.html");
            assertSameAsReparsed(in);
            HtmlSanitizer.Sanitized s = HtmlSanitizer.clean(in, BASE);
            assertThat(HtmlText.paragraphs(s).withoutCaptions())
                    .as(name)
                    .isEqualTo(HtmlText.paragraphs(s.html(), true));
        }
    }

    @Test
    void aStorysCaptionIsAParagraphThatTheOwnTextLeavesOut() {
        HtmlSanitizer.Sanitized s =
                HtmlSanitizer.clean(
                        "<p>Text one.</p><figure><img src=\"/i.jpg\"><figcaption>Photo"
                                + " (Northwire)</figcaption></figure><p>Text two.</p>",
                        BASE);
        assertThat(HtmlText.paragraphs(s))
                .containsExactly("Text one.", "Photo (Northwire)", "Text two.");
        assertThat(HtmlText.paragraphs(s).withoutCaptions())
                .containsExactly("Text one.", "Text two.");
    }

    @Test
    void plainAndEscapedTextReadAsBefore() {
        assertSameAsReparsed("just text\nover two lines");
        assertSameAsReparsed("a &lt;p&gt; escaped twice &lt;/p&gt; b");
        assertSameAsReparsed("   ");
        assertSameAsReparsed("<p> </p>");
        assertSameAsReparsed("x < y and y > z");
    }

    @Test
    void randomFragmentsReadAsTheirHtmlReparsed() {
        String[] pieces = {
            "<p>",
            "</p>",
            "<div>",
            "</div>",
            "<br>",
            "<span>",
            "</span>",
            "<b>",
            "</b>",
            "<a href=\"/x\">",
            "<a>",
            "</a>",
            "<ul><li>",
            "</li>",
            "</ul>",
            "<table><tr><td>",
            "</td><td>",
            "</td></tr></table>",
            "<figure><img src=\"/i.jpg\"><figcaption>",
            "</figcaption></figure>",
            "<span>a<figcaption>",
            "</figcaption>b</span>",
            "<figcaption>",
            "<img src=\"data:x\">",
            "<img data-src=\"/l.png\">",
            "<pre>",
            "</pre>",
            "<blockquote>",
            "</blockquote>",
            "<h2>",
            "</h2>",
            "<script>",
            "</script>",
            "<noscript><img src=\"/n.gif\"></noscript>",
            "<style>",
            "</style>",
            "<!-- c -->",
            "<section>",
            "</section>",
            "<font>",
            "</font>",
            "<form>",
            "</form>",
            "<p style=\"display:none\">",
            "<hr>",
            "<table>",
            "</table>",
            "<tr>",
            "<td>",
            "<iframe src=\"https://v.example/\">",
            "</iframe>",
            "<center>",
            "</center>",
            "Lavrov said ",
            "text\nwith lines ",
            "&amp; ",
            "&lt;b&gt; ",
            "\u00A0",
            "  ",
            "«Нет» ",
            "e\u0301 ",
            "北京 ",
            "<",
            ">",
            "&",
            "\t"
        };
        RandomText texts = new RandomText(11, pieces);
        for (int i = 0; i < 20_000; i++) {
            assertSameAsReparsed(texts.next(30));
        }
    }
}
