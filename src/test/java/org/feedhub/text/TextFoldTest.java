package org.feedhub.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextFoldTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            Lavrov             | lavrov
            LAVROV             | lavrov
            Crème Brûlée       | creme brulee
            São Paulo          | sao paulo
            Ångström           | angstrom
            Łódź               | lodz
            Straße             | strasse
            Æsir Œuvre         | aesir oeuvre
            Søren              | soren
            İstanbul           | istanbul
            Đorđević           | dordevic
            Ελληνικά           | ελληνικα
            Лавров             | лавров
            СЕРГЕЙ ЛАВРОВ      | сергей лавров
            Йошкар-Ола         | йошкар-ола
            Мой край           | мой край
            ёлка               | елка
            Ёлка               | елка
            # Ukrainian ї folds to і just as Russian ё folds to е: a base letter with a diaeresis
            Київ               | киів
            Беларусь ў         | беларусь ў
            “Quoted” — text…   | "quoted" - text...
            """)
    void folds(String in, String expected) {
        assertThat(TextFold.fold(in)).isEqualTo(expected);
    }

    @Test
    void shortIDoesNotBecomeI() {
        assertThat(TextFold.fold("й")).isEqualTo("й").isNotEqualTo("и");
        assertThat(TextFold.fold("Й")).isEqualTo("й");
        assertThat(TextFold.fold("и\u0306")).isEqualTo("й");
    }

    @Test
    void marksOutsideLatinGreekAndCyrillicAreKept() {
        assertThat(TextFold.fold("हिन्दी")).isEqualTo("हिन्दी");
        String hebrew = "\u05E9\u05C1\u05B8\u05DC\u05D5\u05B9\u05DD"; // shalom with points
        assertThat(TextFold.fold(hebrew))
                .isEqualTo(Normalizer.normalize(hebrew, Normalizer.Form.NFC))
                .contains("\u05B8");
    }

    @Test
    void nullGivesEmpty() {
        assertThat(TextFold.fold(null)).isEmpty();
    }

    @Test
    void decomposedAndComposedAccentsFoldAlike() {
        assertThat(TextFold.fold("Pe\u0301rez"))
                .isEqualTo(TextFold.fold("P\u00E9rez"))
                .isEqualTo("perez");
    }

    @Test
    void everyLatinCharacterBetweenLettersFoldsAsTheWholeTextDoes() {
        for (char c = 0x80; c <= 0x24F; c++) {
            String s = "Xa" + c + "Y";
            assertThat(TextFold.fold(s))
                    .as("U+%04X", (int) c)
                    .isEqualTo(TextFold.foldCleaned(TextClean.clean(s)));
        }
    }

    @Test
    void mixedLatinTextFoldsAsTheWholeTextDoes() {
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 5000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                int pick = random.nextInt(4);
                sb.append(
                        pick == 0
                                ? (char) (0x80 + random.nextInt(0x24F - 0x80 + 1))
                                : pick == 1 ? ' ' : (char) ('A' + random.nextInt(58)));
            }
            String s = sb.toString();
            assertThat(TextFold.fold(s))
                    .as("%s", s.chars().boxed().toList())
                    .isEqualTo(TextFold.foldCleaned(TextClean.clean(s)));
        }
    }

    @Test
    void aMarkOrAnotherScriptTakesTheWholeTextPath() {
        assertThat(TextFold.fold("Cafe\u0301 Лавров")).isEqualTo("cafe лавров");
        assertThat(TextFold.fold("É\u0301")).isEqualTo("e");
    }
}
