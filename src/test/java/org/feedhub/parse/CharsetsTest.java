package org.feedhub.parse;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.feedhub.parse.ParseFixtures.parse;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

/** BOM, then header, then XML declaration / meta, then a UTF-8 check, then windows-1252. */
class CharsetsTest {
    private static final String RU_TITLE = "Лавров встретился с министрами";
    private static final String UNI_TITLE = "Ünïcödé “quotes” — and € sign";
    private static final Charset CP1251 = Charset.forName("windows-1251");

    @Test
    void windows1251FromTheXmlDeclarationWithoutHeaderCharset() throws Exception {
        ParsedFeed f =
                parse(
                        "rss-cp1251-declared.xml",
                        "application/rss+xml",
                        "https://vesti.example/rss");
        assertThat(f.title()).isEqualTo("Вести");
        assertThat(f.items().get(0).title()).isEqualTo(RU_TITLE);
        assertThat(f.items().get(0).summaryHtml())
                .isEqualTo("Министр иностранных дел России — в Женеве.");
    }

    @Test
    void windows1251FromTheHeaderWithoutDeclaration() throws Exception {
        ParsedFeed f =
                parse(
                        "rss-cp1251-undeclared.xml",
                        "text/xml; charset=windows-1251",
                        "https://vesti.example/rss");
        assertThat(f.title()).isEqualTo("Вести");
        assertThat(f.items().get(0).title()).isEqualTo(RU_TITLE);
    }

    @Test
    void headerCharsetIsQuotedAndCaseInsensitive() throws Exception {
        ParsedFeed f =
                parse(
                        "rss-cp1251-undeclared.xml",
                        "text/xml;Charset=\"Windows-1251\"",
                        "https://vesti.example/rss");
        assertThat(f.items().get(0).title()).isEqualTo(RU_TITLE);
    }

    @Test
    void headerCharsetWinsOverTheXmlDeclaration() throws Exception {
        byte[] utf8 =
                new String(ParseFixtures.bytes("rss-cp1251-declared.xml"), CP1251).getBytes(UTF_8);
        ParsedFeed f =
                new FeedParser()
                        .parse(
                                utf8,
                                "application/xml; charset=utf-8",
                                "https://vesti.example/rss",
                                null);
        assertThat(f.items().get(0).title()).isEqualTo(RU_TITLE);
    }

    @Test
    void utf8WithBom() throws Exception {
        ParsedFeed f = parse("rss-utf8-bom.xml", null, "https://u.example/rss");
        assertThat(f.items().get(0).title()).isEqualTo(UNI_TITLE);
        assertThat(f.items().get(0).summaryHtml()).isEqualTo("Ελληνικά και 日本語");
    }

    @Test
    void utf8WithBomAndAMatchingHeaderLosesTheBom() throws Exception {
        ParsedFeed f =
                parse(
                        "rss-utf8-bom.xml",
                        "application/rss+xml; charset=UTF-8",
                        "https://u.example/rss");
        assertThat(f.items().get(0).title()).isEqualTo(UNI_TITLE);
    }

    @Test
    void aByteOrderMarkWinsOverAWrongHeaderCharset() throws Exception {
        byte[] body =
                concat(
                        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        "<rss>Лавров café</rss>".getBytes(UTF_8));
        assertThat(Charsets.decode(body, "application/rss+xml; charset=ISO-8859-1"))
                .isEqualTo("<rss>Лавров café</rss>");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void utf16LittleEndianWithBom() throws Exception {
        ParsedFeed f = parse("rss-utf16le-bom.xml", "application/rss+xml", "https://u.example/rss");
        assertThat(f.items().get(0).title()).isEqualTo(UNI_TITLE);
        assertThat(f.items().get(0).summaryHtml()).isEqualTo("Ελληνικά και 日本語");
    }

    @Test
    void utf16BigEndianWithBom() throws Exception {
        ParsedFeed f = parse("rss-utf16be-bom.xml", null, "https://u.example/rss");
        assertThat(f.items().get(0).title()).isEqualTo(UNI_TITLE);
    }

    @Test
    void utf16WithoutBomIsRecognisedFromItsFirstBytes() throws Exception {
        // XML 1.0 appendix F: "<?" as 3C 00 3F 00 is UTF-16LE even without a byte-order mark
        ParsedFeed f = parse("rss-utf16le-nobom.xml", null, "https://u.example/rss");
        assertThat(f.items().get(0).title()).isEqualTo(UNI_TITLE);
    }

    @Test
    void utf16DeclarationOnUtf8BytesIsIgnored() throws Exception {
        // .NET's StringWriter writes encoding="utf-16" whatever the bytes: a declaration readable
        // as ASCII
        // cannot be UTF-16, so the bytes decide.
        ParsedFeed f = parse("rss-declares-utf16-is-utf8.xml", null, "https://u.example/rss");
        assertThat(f.items().get(0).title()).isEqualTo(UNI_TITLE);
    }

    @Test
    void invalidUtf8WithoutAnyLabelFallsBackToWindows1252() throws Exception {
        ParsedFeed f = parse("rss-cp1252-undeclared.xml", null, "https://cafe.example/rss");
        assertThat(f.title()).isEqualTo("Café");
        assertThat(f.items().get(0).title()).isEqualTo("Smart “quotes” cost €5");
        assertThat(f.items().get(0).summaryHtml()).isEqualTo("café");
    }

    @Test
    void validUtf8WithoutAnyLabelIsUtf8() {
        assertThat(Charsets.decode("<rss>Женева</rss>".getBytes(UTF_8), null))
                .isEqualTo("<rss>Женева</rss>");
    }

    @Test
    void latin1LabelIsReadAsWindows1252() {
        byte[] body = {'<', 'a', '>', (byte) 0x93, 'q', (byte) 0x94, '<', '/', 'a', '>'};
        assertThat(Charsets.decode(body, "text/xml; charset=ISO-8859-1")).isEqualTo("<a>“q”</a>");
    }

    @Test
    void unknownHeaderCharsetFallsThroughToTheDeclaration() {
        byte[] body =
                "<?xml version=\"1.0\" encoding=\"windows-1251\"?><a>Женева</a>".getBytes(CP1251);
        assertThat(Charsets.decode(body, "text/xml; charset=no-such-charset"))
                .endsWith("<a>Женева</a>");
    }

    @Test
    void htmlMetaCharsetIsHonoured() {
        byte[] body =
                "<html><head><meta charset=\"windows-1251\"><title>Женева</title></head></html>"
                        .getBytes(CP1251);
        assertThat(Charsets.decode(body, "text/html")).contains("<title>Женева</title>");
    }

    @Test
    void htmlHttpEquivContentTypeCharsetIsHonoured() {
        byte[] body =
                ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
                                + "<title>Женева</title></head></html>")
                        .getBytes(CP1251);
        assertThat(Charsets.decode(body, null)).contains("<title>Женева</title>");
    }

    @Test
    void emptyBodyIsEmptyText() {
        assertThat(Charsets.decode(new byte[0], null)).isEmpty();
        assertThat(Charsets.decode(new byte[0], "text/xml; charset=utf-8")).isEmpty();
    }

    @Test
    void bomOnlyBodyIsEmptyText() {
        assertThat(Charsets.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, null))
                .isEmpty();
    }

    @Test
    void latin1DeclarationIsNotTakenForUtf8() {
        byte[] body = "<?xml version='1.0' encoding='ISO-8859-1'?><a>café</a>".getBytes(ISO_8859_1);
        assertThat(Charsets.decode(body, null)).endsWith("<a>café</a>");
    }
}
