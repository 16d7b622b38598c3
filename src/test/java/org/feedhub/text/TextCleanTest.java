package org.feedhub.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
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

    @Test
    void plainAsciiCleansAsAnyTextDoes() {
        // every ASCII character, each control and whitespace among letters, at the edges too
        java.util.Random random = new java.util.Random(17);
        String alphabet = "ab Z9.\t\n\r\u000B\f\u001C\u001F\u0000\u0007\u007F\u001B";
        for (int c = 0; c < 0x80; c++) {
            String one = "x" + (char) c + "y";
            assertThat(TextClean.cleanAscii(one))
                    .as("char %d", c)
                    .isEqualTo(TextClean.cleanAny(one));
            assertThat(TextClean.cleanAscii(String.valueOf((char) c)))
                    .as("char %d alone", c)
                    .isEqualTo(TextClean.cleanAny(String.valueOf((char) c)));
        }
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--)
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String s = sb.toString();
            assertThat(TextClean.cleanAscii(s))
                    .as("%s", s.chars().boxed().toList())
                    .isEqualTo(TextClean.cleanAny(s));
        }
    }

    @Test
    void textWithAnEntityOrBeyondAsciiTakesTheFullPath() {
        assertThat(TextClean.clean("a &amp; b")).isEqualTo("a & b");
        assertThat(TextClean.clean("a\u00A0\u00A0b")).isEqualTo("a b");
    }

    @Test
    void cleanIsIdempotent() {
        String once = TextClean.clean(" \u201CA\u201D\u00A0\u2014 b\u2026 &amp; c ");
        assertThat(TextClean.clean(once)).isEqualTo(once);
    }
}
