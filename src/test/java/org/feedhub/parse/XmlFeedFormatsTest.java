package org.feedhub.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.feedhub.parse.ParseFixtures.at;
import static org.feedhub.parse.ParseFixtures.parse;

import org.junit.jupiter.api.Test;

/** Every RSS and Atom version, one fixture each, item by item. */
class XmlFeedFormatsTest {

    @Test
    void rss090() throws Exception {
        ParsedFeed f =
                parse("rss090.xml", "application/rss+xml", "http://www.mozilla.org/news.rdf");
        assertThat(f.title()).isEqualTo("Mozilla Dot Org");
        assertThat(f.siteLink()).isEqualTo("http://www.mozilla.org");
        assertThat(f.baseUrl()).isEqualTo("http://www.mozilla.org/news.rdf");
        assertThat(f.items()).hasSize(2);
        ParsedItem first = f.items().get(0);
        assertThat(first.title()).isEqualTo("New Status Updates");
        assertThat(first.link()).isEqualTo("http://www.mozilla.org/status/");
        assertThat(first.author()).isNull();
        assertThat(first.published()).isNull();
        assertThat(first.updated()).isNull();
        assertThat(first.summaryHtml()).isNull();
        assertThat(first.contentHtml()).isNull();
        assertThat(first.categories()).isEmpty();
        ParsedItem second = f.items().get(1);
        assertThat(second.title()).isEqualTo("Bugzilla Reorganized");
        assertThat(second.link()).isEqualTo("http://www.mozilla.org/bugs/");
    }

    @Test
    void rss091NetscapeWithItsDoctypeParsesWithoutFetchingTheDtd() throws Exception {
        // The DTD URL is a dead host; a parser that tried to resolve it would hang or fail.
        ParsedFeed f = parse("rss091-netscape.xml", null, "http://writetheweb.com/rss");
        assertThat(f.title()).isEqualTo("WriteTheWeb");
        assertThat(f.siteLink()).isEqualTo("http://writetheweb.com");
        assertThat(f.items()).hasSize(2);
        ParsedItem first = f.items().get(0);
        assertThat(first.title()).isEqualTo("Giving the world a pluggable Gnutella");
        assertThat(first.link()).isEqualTo("http://writetheweb.com/read.php?item=24");
        assertThat(first.summaryHtml())
                .isEqualTo(
                        "WorldOS is a framework on which to build programs that work like Freenet or Gnutella, déjà vu.");
        assertThat(first.contentHtml()).isNull();
        assertThat(first.published()).isNull();
        assertThat(first.author()).isNull();
        assertThat(first.categories()).isEmpty();
    }

    @Test
    void rss091NetscapeEntitiesFromTheStrippedDtdStillDecode() throws Exception {
        ParsedFeed f = parse("rss091-netscape.xml", null, "http://writetheweb.com/rss");
        ParsedItem second = f.items().get(1);
        assertThat(second.title()).isEqualTo("Café society, résumés & more");
        assertThat(second.summaryHtml()).contains("café", "naïve", "© 2000");
    }

    @Test
    void rss091NetscapeLatin1DeclarationIsHonoured() throws Exception {
        // raw ISO-8859-1 bytes (é = E9, à = E0), labelled only by the XML declaration
        ParsedFeed f =
                parse("rss091-netscape.xml", "application/rss+xml", "http://writetheweb.com/rss");
        assertThat(f.items().get(0).summaryHtml()).endsWith("Gnutella, déjà vu.");
    }

    @Test
    void rss091Userland() throws Exception {
        ParsedFeed f = parse("rss091-userland.xml", "text/xml", "http://www.scripting.com/rss.xml");
        assertThat(f.title()).isEqualTo("Scripting News");
        assertThat(f.siteLink()).isEqualTo("http://www.scripting.com/");
        assertThat(f.items()).hasSize(2);
        ParsedItem first = f.items().get(0);
        assertThat(first.title()).isEqualTo("stuff");
        assertThat(first.link()).isEqualTo("http://bar");
        assertThat(first.summaryHtml()).isEqualTo("This is an article about some stuff");
        assertThat(first.contentHtml()).isNull();
        assertThat(first.author()).isNull();
        assertThat(first.published()).isNull();
        ParsedItem second = f.items().get(1);
        assertThat(second.title()).isEqualTo("Second story");
        assertThat(second.link()).isEqualTo("http://www.scripting.com/2000/07/03.html");
        assertThat(second.summaryHtml()).isEqualTo("<b>Bold</b> words in an escaped description.");
    }

