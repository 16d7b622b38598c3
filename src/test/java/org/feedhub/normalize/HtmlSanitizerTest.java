package org.feedhub.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlSanitizerTest {

    private static final String BASE = "https://site.example/news/story.html";

    private static String sanitize(String html) {
        return HtmlSanitizer.sanitize(html, BASE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\n\t "})
    void nullOrBlankGivesEmptyString(String html) {
        assertThat(HtmlSanitizer.sanitize(html, BASE)).isEmpty();
    }

    @Test
    void keepsStructureCompactly() {
        String html =
                "<h2>Head</h2>\n<p>One <em>two</em> <strong>three</strong><br>four</p>"
                        + "<ul><li>a</li></ul><ol start=\"3\"><li>b</li></ol><blockquote>q</blockquote>"
                        + "<pre><code>x = 1</code></pre><hr><dl><dt>t</dt><dd>d</dd></dl><p>H<sub>2</sub>O x<sup>2</sup>"
                        + " <b>b</b><i>i</i><u>u</u><s>s</s></p>";
        assertThat(sanitize(html))
                .isEqualTo(
                        "<h2>Head</h2>\n<p>One <em>two</em> <strong>three</strong><br>four</p>"
                                + "<ul><li>a</li></ul><ol start=\"3\"><li>b</li></ol><blockquote>q</blockquote>"
                                + "<pre><code>x = 1</code></pre><hr><dl><dt>t</dt><dd>d</dd></dl><p>H<sub>2</sub>O x<sup>2</sup>"
                                + " <b>b</b><i>i</i><u>u</u><s>s</s></p>");
    }

    @Test
    void keepsTableBasics() {
        assertThat(
                        sanitize(
                                "<table class=\"x\"><caption>C</caption><tr><th scope=\"col\">h</th></tr>"
                                        + "<tr><td colspan=\"2\" style=\"color:red\">c</td><td></td></tr></table>"))
                .isEqualTo(
                        "<table><caption>C</caption><tbody><tr><th scope=\"col\">h</th></tr>"
                                + "<tr><td colspan=\"2\">c</td><td></td></tr></tbody></table>");
    }

    @Test
    void keepsFigureWithCaption() {
        assertThat(
                        sanitize(
                                "<figure class=\"wp\"><img src=\"i.jpg\" alt=\"a\" title=\"t\" width=\"600\" height=\"400\">"
                                        + "<figcaption>Cap</figcaption></figure>"))
                .isEqualTo(
                        "<figure><img src=\"https://site.example/news/i.jpg\" alt=\"a\" title=\"t\" width=\"600\""
                                + " height=\"400\"><figcaption>Cap</figcaption></figure>");
    }

    @Test
    void dropsScriptWithItsContent() {
        assertThat(
                        sanitize(
                                "<p>Hi<script>alert('x')</script></p><script src=\"https://evil/x.js\"></script>"))
                .isEqualTo("<p>Hi</p>");
    }

    @Test
    void dropsStyleElementWithItsContent() {
        assertThat(sanitize("<style>p{color:red}</style><p>Text</p>")).isEqualTo("<p>Text</p>");
    }

    @Test
    void dropsEventHandlers() {
        assertThat(
                        sanitize(
                                "<img src=\"https://x.example/a.png\" onerror=\"alert(1)\"><p onclick=\"x()\""
                                        + " onmouseover=\"y()\">T</p>"))
                .isEqualTo("<img src=\"https://x.example/a.png\"><p>T</p>");
    }

    @Test
    void dropsStyleClassAndIdAttributes() {
        assertThat(
                        sanitize(
                                "<p style=\"background:url(javascript:alert(1))\" class=\"c\" id=\"i\">T</p>"))
                .isEqualTo("<p>T</p>");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "JaVaScRiPt:alert(1)",
                " javascript:alert(1)",
                "jav&#x09;ascript:alert(1)",
                "jav&#x0A;ascript:alert(1)",
                "&#106;avascript:alert(1)",
                "javascript&colon;alert(1)",
                "vbscript:msgbox(1)",
                "data:text/html;base64,PHNjcmlwdD4=",
                "file:///etc/passwd",
                "ftp://files.example/x"
            })
    void linksWithUnsafeProtocolsLoseTheirHrefButKeepTheirText(String href) {
        assertThat(sanitize("<p><a href=\"" + href + "\">click</a></p>")).isEqualTo("<p>click</p>");
    }

    @Test
    void httpHttpsAndMailtoLinksGetNofollowNoopener() {
        assertThat(
                        sanitize(
                                "<a href=\"https://a.example/x\" target=\"_blank\" rel=\"opener\">a</a>"
                                        + "<a href=\"http://b.example/\">b</a><a href=\"mailto:desk@site.example\">m</a>"))
                .isEqualTo(
                        "<a href=\"https://a.example/x\" rel=\"nofollow noopener\">a</a>"
                                + "<a href=\"http://b.example/\" rel=\"nofollow noopener\">b</a>"
                                + "<a href=\"mailto:desk@site.example\" rel=\"nofollow noopener\">m</a>");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            /abs/path          | https://site.example/abs/path
            other.html         | https://site.example/news/other.html
            ../up.html         | https://site.example/up.html
            //cdn.example/x    | https://cdn.example/x
            ?page=2            | https://site.example/news/story.html?page=2
            """)
    void relativeLinksBecomeAbsolute(String href, String expected) {
        assertThat(sanitize("<a href=\"" + href + "\">x</a>"))
                .isEqualTo("<a href=\"" + expected + "\" rel=\"nofollow noopener\">x</a>");
    }

    @Test
    void relativeImagesBecomeAbsolute() {
        assertThat(sanitize("<img src=\"/img/a.jpg\" alt=\"A\">"))
                .isEqualTo("<img src=\"https://site.example/img/a.jpg\" alt=\"A\">");
    }

    @Test
    void withoutBaseRelativeLinksAndImagesAreDropped() {
        assertThat(
                        HtmlSanitizer.sanitize(
                                "<p><a href=\"/rel\">r</a><img src=\"/i.jpg\"> "
                                        + "<a href=\"https://abs.example/\">a</a></p>",
                                null))
                .isEqualTo(
                        "<p>r <a href=\"https://abs.example/\" rel=\"nofollow noopener\">a</a></p>");
    }

    @Test
    void baseTagInsideTheContentDoesNotRedirectLinks() {
        assertThat(sanitize("<base href=\"https://evil.example/\"><a href=\"x\">x</a>"))
                .isEqualTo(
                        "<a href=\"https://site.example/news/x\" rel=\"nofollow noopener\">x</a>");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "data:image/png;base64,iVBORw0KGgo=",
                "javascript:alert(1)",
                "vbscript:x",
                "jav&#x09;ascript:alert(1)",
                "ftp://x.example/a.png"
            })
    void imagesWithUnsafeSourcesAreRemoved(String src) {
        assertThat(sanitize("<p>a<img src=\"" + src + "\" alt=\"x\">b</p>")).isEqualTo("<p>ab</p>");
    }

    @Test
    void dropsIframeWithItsFallbackText() {
        assertThat(
                        sanitize(
                                "<p>a</p><iframe src=\"https://video.example/embed\">Your browser</iframe>"))
                .isEqualTo("<p>a</p>");
    }

    @Test
    void dropsObjectEmbedAndApplet() {
        assertThat(
                        sanitize(
                                "<object data=\"x.swf\"><param name=\"a\" value=\"b\">Fallback</object>"
                                        + "<embed src=\"y.swf\"><applet code=\"Z\">z</applet><p>kept</p>"))
                .isEqualTo("<p>kept</p>");
    }

    @Test
    void dropsFormsAndTheirControls() {
        assertThat(
                        sanitize(
                                "<form action=\"https://evil.example/\"><label>Email</label><input name=\"e\">"
                                        + "<textarea>t</textarea><select><option>o</option></select><button>Sign up</button></form>"
                                        + "<p>after</p><input type=\"hidden\"><button onclick=\"x()\">Go</button>"))
                .isEqualTo("<p>after</p>");
    }

    @Test
    void dropsSvgAndMathWithEverythingInside() {
        assertThat(
                        sanitize(
                                "<svg onload=\"alert(1)\"><a href=\"https://x.example\">t</a><script>1</script>"
                                        + "<foreignObject><p>inner</p></foreignObject></svg><math><mi>x</mi></math><p>ok</p>"))
                .isEqualTo("<p>ok</p>");
    }

    @Test
    void dropsMetaRefreshAndLinkTags() {
        assertThat(
                        sanitize(
                                "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">"
                                        + "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\"><p>Story</p>"))
                .isEqualTo("<p>Story</p>");
    }

    @Test
    void dropsAudioVideoCanvasAndTemplates() {
        assertThat(
                        sanitize(
                                "<video src=\"v.mp4\" poster=\"p.jpg\">no video</video><audio src=\"a.mp3\">no"
                                        + " audio</audio><canvas>c</canvas><template><p>t</p></template><p>ok</p>"))
                .isEqualTo("<p>ok</p>");
    }

    @Test
    void dropsHtmlComments() {
        assertThat(sanitize("<p>a<!-- [if IE]><script>x</script><![endif] -->b</p>"))
                .isEqualTo("<p>ab</p>");
    }

    @Test
    void unknownInlineTagsAreUnwrappedKeepingText() {
        assertThat(sanitize("<p><span class=\"x\">in</span> <font color=\"red\">line</font></p>"))
                .isEqualTo("<p>in line</p>");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            width="1" height="1"
            width="0" height="0"
            width="1px" height="1px"
            width="0"
            height="0"
            width="1" height="0"
            """)
    void removesTrackingPixels(String size) {
        assertThat(
                        sanitize(
                                "<p>Story<img src=\"https://stats.example/p.gif?id=1\" "
                                        + size
                                        + "></p>"))
                .isEqualTo("<p>Story</p>");
    }

    @Test
    void removesFeedburnerPixelWithoutSize() {
        assertThat(sanitize("<p>Story</p><img src=\"http://feeds.feedburner.com/~r/Site/~4/abc\">"))
                .isEqualTo("<p>Story</p>");
    }

    @Test
    void keepsSmallButVisibleImages() {
        assertThat(sanitize("<img src=\"https://x.example/icon.png\" width=\"16\" height=\"1\">"))
                .isEqualTo("<img src=\"https://x.example/icon.png\" width=\"16\" height=\"1\">");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            data-src="/real.jpg"
            data-lazy-src="/real.jpg"
            data-original="/real.jpg"
            srcset="/real.jpg 1x, /big.jpg 2x"
            data-srcset="/real.jpg 480w, /big.jpg 800w"
            """)
    void lazyImagesWithoutSourceBecomeReal(String lazy) {
        assertThat(sanitize("<img " + lazy + " alt=\"A\">"))
                .isEqualTo("<img alt=\"A\" src=\"https://site.example/real.jpg\">");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "data:image/gif;base64,R0lGODlhAQABAAAAACw=",
                "/img/placeholder.png",
                "/wp-content/lazy-load.gif",
                "https://site.example/blank.gif",
                ""
            })
    void lazyImagesWithPlaceholderSourceBecomeReal(String placeholder) {
        assertThat(
                        sanitize(
                                "<img src=\""
                                        + placeholder
                                        + "\" data-src=\"https://cdn.example/photo.jpg\">"))
                .isEqualTo("<img src=\"https://cdn.example/photo.jpg\">");
    }

    @Test
    void realSourceIsNotReplacedByLazyAttribute() {
        assertThat(
                        sanitize(
                                "<img src=\"https://cdn.example/a.jpg\" data-src=\"https://cdn.example/b.jpg\">"))
                .isEqualTo("<img src=\"https://cdn.example/a.jpg\">");
    }

    @Test
    void srcsetUrlsMayContainCommas() {
        assertThat(
                        sanitize(
                                "<img srcset=\"https://cdn.example/w_100,h_100/a.jpg 1x, https://cdn.example/b.jpg 2x\">"))
                .isEqualTo("<img src=\"https://cdn.example/w_100,h_100/a.jpg\">");
    }

    @Test
    void noscriptCopyOfALazyImageIsNotDuplicated() {
        assertThat(sanitize("<img data-src=\"/a.jpg\"><noscript><img src=\"/a.jpg\"></noscript>"))
                .isEqualTo("<img src=\"https://site.example/a.jpg\">");
    }

    @Test
    void noscriptImageIsUsedWhenTheScriptedOneHasNoSource() {
        assertThat(
                        sanitize(
                                "<img class=\"lazy\"><noscript><img src=\"/b.jpg\" alt=\"B\"></noscript>"))
                .isEqualTo("<img src=\"https://site.example/b.jpg\" alt=\"B\">");
    }

    @Test
    void noscriptNoticeWithoutImageIsDropped() {
        assertThat(sanitize("<noscript><p>Please enable JavaScript</p></noscript><p>ok</p>"))
                .isEqualTo("<p>ok</p>");
    }

    @Test
    void imageNamesMerelyContainingPlaceholderWordsAreReal() {
        assertThat(sanitize("<img src=\"/photos/grayson-allen.jpg\" data-src=\"/other.jpg\">"))
                .isEqualTo("<img src=\"https://site.example/photos/grayson-allen.jpg\">");
    }

    @Test
    void pictureSourcesAreDroppedButItsImageStays() {
        assertThat(
                        sanitize(
                                "<picture><source srcset=\"/a.webp\" type=\"image/webp\"><img src=\"/a.jpg\"></picture>"))
                .isEqualTo("<img src=\"https://site.example/a.jpg\">");
    }

    @Test
    void divsBecomeSeparateParagraphs() {
        assertThat(sanitize("<div>One</div><div>Two</div>")).isEqualTo("<p>One</p><p>Two</p>");
    }

    @Test
    void nestedLayoutContainersAreFlattenedKeepingLooseText() {
        assertThat(
                        sanitize(
                                "<article><header><h1>T</h1></header><section class=\"body\">Lead <b>text</b>"
                                        + "<p>Para</p>tail</section></article>"))
                .isEqualTo("<h1>T</h1><p>Lead <b>text</b></p><p>Para</p><p>tail</p>");
    }

    @Test
    void emptyWrappersLeftBehindAreRemoved() {
        assertThat(
                        sanitize(
                                "<p>&nbsp;</p><p><br></p><p><a href=\"https://x.example/\">"
                                        + "<img src=\"https://t.example/p.gif\" width=\"1\" height=\"1\"></a></p><div><span> </span></div>"
                                        + "<ul><li></li></ul><p>Keep</p>"))
                .isEqualTo("<p>Keep</p>");
    }

    @Test
    void imageOnlyParagraphIsNotEmpty() {
        assertThat(sanitize("<p><img src=\"https://x.example/a.jpg\"></p>"))
                .isEqualTo("<p><img src=\"https://x.example/a.jpg\"></p>");
    }

    @Test
    void plainTextIsEscapedNotInterpreted() {
        assertThat(sanitize("AT&amp;T &lt;script&gt;alert(1)&lt;/script&gt;"))
                .isEqualTo("AT&amp;T &lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void outputIsStableWhenSanitizedAgain() {
        String once =
                sanitize(
                        "<div>One <a href=\"/x\">link</a></div><img data-src=\"/i.jpg\"><p>Two</p>");
        assertThat(HtmlSanitizer.sanitize(once, BASE)).isEqualTo(once);
    }
}
