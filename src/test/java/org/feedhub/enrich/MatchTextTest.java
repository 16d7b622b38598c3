package org.feedhub.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.feedhub.text.Stems;
import org.junit.jupiter.api.Test;

/** A text given in parts reads as the parts joined by line breaks, kept body or not. */
class MatchTextTest {
    static final String BODY =
            "Café owners in São Paulo said on Tuesday that prices rose. ".repeat(8)
                    + "Лавров встретился с министром — «переговоры» продолжатся. ";

    @Test
    void partsReadAsTheirJoinedText() {
        String title = "Ministers meet in Zürich";
        String summary = "Talks on trade; Iran-backed group’s statement";
        assertThat(MatchText.of(title, summary, BODY).words())
                .isEqualTo(MatchText.of(title + "\n" + summary + "\n" + BODY).words());
        assertThat(MatchText.of(title, null, BODY).stems())
                .isEqualTo(MatchText.of(title + "\n\n" + BODY).stems());
    }

    @Test
    void aKeptBodyGivesTheSameWordsToTheNextReaderAndAnotherBodyItsOwn() {
        var first = MatchText.of(BODY, "a feed summary").words();
        var again = MatchText.of("Title", null, BODY).words();
        assertThat(again.subList(1, again.size())).isEqualTo(first.subList(0, again.size() - 1));
        String other = BODY.replace("Tuesday", "Friday");
        assertThat(MatchText.of(other).words()).contains("friday").doesNotContain("tuesday");
        assertThat(MatchText.of(BODY).words()).contains("tuesday").doesNotContain("friday");
    }

    @Test
    void aWordsStemsAreWhatTheChainGivesForIt() {
        for (String w :
                new String[] {"Лаврова", "sanctions", "Syrian", "Lavrov's", "x".repeat(60)}) {
            assertThat(Stems.ofWord(w)).as(w).isEqualTo(Stems.of(w));
            assertThat(Stems.ofWord(w)).as(w + ", cached").isEqualTo(Stems.of(w));
        }
    }
}