    @Test
    void rss092() throws Exception {
        ParsedFeed f =
                parse("rss092.xml", "application/rss+xml", "http://www.scripting.com/gd.xml");
        assertThat(f.title()).isEqualTo("Dave Winer: Grateful Dead");
        assertThat(f.items()).hasSize(2);
        ParsedItem first = f.items().get(0);
        assertThat(first.title()).isEqualTo("Truckin'");
        assertThat(first.link()).isEqualTo("http://www.scripting.com/mp3s/truckin.html");
        assertThat(first.summaryHtml()).isEqualTo("It's been a long strange trip.");
        assertThat(first.contentHtml()).isNull();
        assertThat(first.categories()).containsExactly("Grateful Dead");
        assertThat(first.author()).isNull();
        assertThat(first.published()).isNull();
        ParsedItem second = f.items().get(1);
        assertThat(second.title()).isNull();
        assertThat(second.link()).isNull();
        assertThat(second.summaryHtml())
                .isEqualTo("An item with no title and no link, as 0.92 allows.");
    }

    @Test
    void rss10RdfWithDublinCore() throws Exception {
        ParsedFeed f =
                parse("rss10.xml", "application/rdf+xml", "http://meerkat.oreillynet.com/rss10");
        assertThat(f.title()).isEqualTo("Meerkat");
        assertThat(f.siteLink()).isEqualTo("http://meerkat.oreillynet.com");
        assertThat(f.items()).hasSize(2);
        ParsedItem first = f.items().get(0);
        assertThat(first.guid()).isEqualTo("http://c.moreover.com/click/here.pl?r123");
        assertThat(first.title()).isEqualTo("XML: A Disruptive Technology");
        assertThat(first.link()).isEqualTo("http://c.moreover.com/click/here.pl?r123");
        assertThat(first.author()).isEqualTo("Simon St.Laurent");
        assertThat(first.published()).isEqualTo(at("2000-01-01T12:00:00Z"));
        assertThat(first.categories()).containsExactly("XML");
        assertThat(first.summaryHtml())
                .isEqualTo(
                        "XML is placing <em>increasingly</em> heavy loads on the existing technical infrastructure.");
        assertThat(first.contentHtml()).isNull();
        ParsedItem second = f.items().get(1);
        assertThat(second.guid()).isEqualTo("http://meerkat.oreillynet.com/two");
        assertThat(second.author()).isEqualTo("Rael Dornfest");
        assertThat(second.published()).isEqualTo(at("2000-01-02T13:30:00Z"));
        assertThat(second.summaryHtml()).isNull();
        assertThat(second.categories()).isEmpty();
    }

    @Test
    void rss20ContentEncodedIsPreferredOverDescription() throws Exception {
        ParsedFeed f =
                parse(
                        "rss20.xml",
                        "application/rss+xml; charset=utf-8",
                        "https://wire.example/world.rss");
        assertThat(f.title()).isEqualTo("Wire Desk");
        assertThat(f.siteLink()).isEqualTo("https://wire.example/");
        assertThat(f.items()).hasSize(3);
        ParsedItem first = f.items().get(0);
        assertThat(first.guid()).isEqualTo("wire-1001");
        assertThat(first.title()).isEqualTo("Ministers meet in Geneva");
        assertThat(first.link()).isEqualTo("https://wire.example/2018/04/geneva");
        assertThat(first.author())
                .isEqualTo("Anna Reporter"); // "desk@wire.example (Anna Reporter)"
        assertThat(first.published()).isEqualTo(at("2018-04-12T20:00:00Z"));
        assertThat(first.contentHtml()).isEqualTo("<p>The <b>full</b> story.</p>");
        assertThat(first.summaryHtml()).isEqualTo("Short teaser.");
        assertThat(first.categories()).containsExactly("World", "Diplomacy");
    }

    @Test
    void rss20FeedburnerOrigLinkIsPreferredAsLink() throws Exception {
        ParsedItem second =
                parse("rss20.xml", null, "https://wire.example/world.rss").items().get(1);
        assertThat(second.guid()).isEqualTo("wire-1002");
        assertThat(second.link()).isEqualTo("https://wire.example/2018/04/tracked");
        assertThat(second.author()).isEqualTo("Boris Writer");
        assertThat(second.published()).isEqualTo(at("2018-04-13T06:15:00Z"));
        assertThat(second.summaryHtml()).isEqualTo("Only a description here.");
        assertThat(second.contentHtml()).isNull();
        assertThat(second.categories()).isEmpty();
    }

    @Test
    void rss20PermalinkGuidServesAsLink() throws Exception {
        ParsedItem third =
                parse("rss20.xml", null, "https://wire.example/world.rss").items().get(2);
        assertThat(third.guid()).isEqualTo("https://wire.example/2018/04/permalink");
        assertThat(third.link()).isEqualTo("https://wire.example/2018/04/permalink");
        assertThat(third.published()).isEqualTo(at("2018-04-14T00:00:00Z"));
        assertThat(third.author()).isNull();
    }

