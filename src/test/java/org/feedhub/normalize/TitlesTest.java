package org.feedhub.normalize;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.feedhub.parse.FeedParser;
import org.junit.jupiter.api.Test;

/** Story titles as readers see them: plain text kept whole, HTML read as HTML, none made up. */
class TitlesTest {
    static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

    static List<Story> stories(String feed) throws Exception {
        return new StoryNormalizer(List.of())
                .normalize(
                        new FeedParser()
                                .parse(
                                        feed.getBytes(UTF_8),
                                        "application/xml",
                                        "https://t.example/feed",
                                        null),
                        NOW);
    }

    static String rss(String item) {
        return "<rss version=\"2.0\"><channel><title>T</title><link>https://t.example/</link>"
                + "<description>d</description><item>"
                + item
                + "</item></channel></rss>";
    }

    @Test
    void aPlainTextRssTitleKeepsItsAngleBrackets() throws Exception {
        List<Story> s =
                stories(
                        rss(
                                "<title>Why &lt;template&gt; matters</title>"
                                        + "<link>https://t.example/a</link>"));
        assertThat(s.get(0).title()).isEqualTo("Why <template> matters");
    }

    @Test
    void anHtmlRssTitleIsReadAsHtml() throws Exception {
        List<Story> s =
                stories(
                        rss(
                                "<title>&lt;b&gt;Breaking&lt;/b&gt;: AT&amp;amp;T sold</title>"
                                        + "<link>https://t.example/b</link>"));
        assertThat(s.get(0).title()).isEqualTo("Breaking: AT&T sold");
    }

    @Test
    void anAtomTextTitleIsTextWhateverItHolds() throws Exception {
        String atom =
                "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title><id>urn:t</id>"
                        + "<updated>2026-01-01T00:00:00Z</updated><entry><id>urn:e1</id>"
                        + "<title type=\"text\">Why &lt;template&gt; &amp; &lt;b&gt; matter</title>"
                        + "<link href=\"https://t.example/c\"/><updated>2026-01-01T00:00:00Z</updated>"
                        + "</entry></feed>";
        assertThat(stories(atom).get(0).title()).isEqualTo("Why <template> & <b> matter");
    }

    @Test
    void anAtomHtmlTitleIsReadAsHtml() throws Exception {
        String atom =
                "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title><id>urn:t</id>"
                        + "<updated>2026-01-01T00:00:00Z</updated><entry><id>urn:e1</id>"
                        + "<title type=\"html\">&lt;em&gt;Big&lt;/em&gt; news</title>"
                        + "<link href=\"https://t.example/d\"/><updated>2026-01-01T00:00:00Z</updated>"
                        + "</entry></feed>";
        assertThat(stories(atom).get(0).title()).isEqualTo("Big news");
    }

    @Test
    void anAtom03Base64TitleIsDecoded() throws Exception {
        String b64 = Base64.getEncoder().encodeToString("Лавров в Женеве".getBytes(UTF_8));
        String atom =
                "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>T</title>"
                        + "<modified>2026-01-01T00:00:00Z</modified><entry><id>urn:e1</id>"
                        + "<title type=\"text/plain\" mode=\"base64\">"
                        + b64
                        + "</title><link rel=\"alternate\" type=\"text/html\" href=\"https://t.example/e\"/>"
                        + "<issued>2026-01-01T00:00:00Z</issued><modified>2026-01-01T00:00:00Z</modified>"
                        + "</entry></feed>";
        assertThat(stories(atom).get(0).title()).isEqualTo("Лавров в Женеве");
    }

    @Test
    void anItemWithOnlyALinkIsKeptWithATitleFromTheLink() throws Exception {
        List<Story> s =
                stories(rss("<link>https://www.t.example/world/lavrov-meets-safadi.html</link>"));
        assertThat(s).hasSize(1);
        assertThat(s.get(0).title()).isEqualTo("Lavrov meets safadi (t.example)");
        assertThat(s.get(0).canonicalUrl())
                .isEqualTo("https://www.t.example/world/lavrov-meets-safadi.html");
    }

    @Test
    void anItemWithNothingAtAllIsStillDropped() throws Exception {
        assertThat(stories(rss("<guid isPermaLink=\"false\">x</guid>"))).isEmpty();
    }

    @Test
    void titlesFromLinks() {
        assertThat(TitleText.fromLink("https://t.example/2026/01/10/")).isEqualTo("t.example");
        assertThat(TitleText.fromLink("https://t.example/")).isEqualTo("t.example");
        assertThat(TitleText.fromLink("https://t.example/news/peace_talks_resume"))
                .isEqualTo("Peace talks resume (t.example)");
        assertThat(TitleText.fromLink("not a link")).isEmpty();
        assertThat(TitleText.fromLink(null)).isEmpty();
    }

    @Test
    void whatCountsAsHtml() {
        assertThat(TitleText.looksLikeHtml("Why <template> matters")).isFalse();
        assertThat(TitleText.looksLikeHtml("5 < 6 and 7 > 3")).isFalse();
        assertThat(TitleText.looksLikeHtml("AT&T")).isFalse();
        assertThat(TitleText.looksLikeHtml("AT&amp;T")).isTrue();
        assertThat(TitleText.looksLikeHtml("It&#8217;s")).isTrue();
        assertThat(TitleText.looksLikeHtml("<b>Bold</b>")).isTrue();
        assertThat(TitleText.looksLikeHtml("a <br/> b")).isTrue();
        assertThat(TitleText.looksLikeHtml("<a href=x>y</a>")).isTrue();
        assertThat(TitleText.looksLikeHtml("<abbreviation>")).isFalse();
        assertThat(TitleText.of("Why <template> matters")).isEqualTo("Why <template> matters");
        assertThat(TitleText.of("<i>Italic</i> &amp; more")).isEqualTo("Italic & more");
    }

    @Test
    void aLongRunOfBracketsAndAmpersandsIsReadInOnePass() {
        String hostile = "<".repeat(200_000) + "&".repeat(200_000) + "<abbr";
        assertThat(TitleText.looksLikeHtml(hostile)).isFalse();
    }
}
