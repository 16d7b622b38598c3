package org.feedhub.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.feedhub.RandomText;
import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void splitsAtPunctuationApostrophesAndHyphens() {
        assertThat(Words.of("Lavrov's Iran-backed S-400, \"really\"!"))
                .containsExactly("lavrov", "s", "iran", "backed", "s", "400", "really");
    }

    @Test
    void foldsCaseAndAccents() {
        assertThat(Words.of("CRÈME brûlée")).containsExactly("creme", "brulee");
    }

    @Test
    void keepsCyrillicWords() {
        assertThat(Words.of("Сергей Лавров заявил: «Нет»"))
                .containsExactly("сергей", "лавров", "заявил", "нет");
    }

    @Test
    void chineseAndJapaneseCharactersAreWordsEach() {
        assertThat(Words.of("北京市 and 東京タワー"))
                .containsExactly("北", "京", "市", "and", "東", "京", "タ", "ワ", "ー");
    }

    @Test
    void nullAndBlankGiveNoWords() {
        assertThat(Words.of(null)).isEmpty();
        assertThat(Words.of(" - ")).isEmpty();
    }

    /** Word splitting as first written, over the folded text: the oracle for the fast paths. */
    private static List<String> asFirstWritten(String text) {
        String folded = TextFold.fold(text);
        List<String> words = new java.util.ArrayList<>();
        int start = -1;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            int next = i + Character.charCount(cp);
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            boolean ideographic =
                    script == Character.UnicodeScript.HAN
                            || script == Character.UnicodeScript.HIRAGANA
                            || script == Character.UnicodeScript.KATAKANA;
            int type = Character.getType(cp);
            boolean wordChar =
                    Character.isLetterOrDigit(cp)
                            || type == Character.NON_SPACING_MARK
                            || type == Character.COMBINING_SPACING_MARK
                            || type == Character.ENCLOSING_MARK;
            if (ideographic) {
                if (start >= 0) words.add(folded.substring(start, i));
                start = -1;
                words.add(folded.substring(i, next));
            } else if (wordChar) {
                if (start < 0) start = i;
            } else if (start >= 0) {
                words.add(folded.substring(start, i));
                start = -1;
            }
            i = next;
        }
        if (start >= 0) words.add(folded.substring(start));
        return words;
    }

    @Test
    void everyCharacterBetweenLettersSplitsAsFirstWritten() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String s = "ab" + (char) c + "Cd";
            assertThat(Words.of(s)).as("U+%04X", c).isEqualTo(asFirstWritten(s));
        }
    }

    @Test
    void mixedTextSplitsAsFirstWritten() {
        String[] pieces = {
            "a",
            "Z",
            "7",
            " ",
            "-",
            "'",
            "@",
            "[",
            "`",
            "{",
            "\u00E9",
            "e\u0301",
            "\u4E2D",
            "\u3042",
            "\uD83D\uDC4D",
            "\uD840\uDC00",
            "\u0419",
            "\u0928\u093F",
            "\u2019",
            "\u00DF"
        };
        RandomText texts = new RandomText(3, pieces);
        for (int i = 0; i < 5000; i++) {
            String s = texts.next(12);
            assertThat(Words.of(s)).as("%s", s).isEqualTo(asFirstWritten(s));
        }
    }

    @Test
    void textsOfManyLinesSplitAsFirstWrittenTheFirstTimeAndAgain() {
        String[] pieces = {
            "Lavrov ",
            "said on Monday ",
            "S-400, ",
            "\n",
            "\n",
            " \n ",
            "CRÈME brûlée ",
            "Сергей Лавров заявил: «Нет» ",
            "e\u0301",
            "\u0301",
            "北京市",
            "&amp; ",
            "&#8217;",
            "\u00A0",
            "\uFB01 ", // "ﬁ": NFKC gives "fi"
            "\r",
            "x".repeat(40)
        };
        RandomText texts = new RandomText(7, pieces);
        for (int i = 0; i < 3000; i++) {
            String s = texts.next(40);
            List<String> expected = asFirstWritten(s);
            assertThat(Words.of(s)).as("%s", s).isEqualTo(expected);
            assertThat(Words.of(new String(s))).as("again: %s", s).isEqualTo(expected);
        }
    }

    @Test
    void eachCallGivesItsOwnListOfAKnownLine() {
        String line = "Foreign minister Sergei Lavrov met his counterpart in Geneva on Monday";
        List<String> first = Words.of(line);
        first.clear();
        assertThat(Words.of(line)).startsWith("foreign", "minister").hasSize(11);
    }

    @Test
    void theMemoKeepsAtMostItsCharactersAndSplitsOverlongLinesEachTime() {
        Words.LineMemo memo = new Words.LineMemo();
        for (int i = 0; i < 2000; i++) {
            String line = "story " + i + " " + "words ".repeat(i % 50 + 5);
            assertThat(memo.words(line)).hasSize(i % 50 + 7).startsWith("story", "" + i);
            assertThat(memo.chars()).isLessThanOrEqualTo(Words.LineMemo.MAX_CHARS);
        }
        String overlong = "word ".repeat(Words.LineMemo.MAX_LINE / 5 + 1);
        int before = memo.chars();
        assertThat(memo.words(overlong)).hasSize(Words.LineMemo.MAX_LINE / 5 + 1);
        assertThat(memo.chars()).isEqualTo(before);
    }
}
