package org.feedhub.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlTextTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "<p> </p>", "<script>x()</script>", "<br><br>"})
    void nothingVisibleGivesNoParagraphs(String html) {
        assertThat(HtmlText.paragraphs(html)).isEmpty();
        assertThat(HtmlText.text(html)).isEmpty();
    }

    @Test
    void blockElementsArePargraphsInDocumentOrder() {
        assertThat(
                        HtmlText.paragraphs(
                                "<h1>Head</h1><p>One <b>bold</b> text.</p><ul><li>a</li><li>b</li></ul>"
                                        + "<blockquote>Quote</blockquote><h3>Sub</h3>"))
                .containsExactly("Head", "One bold text.", "a", "b", "Quote", "Sub");
    }

    @Test
    void inlineElementsDoNotSplit() {
        assertThat(HtmlText.paragraphs("<p>Sergei <a href=\"x\">Lav</a>rov <em>said</em>.</p>"))
                .containsExactly("Sergei Lavrov said.");
    }

    @Test
    void lineBreaksSplitParagraphs() {
        assertThat(HtmlText.paragraphs("<p>line one<br>line two<br/><br/>line three</p>"))
                .containsExactly("line one", "line two", "line three");
    }

    @Test
    void divTextAroundNestedBlocksKeepsItsOrder() {
        assertThat(
                        HtmlText.paragraphs(
                                "<div>Lead text<p>Inner</p>tail <i>end</i></div><div>Next</div>"))
                .containsExactly("Lead text", "Inner", "tail end", "Next");
    }

    @Test
    void figcaptionsAreKeptByDefault() {
        assertThat(
                        HtmlText.paragraphs(
                                "<figure><img src=\"a.jpg\"><figcaption>Caption [PPIO]</figcaption></figure>"
                                        + "<p>Story.</p>"))
                .containsExactly("Caption [PPIO]", "Story.");
    }

    @Test
    void figcaptionsCanBeDropped() {
        assertThat(
                        HtmlText.paragraphs(
                                "<figure><img src=\"a.jpg\"><figcaption>Caption <b>[PPIO]</b></figcaption>"
                                        + "</figure><p>Story.</p>",
                                true))
                .containsExactly("Story.");
    }

    @Test
    void aDroppedCaptionStillSeparatesTheTextAroundIt() {
        // a tree the sanitizer can hand over but an HTML parser would not build: a caption in a
        // span
        org.jsoup.nodes.Element body = new org.jsoup.nodes.Element("body");
        org.jsoup.nodes.Element span = body.appendElement("span").appendText("Before");
        span.appendElement("figcaption").appendText("Caption");
        span.appendText("after.");
        assertThat(HtmlText.paragraphs(body, false)).containsExactly("Before", "Caption", "after.");
        assertThat(HtmlText.paragraphs(body, true)).containsExactly("Before", "after.");
    }

    @Test
    void invisibleElementsAreSkipped() {
        assertThat(
                        HtmlText.paragraphs(
                                "<p>a</p><script>var x = 1;</script><style>p{}</style><noscript>enable JS"
                                        + "</noscript><template><p>t</p></template><p>b</p>"))
                .containsExactly("a", "b");
    }

    @Test
    void whitespaceEntitiesAndTypographyAreCleaned() {
        assertThat(
                        HtmlText.paragraphs(
                                "<p>  \u201CHello\u201D&nbsp;&nbsp;world \u2014 it\u2019s\n  fine&hellip; </p>"))
                .containsExactly("\"Hello\" world - it's fine...");
    }

    @Test
    void preformattedTextKeepsItsLines() {
        assertThat(HtmlText.paragraphs("<pre>first line\nsecond line</pre>"))
                .containsExactly("first line", "second line");
    }

    @Test
    void tableCellsAreSeparate() {
        assertThat(HtmlText.paragraphs("<table><tr><td>a</td><td>b</td></tr></table>"))
                .containsExactly("a", "b");
    }

    @Test
    void plainTextIsSplitAtLineBreaks() {
        assertThat(
                        HtmlText.paragraphs(
                                "First para.\n\nSecond para,\nthird line.\r\n \u00A0\nLast & final"))
                .containsExactly("First para.", "Second para,", "third line.", "Last & final");
    }

    @Test
    void plainTextEntitiesAreDecoded() {
        assertThat(HtmlText.paragraphs("Tom &amp; Jerry &#8212; friends"))
                .containsExactly("Tom & Jerry - friends");
    }

    @Test
    void doublyEscapedHtmlIsReadAsHtml() {
        assertThat(
                        HtmlText.paragraphs(
                                "&lt;p&gt;One&lt;/p&gt;&lt;p&gt;Two &amp;amp; three&lt;/p&gt;"))
                .containsExactly("One", "Two & three");
    }

    @Test
    void lessThanSignInPlainTextIsNotATag() {
        assertThat(HtmlText.paragraphs("3 < 5 and 7 > 2")).containsExactly("3 < 5 and 7 > 2");
    }

    @Test
    void textJoinsParagraphsWithNewlines() {
        assertThat(HtmlText.text("<p>One</p><p>Two</p>x<br>y")).isEqualTo("One\nTwo\nx\ny");
    }

    @Test
    void textKeepsFigcaptions() {
        assertThat(HtmlText.text("<figcaption>Cap</figcaption><p>Body</p>")).isEqualTo("Cap\nBody");
    }
}
