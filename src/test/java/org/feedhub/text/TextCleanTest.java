package org.feedhub.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.feedhub.RandomText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TextCleanTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("entities", "Tom &amp; Jerry", "Tom & Jerry"),
                Arguments.of("numeric entities", "it&#8217;s &#x201C;ok&#x201D;", "it's \"ok\""),
                Arguments.of("decodes one level only", "AT&amp;amp;T", "AT&amp;T"),
                Arguments.of("bare ampersand", "R&D and Q&A", "R&D and Q&A"),
                Arguments.of("curly double quotes", "\u201CYes\u201D", "\"Yes\""),
                Arguments.of("low-9 double quote", "\u201EJa\u201C", "\"Ja\""),
                Arguments.of("guillemets", "\u00ABНет\u00BB", "\"Нет\""),
                Arguments.of("single quotes", "\u2018a\u2019 \u201Ab\u2019", "'a' 'b'"),
                Arguments.of("apostrophe", "Iran\u2019s", "Iran's"),
                Arguments.of("en dash", "2018\u20132019", "2018-2019"),
                Arguments.of("em dash", "staged \u2014 Lavrov", "staged - Lavrov"),
                Arguments.of("horizontal bar and minus", "a\u2015b \u22125", "a-b -5"),
                Arguments.of("ellipsis", "wait\u2026", "wait..."),
                Arguments.of("nbsp", "a\u00A0b", "a b"),
                Arguments.of("narrow nbsp and figure space", "10\u202F000\u2007km", "10 000 km"),
                Arguments.of("zero-width space", "Lav\u200Brov", "Lavrov"),
                Arguments.of("zero-width joiners", "a\u200C\u200Db", "ab"),
                Arguments.of("word joiner and BOM", "\uFEFFa\u2060b", "ab"),
                Arguments.of("soft hyphen", "inter\u00ADnational", "international"),
                Arguments.of("bidi marks", "\u200Eabc\u200F", "abc"),
                Arguments.of("control characters", "a\u0000b\u0007c", "abc"),
                Arguments.of("collapse whitespace", "  a \t\n b\r\n  c  ", "a b c"),
                Arguments.of("line and paragraph separators", "a\u2028b\u2029c", "a b c"),
                Arguments.of("ideographic space", "a\u3000b", "a b"),
                Arguments.of("NFKC ligature", "\uFB01nal", "final"),
                Arguments.of("NFKC fullwidth", "\uFF21\uFF22\uFF23", "ABC"),
                Arguments.of("NFC composition", "e\u0301", "\u00E9"),
                Arguments.of("cyrillic untouched", "Сергей Лавров", "Сергей Лавров"),
                Arguments.of("emoji kept", "ok \uD83D\uDC4D", "ok \uD83D\uDC4D"),
                Arguments.of("lone surrogate removed", "a\uD800b", "ab"),
                Arguments.of("nbsp entity only", "&nbsp;", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void cleans(String name, String in, String expected) {
        assertThat(TextClean.clean(in)).isEqualTo(expected);
    }

    @Test
    void nullAndEmptyGiveEmpty() {
        assertThat(TextClean.clean(null)).isEmpty();
        assertThat(TextClean.clean("")).isEmpty();
    }

    /**
     * The cleaning as first written (entities, NFKC, then every code point through the Unicode
     * lookups): the shortcuts taken since (plain ASCII, text already in NFKC) must not change a
     * result.
     */
    private static String asFirstWritten(String s) {
        String t = s.indexOf('&') >= 0 ? org.jsoup.parser.Parser.unescapeEntities(s, false) : s;
        t = java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder();
        boolean pendingSpace = false;
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp)
                    || Character.isSpaceChar(cp)
                    || cp == 0xA0
                    || cp == 0x2007
                    || cp == 0x202F
                    || cp == 0x85) {
                pendingSpace = sb.length() > 0;
                continue;
            }
            int type = Character.getType(cp);
            if (type == Character.CONTROL
                    || type == Character.FORMAT
                    || cp == 0xAD
                    || cp == 0x34F
                    || (cp >= 0xFE00 && cp <= 0xFE0F)
                    || type == Character.SURROGATE) continue;
            if (pendingSpace) {
                sb.append(' ');
                pendingSpace = false;
            }
            switch (cp) {
                case 0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB, 0x301D, 0x301E -> sb.append('"');
                case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x2039, 0x203A -> sb.append('\'');
                case 0x2010, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212 -> sb.append('-');
                case 0x2026 -> sb.append("...");
                default -> sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    @Test
    void everyCharacterBetweenLettersCleansAsFirstWritten() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String s = "x" + (char) c + "y";
            assertThat(TextClean.clean(s)).as("U+%04X", c).isEqualTo(asFirstWritten(s));
        }
    }

    @Test
    void mixedTextCleansAsFirstWritten() {
        String[] pieces = {
            "a",
            "Z",
            "9",
            " ",
            "\t",
            "\n",
            "\r",
            "\u000B",
            "\u001F",
            "\u0000",
            "\u007F",
            "&amp;",
            "&#8217;",
            "&",
            "\u00A0",
            "\u2019",
            "\u201C",
            "\u2014",
            "\u2026",
            "\u00E9",
            "e\u0301",
            "\uFB01",
            "\u200B",
            "\u00AD",
            "\uD83D\uDC4D",
            "\uD800",
            "\u0419",
            "\u3000",
            "\u2028"
        };
        RandomText texts = new RandomText(17, pieces);
        for (int i = 0; i < 5000; i++) {
            String s = texts.next(10);
            assertThat(TextClean.clean(s))
                    .as("%s", s.chars().boxed().toList())
                    .isEqualTo(asFirstWritten(s));
        }
    }

    @Test
    void cleanIsIdempotent() {
        String once = TextClean.clean(" \u201CA\u201D\u00A0\u2014 b\u2026 &amp; c ");
        assertThat(TextClean.clean(once)).isEqualTo(once);
    }
}
