package org.feedhub.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Inputs that made a pattern quadratic (issue 14) are processed at all, at 1 MB. The timeout is
 * only a guard against a hang (before the fix each of these ran for hours), never a speed claim.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LinearParsingTest {
    static final int MB = 1 << 20;
    final FeedParser parser = new FeedParser();

    static String rss(String itemXml) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<link>https://x.test/</link><description>d</description>"
                + itemXml
                + "</channel></rss>";
    }

    ParsedFeed parse(String xml) throws ParseException {
        return parser.parse(xml.getBytes(UTF_8), "application/rss+xml", "https://x.test/f", null);
    }

    @Test
    void aDoctypeOfBlanksWithAnUnclosedSubsetIsRefusedNotChewed() {
        String xml =
                "<?xml version=\"1.0\"?><!DOCTYPE rss"
                        + " ".repeat(MB)
                        + "[<!ENTITY a \"b\">"
                        + rss("<item><title>x</title></item>").substring(21);
        assertThatThrownBy(() -> parse(xml)).isInstanceOf(ParseException.class);
    }

    @Test
    void aDoctypeOfBlanksThatClosesIsRemoved() throws Exception {
        String xml =
                "<?xml version=\"1.0\"?><!DOCTYPE rss"
                        + " ".repeat(MB)
                        + "[ ]"
                        + " ".repeat(MB)
                        + ">"
                        + rss("<item><title>kept</title></item>").substring(21);
        assertThat(parse(xml).items()).extracting(ParsedItem::title).containsExactly("kept");
    }

    @Test
    void removeDoctypeCases() {
        assertThat(
                        XmlCleaner.removeDoctype(
                                "<!DOCTYPE rss PUBLIC \"-//Netscape\" \"x.dtd\"><rss/>"))
                .isEqualTo("<rss/>");
        assertThat(XmlCleaner.removeDoctype("<!doctype r [<!ENTITY e \"x\">]  ><r/>"))
                .isEqualTo("<r/>");
        assertThat(XmlCleaner.removeDoctype("<?xml version=\"1.0\"?>\n<!DOCTYPE r>\n<r/>"))
                .isEqualTo("<?xml version=\"1.0\"?>\n\n<r/>");
        assertThat(XmlCleaner.removeDoctype("<r/>")).isEqualTo("<r/>");
        assertThat(XmlCleaner.removeDoctype("<!DOCTYPE r [ <r/>")).isEqualTo("<!DOCTYPE r [ <r/>");
        assertThat(XmlCleaner.removeDoctype("<!DOCTYPE r [ ] x>")).isEqualTo("<!DOCTYPE r [ ] x>");
        assertThat(XmlCleaner.removeDoctype("<!DOCTYPE r")).isEqualTo("<!DOCTYPE r");
    }

    @Test
    void anAuthorOfManyAtSignsParsesAndIsCut() throws Exception {
        String author = "@".repeat(160 * 1024);
        ParsedFeed f = parse(rss("<item><title>x</title><author>" + author + "</author></item>"));
        assertThat(f.items().get(0).author()).hasSize(FieldCaps.AUTHOR);
    }

    @Test
    void theEmailWithNamePatternIsLinearOnAtSigns() {
        // before the cap: the pattern alone, on a megabyte of the shapes that made it quadratic
        assertThat(XmlFeedParser.EMAIL_WITH_NAME.matcher("@".repeat(MB)).matches()).isFalse();
        assertThat(XmlFeedParser.EMAIL_WITH_NAME.matcher("a@".repeat(MB / 2)).matches()).isFalse();
        assertThat(XmlFeedParser.EMAIL_WITH_NAME.matcher("a@b " + "(".repeat(MB)).matches())
                .isFalse();
    }

    @Test
    void rssAuthorNames() {
        assertThat(XmlFeedParser.rssAuthorName("jane@x.test (Jane Roe)")).isEqualTo("Jane Roe");
        assertThat(XmlFeedParser.rssAuthorName(" jane@x.test(Jane) ")).isEqualTo("Jane");
        assertThat(XmlFeedParser.rssAuthorName("jane@x.test (Jane (Desk))"))
                .isEqualTo("Jane (Desk)");
        assertThat(XmlFeedParser.rssAuthorName("jane@x.test")).isEqualTo("jane@x.test");
        assertThat(XmlFeedParser.rssAuthorName("Jane Roe")).isEqualTo("Jane Roe");
        assertThat(XmlFeedParser.rssAuthorName("jane@x.test ( )")).isEqualTo("jane@x.test ( )");
    }

    @Test
    void overlongFieldsAreCutOrDroppedAsTheItemIsMade() {
        String longLink = "https://x.test/" + "a".repeat(MB);
        ParsedItem item =
                new ParsedItem(
                        longLink,
                        longLink,
                        "t".repeat(MB),
                        "a".repeat(MB),
                        null,
                        null,
                        "s".repeat(MB),
                        "c".repeat(MB),
                        java.util.Collections.nCopies(1000, "x".repeat(1000)),
                        List.of(),
                        longLink);
        assertThat(item.link()).isNull();
        assertThat(item.guid()).isNull();
        assertThat(item.image()).isNull();
        assertThat(item.title()).hasSize(FieldCaps.TITLE);
        assertThat(item.author()).hasSize(FieldCaps.AUTHOR);
        assertThat(item.summaryHtml()).hasSize(FieldCaps.SUMMARY);
        assertThat(item.contentHtml()).hasSize(MB); // bounded by the body cap, read linearly
        assertThat(item.categories()).hasSize(FieldCaps.CATEGORIES);
        assertThat(item.categories().get(0)).hasSize(FieldCaps.CATEGORY);
    }

    @Test
    void aMegabyteLinkIsDroppedAndTheItemKept() throws Exception {
        String link = "https://x.test/" + "a/./b/../".repeat(MB / 9);
        ParsedFeed f = parse(rss("<item><title>kept</title><link>" + link + "</link></item>"));
        assertThat(f.items()).extracting(ParsedItem::title).containsExactly("kept");
        assertThat(f.items().get(0).link()).isNull();
    }

    @Test
    void aLongDateIsNotADate() {
        assertThat(LooseDates.parse("2018-07-16 " + "1".repeat(MB))).isNull();
        assertThat(LooseDates.parse("16 July 2018 10:30")).isNotNull();
    }
}
