package org.feedhub.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * RFC 4287 section 2 / XML Base: URLs inside entry content resolve against the xml:base in force
 * there.
 */
class XmlBaseTest {
    private final FeedParser parser = new FeedParser();

    private ParsedFeed parse(String xml) throws ParseException {
        return parser.parse(
                xml.getBytes(UTF_8),
                "application/atom+xml",
                "https://feed.example/feeds/all.atom",
                null);
    }

    private static String atom(String feedBase, String entryBase, String contentBase) {
        return "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'"
                + attr(feedBase)
                + "><title>t</title>"
                + "<id>x</id><updated>2018-01-01T00:00:00Z</updated><entry"
                + attr(entryBase)
                + "><id>1</id><title>e</title>"
                + "<updated>2018-01-01T00:00:00Z</updated><link href='one.html'/>"
                + "<summary type='html'>&lt;a href=\"s.html\"&gt;s&lt;/a&gt;</summary>"
                + "<content type='html'"
                + attr(contentBase)
                + ">&lt;p&gt;&lt;a href=\"rel.html\"&gt;x&lt;/a&gt; "
                + "&lt;img src=\"/i.png\"&gt; &lt;a href=\"#n\"&gt;n&lt;/a&gt; &lt;a href=\"mailto:a@b.example\"&gt;m&lt;/a&gt;"
                + "&lt;/p&gt;</content></entry></feed>";
    }

    private static String attr(String base) {
        return base == null ? "" : " xml:base='" + base + "'";
    }

    @Test
    void contentUrlsResolveAgainstTheContentsOwnBase() throws Exception {
        ParsedItem i =
                parse(atom("https://base.example/blog/", "posts/", "https://content.example/dir/"))
                        .items()
                        .get(0);
        assertThat(i.link()).isEqualTo("https://base.example/blog/posts/one.html");
        assertThat(i.contentHtml())
                .contains(
                        "href=\"https://content.example/dir/rel.html\"",
                        "src=\"https://content.example/i.png\"",
                        "href=\"#n\"",
                        "href=\"mailto:a@b.example\"");
        assertThat(i.summaryHtml()).contains("href=\"https://base.example/blog/posts/s.html\"");
    }

    @Test
    void nestedBasesResolveAgainstEachOther() throws Exception {
        ParsedItem i =
                parse(atom("https://base.example/blog/", "posts/2018/", null)).items().get(0);
        assertThat(i.contentHtml())
                .contains("href=\"https://base.example/blog/posts/2018/rel.html\"");
    }

    @Test
    void aFeedLevelBaseRelativeToTheDocumentApplies() throws Exception {
        ParsedItem i = parse(atom("/site/", null, null)).items().get(0);
        assertThat(i.contentHtml()).contains("href=\"https://feed.example/site/rel.html\"");
    }

    @Test
    void withoutXmlBaseContentIsLeftForTheNormalizer() throws Exception {
        ParsedItem i = parse(atom(null, null, null)).items().get(0);
        assertThat(i.contentHtml())
                .contains("href=\"rel.html\""); // resolved later against the item's link
    }

    @Test
    void onlySomeEntriesWithABase() throws Exception {
        String xml =
                "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>t</title><id>x</id>"
                        + "<updated>2018-01-01T00:00:00Z</updated>"
                        + "<entry><id>1</id><title>a</title><updated>2018-01-01T00:00:00Z</updated>"
                        + "<content type='html'>&lt;a href=\"a.html\"&gt;a&lt;/a&gt;</content></entry>"
                        + "<entry xml:base='https://other.example/x/'><id>2</id><title>b</title><updated>2018-01-01T00:00:00Z</updated>"
                        + "<content type='html'>&lt;a href=\"b.html\"&gt;b&lt;/a&gt;</content></entry></feed>";
        ParsedFeed f = parse(xml);
        assertThat(f.items().get(0).contentHtml()).contains("href=\"a.html\"");
        assertThat(f.items().get(1).contentHtml())
                .contains("href=\"https://other.example/x/b.html\"");
    }
}
