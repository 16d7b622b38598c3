package org.feedhub.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.feedhub.parse.FeedParser.Kind;
import org.junit.jupiter.api.Test;

/** The facade: the format comes from the content, never from the Content-Type. */
class FeedParserTest {
    private final FeedParser parser = new FeedParser();

    @Test
    void rssServedAsTextHtmlIsStillRss() throws Exception {
        ParsedFeed f =
                parser.parse(
                        ParseFixtures.bytes("rss20.xml"),
                        "text/html; charset=utf-8",
                        "https://wire.example/rss",
                        null);
        assertThat(f.title()).isEqualTo("Wire Desk");
        assertThat(f.items()).hasSize(3);
    }

    @Test
    void atomServedAsOctetStreamIsStillAtom() throws Exception {
        ParsedFeed f =
                parser.parse(
                        ParseFixtures.bytes("atom10.xml"),
                        "application/octet-stream",
                        "https://l.example/a",
                        null);
        assertThat(f.title()).isEqualTo("The Ledger");
        assertThat(f.items()).hasSize(2);
    }

    @Test
    void jsonFeedServedAsTextPlainIsStillJsonFeed() throws Exception {
        ParsedFeed f =
                parser.parse(
                        ParseFixtures.bytes("jsonfeed11.json"),
                        "text/plain",
                        "https://links.example/f",
                        null);
        assertThat(f.title()).isEqualTo("Linkblog");
    }

    @Test
    void htmlLoginPageIsRefusedAsAnHtmlPage() {
        assertThatThrownBy(
                        () ->
                                parser.parse(
                                        ParseFixtures.bytes("login.html"),
                                        "application/rss+xml",
                                        "https://x.example/rss",
                                        null))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("HTML page");
    }

    @Test
    void emptyBodyIsRefused() {
        assertThatThrownBy(
                        () ->
                                parser.parse(
                                        new byte[0],
                                        "application/rss+xml",
                                        "https://x.example/rss",
                                        null))
                .isInstanceOf(ParseException.class)
                .hasMessage("empty document");
    }

    @Test
    void whitespaceOnlyBodyIsRefusedAsEmpty() {
        assertThatThrownBy(
                        () ->
                                parser.parse(
                                        " \n\t ".getBytes(UTF_8),
                                        null,
                                        "https://x.example/rss",
                                        null))
                .isInstanceOf(ParseException.class)
                .hasMessage("empty document");
    }

    @Test
    void binaryGarbageIsRefused() {
        assertThatThrownBy(
                        () ->
                                parser.parse(
                                        ParseFixtures.bytes("garbage.bin"),
                                        "application/rss+xml",
                                        "https://x.example/rss",
                                        null))
                .isInstanceOf(ParseException.class)
                .hasMessage("neither a feed nor a web page");
    }

    @Test
    void xmlThatIsNotAFeedIsRefusedWithRomesReason() {
        assertThatThrownBy(
                        () ->
                                parser.parse(
                                        "<note><to>Tove</to></note>".getBytes(UTF_8),
                                        "text/xml",
                                        "https://x.example/n",
                                        null))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("not a feed Rome can read");
    }

    @Test
    void truncatedFeedIsRefused() {
        byte[] full = ParseFixtures.bytes("rss20.xml");
        byte[] half = java.util.Arrays.copyOf(full, full.length / 2);
        assertThatThrownBy(
                        () ->
                                parser.parse(
                                        half, "application/rss+xml", "https://x.example/rss", null))
                .isInstanceOf(ParseException.class);
    }

    @Test
    void detectRecognisesEachKind() {
        assertThat(FeedParser.detect("<?xml version=\"1.0\"?><rss version=\"2.0\"></rss>"))
                .isEqualTo(Kind.XML_FEED);
        assertThat(FeedParser.detect("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>"))
                .isEqualTo(Kind.XML_FEED);
        assertThat(FeedParser.detect("<rdf:RDF xmlns:rdf=\"x\"></rdf:RDF>"))
                .isEqualTo(Kind.XML_FEED);
        assertThat(FeedParser.detect("  \n{\"version\": \"https://jsonfeed.org/version/1\"}"))
                .isEqualTo(Kind.JSON_FEED);
        assertThat(FeedParser.detect("<!DOCTYPE html><html><head></head></html>"))
                .isEqualTo(Kind.HTML);
        assertThat(FeedParser.detect("<HTML><BODY>old</BODY></HTML>")).isEqualTo(Kind.HTML);
        assertThat(FeedParser.detect("")).isEqualTo(Kind.UNKNOWN);
        assertThat(FeedParser.detect("hello")).isEqualTo(Kind.UNKNOWN);
    }

    @Test
    void detectTakesXhtmlWithAnXmlDeclarationForHtml() {
        String xhtml =
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
                        + "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>"
                        + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed\"/></head><body></body></html>";
        assertThat(FeedParser.detect(xhtml)).isEqualTo(Kind.HTML);
    }

    @Test
    void detectTakesAFeedWithAStylesheetForAFeed() {
        assertThat(
                        FeedParser.detect(
                                "<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"/rss.xsl\"?>\n"
                                        + "<rss version=\"2.0\"><channel><description><![CDATA[<html><body>x</body></html>]]></description></channel></rss>"))
                .isEqualTo(Kind.XML_FEED);
    }

    @Test
    void discoverFeedOfAFeedIsNull() {
        assertThat(
                        parser.discoverFeed(
                                ParseFixtures.bytes("rss20.xml"),
                                "text/html",
                                "https://wire.example/"))
                .isNull();
    }
}
