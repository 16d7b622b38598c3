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
}
