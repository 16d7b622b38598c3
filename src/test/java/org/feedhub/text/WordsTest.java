package org.feedhub.text;

import static org.assertj.core.api.Assertions.assertThat;

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
}
