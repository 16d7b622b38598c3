package org.feedhub.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StemsTest {

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            Syria          | Syrian
            Syrians        | syria
            Iranian        | Iran
            Chinese        | China
            Israeli        | Israel
            Ukrainian      | Ukraine
            sanctions      | sanctioned
            elections      | election
            Lavrov's       | lavrov
            LAVROV’S       | Lavrov
            Crème          | creme
            лавров         | Лаврова
            Лавровым       | лавров
            Путина         | путин
            Сирии          | Сирия
            Москве         | москва
            выборах        | выборы
            Ёлки           | елка
            """)
    void formsOfOneWordShareAStem(String a, String b) {
        assertThat(Stems.of(a)).isEqualTo(Stems.of(b)).hasSize(1);
    }

    @ParameterizedTest(name = "{0} !~ {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            news       | new
            media      | median
            iran       | iraq
            Путин      | путь
            general    | generous
            """)
    void differentWordsKeepDifferentStems(String a, String b) {
        assertThat(Stems.of(a)).isNotEqualTo(Stems.of(b));
    }

    @Test
    void wordsAreSplitAtUnicodeBoundariesInAnyScript() {
        assertThat(Stems.of("Iran-backed militias, 3.5 km from Damascus"))
                .containsExactly("iran", "back", "militia", "3.5", "km", "from", "damascus");
        assertThat(Stems.of("Лавров прибыл в Пхеньян")).hasSize(4);
        assertThat(Stems.of("我在北京")).containsExactly("我", "在", "北", "京");
    }

    @Test
    void otherScriptsAreFoldedButNotStemmed() {
        assertThat(Stems.of("Αθήνα")).containsExactly("αθηνα");
    }

    @Test
    void nothingToSplit() {
        assertThat(Stems.of(null)).isEmpty();
        assertThat(Stems.of("  -- ")).isEmpty();
        assertThat(Stems.of("")).isEqualTo(List.of());
    }
}
