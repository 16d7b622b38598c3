package org.feedhub.normalize;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Locale;

/**
 * Fuzz tests of the normalize stage. A plain build replays the inputs under {@code
 * NormalizeFuzzTestInputs/METHOD/} (seeds, and each case fuzzing found); {@code JAZZER_FUZZ=1} with
 * {@code -Dtest=NormalizeFuzzTest#METHOD} fuzzes that one test. Inputs are raw bytes read as UTF-8,
 * so that a case is a readable file.
 */
class NormalizeFuzzTest {

    /** Whatever the HTML, the result has no script, event handler or javascript: link. */
    @FuzzTest(maxDuration = "30s")
    void sanitizer(byte[] input) {
        String html = new String(input, UTF_8);
        String clean = HtmlSanitizer.sanitize(html, "https://x.test/a/");
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(clean);
        assertThat(doc.select("script, style, iframe, object, embed, form")).isEmpty();
        for (org.jsoup.nodes.Element el : doc.getAllElements()) {
            for (org.jsoup.nodes.Attribute a : el.attributes()) {
                assertThat(a.getKey()).doesNotStartWith("on");
                assertThat(a.getValue().strip().toLowerCase(Locale.ROOT))
                        .doesNotStartWith("javascript:");
            }
        }
    }

    /** Paragraphs are never blank and never carry a line break. */
    @FuzzTest(maxDuration = "30s")
    void htmlText(byte[] input) {
        String html = new String(input, UTF_8);
        List<String> paragraphs = HtmlText.paragraphs(html);
        for (String p : paragraphs) {
            assertThat(p).isNotBlank().doesNotContain("\n");
        }
    }

    /**
     * A canonical URL is http(s), and canonical: canonicalizing it again changes nothing. The input
     * is "BASE\nURL" (no line break: no base).
     */
    @FuzzTest(maxDuration = "30s")
    void canonicalUrl(byte[] input) {
        String text = new String(input, UTF_8);
        int nl = text.indexOf('\n');
        String base = nl < 0 ? null : text.substring(0, nl);
        String url = nl < 0 ? text : text.substring(nl + 1);
        String canonical = CanonicalUrl.canonicalize(url, base);
        if (canonical == null) return;
        assertThat(canonical).matches("https?://.*");
        assertThat(CanonicalUrl.canonicalize(canonical, null)).isEqualTo(canonical);
    }
}
