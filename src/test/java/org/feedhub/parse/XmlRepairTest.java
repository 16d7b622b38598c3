package org.feedhub.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.feedhub.parse.ParseFixtures.parse;

import org.junit.jupiter.api.Test;

/** What breaks feeds in the wild and is repaired as feed readers do. */
class XmlRepairTest {

    @Test
    void bareAmpersandsInTitlesAndLinks() throws Exception {
        ParsedFeed f = parse("bare-ampersand.xml", null, "https://tj.example/rss");
        assertThat(f.title()).isEqualTo("Tom & Jerry News");
        assertThat(f.siteLink()).isEqualTo("https://tj.example/?a=1&b=2");
        ParsedItem first = f.items().get(0);
        assertThat(first.title()).isEqualTo("AT&T & Verizon merge; R&D cut");
        assertThat(first.link()).isEqualTo("https://tj.example/story?id=7&utm_source=rss");
        assertThat(first.guid()).isEqualTo("tj-7");
    }

    @Test
    void properlyEscapedEntitiesNextToBareAmpersandsAreNotDoubled() throws Exception {
        ParsedItem first =
                parse("bare-ampersand.xml", null, "https://tj.example/rss").items().get(0);
        assertThat(first.summaryHtml()).isEqualTo("Fish & chips & peas, 5 < 6");
    }

    @Test
    void ampersandsInsideCdataAreLeftAlone() throws Exception {
        ParsedFeed f = parse("bare-ampersand.xml", null, "https://tj.example/rss");
        assertThat(f.items().get(0).categories()).containsExactly("News & Politics");
        ParsedItem second = f.items().get(1);
        assertThat(second.title()).isEqualTo("Q&A: <b>markup</b> & more");
        assertThat(second.summaryHtml())
                .isEqualTo("<a href=\"https://tj.example/x?a=1&b=2\">link</a> & text");
    }

    @Test
    void charactersXmlForbidsAreDropped() throws Exception {
        ParsedFeed f = parse("control-chars.xml", null, "https://cc.example/rss");
        assertThat(f.title()).isEqualTo("Control chars");
        ParsedItem first = f.items().get(0);
        assertThat(first.title()).isEqualTo("Verticaltab and unit null");
        assertThat(first.summaryHtml()).isEqualTo("Formfeed, escape[0m, nonchar  and  end");
    }

    @Test
    void characterReferencesToForbiddenCharactersAreDropped() throws Exception {
        ParsedItem second =
                parse("control-chars.xml", null, "https://cc.example/rss").items().get(1);
        assertThat(second.title()).isEqualTo("Char refs one two A");
    }

    @Test
    void namedHtmlEntitiesAreDecoded() throws Exception {
        ParsedFeed f = parse("html-entities.xml", null, "https://ent.example/rss");
        assertThat(f.title()).isEqualTo("Entities\u00a0Daily");
        ParsedItem first = f.items().get(0);
        assertThat(first.title()).isEqualTo("Café — “quoted” & it’s…");
        assertThat(first.summaryHtml()).isEqualTo("Price\u00a0€5 © <b>");
    }

    @Test
    void anUnknownEntityDoesNotSinkTheWholeFeed() throws Exception {
        ParsedFeed f = parse("html-entities.xml", null, "https://ent.example/rss");
        assertThat(f.items()).hasSize(2);
        assertThat(f.items().get(1).title()).isEqualTo("Unknown &bogus; entity stays text");
    }

    @Test
    void cleanerKeepsSurrogatePairs() {
        assertThat(XmlCleaner.clean("<a>emoji \uD83D\uDE00</a>"))
                .isEqualTo("<a>emoji \uD83D\uDE00</a>");
    }

    @Test
    void cleanerStripsLeadingWhitespaceBeforeTheDeclaration() {
        assertThat(XmlCleaner.clean("\n\n  <?xml version=\"1.0\"?><rss/>"))
                .isEqualTo("<?xml version=\"1.0\"?><rss/>");
    }

    @Test
    void cleanerRemovesDoctypeWithInternalSubset() {
        assertThat(
                        XmlCleaner.clean(
                                "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"b\">]>\n<rss/>"))
                .isEqualTo("<?xml version=\"1.0\"?>\n\n<rss/>");
    }

    @Test
    void cleanerDropsReferencesToSurrogatesAndBeyondUnicode() {
        assertThat(XmlCleaner.clean("<a>x&#xD800;y&#1114112;z&#x10FFFF;</a>"))
                .isEqualTo("<a>xyz&#x10FFFF;</a>");
    }

    @Test
    void cleanerTurnsHtmlEntitiesIntoNumericReferences() {
        assertThat(XmlCleaner.clean("<a>&nbsp;&Eacute;&hellip;</a>"))
                .isEqualTo("<a>&#160;&#201;&#8230;</a>");
    }

    @Test
    void cleanerKeepsTheFiveXmlEntities() {
        assertThat(XmlCleaner.clean("<a t=\"&quot;\">&amp;&lt;&gt;&apos;</a>"))
                .isEqualTo("<a t=\"&quot;\">&amp;&lt;&gt;&apos;</a>");
    }

    @Test
    void cleanerEscapesBareAmpersandsInAttributes() {
        assertThat(XmlCleaner.clean("<link href=\"https://x.example/?a=1&b=2\"/>"))
                .isEqualTo("<link href=\"https://x.example/?a=1&amp;b=2\"/>");
    }

    @Test
    void cleanerLeavesCommentsAndProcessingInstructionsAlone() {
        String xml = "<?xml-stylesheet href=\"a.xsl?x=1&y=2\"?><!-- Q&A --><a>Q&A</a>";
        assertThat(XmlCleaner.clean(xml))
                .isEqualTo("<?xml-stylesheet href=\"a.xsl?x=1&y=2\"?><!-- Q&A --><a>Q&amp;A</a>");
    }

    @Test
    void cleanerLeavesAnUnterminatedCdataAsItIs() {
        assertThat(XmlCleaner.clean("<a><![CDATA[x & y</a>")).isEqualTo("<a><![CDATA[x & y</a>");
    }

    @Test
    void cleanerDoesNotTouchADocumentWithoutAmpersands() {
        String xml = "<rss><channel><title>t</title></channel></rss>";
        assertThat(XmlCleaner.clean(xml)).isSameAs(xml);
    }
}