    @Test
    void atom03() throws Exception {
        ParsedFeed f =
                parse("atom03.xml", "application/atom+xml", "http://diveintomark.org/atom.xml");
        assertThat(f.title()).isEqualTo("dive into mark");
        assertThat(f.siteLink()).isEqualTo("http://diveintomark.org/");
        assertThat(f.items()).hasSize(2);
        ParsedItem first = f.items().get(0);
        assertThat(first.guid()).isEqualTo("tag:diveintomark.org,2003:3.2397");
        assertThat(first.title()).isEqualTo("Atom 0.3 snapshot");
        assertThat(first.link()).isEqualTo("http://diveintomark.org/2003/12/13/atom03");
        assertThat(first.author()).isEqualTo("Mark Pilgrim"); // the feed's author, inherited
        assertThat(first.published()).isEqualTo(at("2003-12-13T12:29:29Z"));
        assertThat(first.updated()).isEqualTo(at("2003-12-13T18:30:02Z"));
        assertThat(first.contentHtml()).isEqualTo("<p>The full <em>content</em>.</p>");
        assertThat(first.summaryHtml()).isEqualTo("A short summary.");
        ParsedItem second = f.items().get(1);
        assertThat(second.guid()).isEqualTo("tag:diveintomark.org,2003:3.2396");
        assertThat(second.author()).isEqualTo("Guest Author");
        assertThat(second.published()).isEqualTo(at("2003-12-12T10:00:00Z"));
        assertThat(second.updated()).isEqualTo(at("2003-12-12T11:00:00Z"));
        assertThat(second.contentHtml()).isNull();
        assertThat(second.summaryHtml()).isEqualTo("Summary only.");
    }

    @Test
    void atom10ContentOverSummaryAndXmlBaseResolved() throws Exception {
        ParsedFeed f =
                parse(
                        "atom10.xml",
                        "application/atom+xml",
                        "https://ledger.example/blog/feed.atom");
        assertThat(f.title()).isEqualTo("The Ledger");
        assertThat(f.siteLink()).isEqualTo("https://ledger.example/");
        assertThat(f.items()).hasSize(2);
        ParsedItem first = f.items().get(0);
        assertThat(first.guid()).isEqualTo("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
        assertThat(first.title()).isEqualTo("Relative link resolved");
        assertThat(first.link()).isEqualTo("https://ledger.example/blog/2018/04/relative");
        assertThat(first.author()).isEqualTo("Carla Columnist");
        assertThat(first.published()).isEqualTo(at("2018-04-12T20:00:00Z"));
        assertThat(first.updated()).isEqualTo(at("2018-04-13T07:00:00Z"));
        assertThat(first.contentHtml()).isEqualTo("<p>The <strong>content</strong>.</p>");
        assertThat(first.summaryHtml()).isEqualTo("The summary.");
        assertThat(first.categories()).containsExactly("Politics", "Europe");
    }

    @Test
    void atom10EntryXmlBaseAndPlainTextSummaryEscaped() throws Exception {
        ParsedItem second =
                parse("atom10.xml", null, "https://ledger.example/blog/feed.atom").items().get(1);
        assertThat(second.guid()).isEqualTo("tag:ledger.example,2018:2");
        assertThat(second.title()).isEqualTo("Entry-level base");
        assertThat(second.link()).isEqualTo("https://ledger.example/archive/old-story");
        assertThat(second.author()).isNull();
        assertThat(second.updated()).isEqualTo(at("2018-04-11T10:00:00Z"));
        assertThat(second.contentHtml()).isNull();
        // type="text": the literal "<text>" must stay text once the value is treated as HTML
        assertThat(second.summaryHtml())
                .isEqualTo("Plain &lt;text&gt; summary &amp; nothing more.");
    }

    /**
     * What a link finally points at: resolved against the base URL the parser reports, as normalize
     * does.
     */
    private static String resolved(ParsedFeed f, ParsedItem i) {
        return java.net.URI.create(f.baseUrl()).resolve(i.link()).toString();
    }

    @Test
    void atom10WithoutXmlBaseResolvesAgainstTheDocumentUrl() throws Exception {
        ParsedFeed f =
                parse(
                        "atom10-no-base.xml",
                        "application/atom+xml",
                        "https://x.example/feeds/all.atom");
        assertThat(f.siteLink()).isEqualTo("https://www.x.example/home/");
        assertThat(resolved(f, f.items().get(0))).isEqualTo("https://x.example/posts/1");
        assertThat(resolved(f, f.items().get(1))).isEqualTo("https://x.example/feeds/posts/2");
    }

    @Test
    void atom10EntryAuthorWinsOverTheInheritedFeedAuthor() throws Exception {
        ParsedFeed f = parse("atom10-no-base.xml", null, "https://x.example/feeds/all.atom");
        assertThat(f.items())
                .extracting(ParsedItem::author)
                .containsExactly("Feed Author", "Own Author");
    }

    @Test
    void atom10XhtmlContentIsKeptAsMarkup() throws Exception {
        ParsedItem first =
                parse("atom10-no-base.xml", null, "https://x.example/feeds/all.atom")
                        .items()
                        .get(0);
        assertThat(first.contentHtml())
                .contains("<p>Some <em>xhtml</em>.</p>")
                .doesNotContain("&lt;");
        assertThat(first.summaryHtml()).isNull();
    }
}
