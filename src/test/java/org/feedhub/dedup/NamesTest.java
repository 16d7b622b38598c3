package org.feedhub.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Names as stems, with Russian case forms as one, and the key names of a story. */
class NamesTest {

    static Names.Found of(String title, String text) {
        return Names.of(title, text, StoryText.firstSentence(text), 48);
    }

    @Test
    void russianCaseFormsAreOneName() {
        Names.Found a =
                of(
                        "Лавров встретился с Бекмуратовым",
                        "Министр Сергей Лавров провел переговоры. Позиция Лаврова известна.");
        Names.Found b =
                of("Переговоры Лаврова", "Сергей Лавровым были проведены переговоры с коллегой.");
        assertThat(a.all()).contains("лавр");
        assertThat(b.all()).contains("лавр");
    }

    @Test
    void aWordThatOnlyStartsASentenceIsNoName() {
        Names.Found f =
                of(
                        "Prices rise",
                        "Prices rose on Monday at Acme Grain. Речь shares fell at Acme Grain.");
        assertThat(f.all()).contains("acme", "grain").doesNotContain("price");
    }

    @Test
    void aWordTheTextAlsoWritesInLowerCaseIsNoName() {
        Names.Found f = of("Profit Falls At Acme", "The profit of Acme Corp fell, Acme Corp said.");
        assertThat(f.all()).contains("acme").doesNotContain("profit");
    }

    @Test
    void keyNamesAreThoseOfTheHeadMentionedTwice() {
        Names.Found f =
                of(
                        "Acme Grain profit misses forecasts",
                        "Acme Grain said its profit fell in Poland. Analysts at Vela Bank had expected more from Acme Grain.");
        assertThat(f.key()).contains("acme", "grain").doesNotContain("poland", "vela");
    }
}
