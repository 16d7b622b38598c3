package org.feedhub.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.feedhub.parse.FieldCaps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Inputs that made a normalize step quadratic (issue 14) are processed at all, at 1 MB. The timeout
 * only guards against a hang; it is not a speed claim.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LinearNormalizeTest {
    static final int MB = 1 << 20;

    @Test
    void plainTextFullOfUnclosedTagStartsIsReadAsText() {
        String text = "<a".repeat(MB / 2);
        assertThat(HtmlText.hasTag(text)).isFalse();
        assertThat(HtmlText.paragraphs(text)).containsExactly(text);
    }

    @Test
    void hasTagCases() {
        assertThat(HtmlText.hasTag("<p>x</p>")).isTrue();
        assertThat(HtmlText.hasTag("a < / b>")).isTrue();
        assertThat(HtmlText.hasTag("x <!-- c")).isTrue();
        assertThat(HtmlText.hasTag("<a x <a y")).isFalse();
        assertThat(HtmlText.hasTag("1 < 2 > 0")).isFalse();
        assertThat(HtmlText.hasTag("<a never closed, then <!-- a comment")).isTrue();
        assertThat(HtmlText.hasTag("no tags")).isFalse();
    }

    @Test
    void aLongSrcIsNotAPlaceholderAndIsReadOnce() {
        String src = "https://x.test/" + "blank-".repeat(MB / 6) + "/photo.jpg";
        assertThat(HtmlSanitizer.isPlaceholder(src)).isFalse();
        assertThat(HtmlSanitizer.isPlaceholder("https://x.test/a/" + "blank-".repeat(MB / 6)))
                .isTrue();
    }

    @Test
    void placeholderCases() {
        assertThat(HtmlSanitizer.isPlaceholder("https://x.test/img/blank.gif")).isTrue();
        assertThat(HtmlSanitizer.isPlaceholder("/lazy-placeholder.png")).isTrue();
        assertThat(HtmlSanitizer.isPlaceholder("https://x.test/placeholder/real.jpg")).isFalse();
        assertThat(HtmlSanitizer.isPlaceholder("https://x.test/blanket.jpg")).isFalse();
        assertThat(HtmlSanitizer.isPlaceholder("data:image/gif;base64,R0l")).isTrue();
        assertThat(HtmlSanitizer.isPlaceholder("")).isTrue();
    }

    @Test
    void anImageWithAnOverlongSrcIsDroppedAndTheTextKept() {
        String src = "https://x.test/" + "blank-".repeat(MB / 6) + "/photo.jpg";
        String html =
                HtmlSanitizer.sanitize(
                        "<p>Text</p><img src=\"" + src + "\"><img src=\"https://x.test/p.jpg\">",
                        "https://x.test/");
        assertThat(html).contains("<p>Text</p>").contains("https://x.test/p.jpg");
        assertThat(html.length()).isLessThan(FieldCaps.SRC);
    }

    @Test
    void aMegabyteOfDotSegmentsResolves() {
        int n = MB / 10;
        String path = "/x/./y/..".repeat(n) + "/end";
        String expected = "/x".repeat(n) + "/end";
        assertSame(expected, CanonicalUrl.removeDotSegments(path));
        assertSame(
                "https://x.test" + expected,
                CanonicalUrl.canonicalize("https://x.test" + path, null));
        assertSame("/x", CanonicalUrl.removeDotSegments("/..".repeat(MB / 3) + "/x"));
    }

    /** Equality without printing a megabyte when it fails. */
    private static void assertSame(String expected, String actual) {
        assertThat(expected.equals(actual))
                .as(
                        "expected %d chars, got %s",
                        expected.length(),
                        actual == null
                                ? "null"
                                : actual.length()
                                        + " chars starting "
                                        + actual.substring(0, Math.min(80, actual.length())))
                .isTrue();
    }

    @Test
    void dotSegmentCasesOfRfc3986() {
        assertThat(CanonicalUrl.removeDotSegments("/a/b/c/./../../g")).isEqualTo("/a/g");
        assertThat(CanonicalUrl.removeDotSegments("mid/content=5/../6")).isEqualTo("mid/6");
        assertThat(CanonicalUrl.removeDotSegments("/a/..")).isEqualTo("/");
        assertThat(CanonicalUrl.removeDotSegments("/a/.")).isEqualTo("/a/");
        assertThat(CanonicalUrl.removeDotSegments("../x")).isEqualTo("x");
        assertThat(CanonicalUrl.removeDotSegments(".")).isEqualTo("");
        assertThat(CanonicalUrl.removeDotSegments("/a/b.c/..d")).isEqualTo("/a/b.c/..d");
    }
}
