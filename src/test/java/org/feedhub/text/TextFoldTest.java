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
}
