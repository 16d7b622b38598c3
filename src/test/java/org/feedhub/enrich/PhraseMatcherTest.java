package org.feedhub.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.feedhub.text.Stems;
import org.feedhub.text.Words;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhraseMatcherTest {

    @ParameterizedTest(name = "{0} in \"{1}\" -> {2}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            # whole words only
            iran            | Iran rejects the demand                       | true
            iran            | Talks in Tehran with IRAN's envoy             | true
            iran            | Iranian withdrawal from Syria                 | false
            iran            | Irans                                         | false
            iran            | PIRANHA attack                                | false
            iran            | the Iran-backed militia                       | true
            iran            | (Iran)                                        | true
            syria           | Southwest Syria.                              | true
            syria           | Syrian settlement                             | false
            # possessives match their noun
            lavrov          | Lavrov's visit                                | true
            lavrov          | Lavrov’s visit                                | true
            lavrov          | LAVROV’S VISIT                                | true
            lavrov          | Lavrova                                       | false
            # case and accents
            lavrov          | LAVROV                                        | true
            creme brulee    | Crème Brûlée for dessert                      | true
            crème           | creme                                         | true
            sao paulo       | São Paulo                                     | true
            # multi-word phrases across whitespace and punctuation
            sergei lavrov   | Sergei Lavrov said                            | true
            sergei lavrov   | SERGEI   LAVROV                               | true
            sergei lavrov   | Sergei\\nLavrov                               | true
            sergei lavrov   | Sergei-Lavrov                                 | true
            sergei lavrov   | Lavrov, Sergei                                | false
            sergei lavrov   | Sergei Viktorovich Lavrov                     | false
            sergei lavrov   | Sergei Lavrovich                              | false
            north korea     | North Korean minister                         | false
            north korea     | to North Korea tomorrow                       | true
            s-400           | the S-400 system                              | true
            s-400           | the S 400 system                              | true
            s-400           | the S-4000 system                             | false
            # any script
            лавров          | Лавров заявил                                 | true
            лавров          | ЛАВРОВ                                        | true
            лавров          | Лаврову сказали                               | false
            сергей лавров   | «Сергей Лавров»                               | true
            ёлка            | Елка в Кремле                                 | true
            йошкар-ола      | Йошкар-Ола                                    | true
            йошкар-ола      | Иошкар-Ола                                    | false
            北京            | 我在北京工作                                   | true
            北京            | 北方的京城                                     | false
            # nothing to match
            lavrov          |                                               | false
            """)
    void matchesWholeWords(String phrase, String text, boolean expected) {
        String t = text == null ? null : text.replace("\\n", "\n");
        assertThat(PhraseMatcher.of(List.of(phrase)).matches(t)).isEqualTo(expected);
        // the pre-split form TopicMatcher uses says the same
        assertThat(PhraseMatcher.of(List.of(phrase)).matchesWords(org.feedhub.text.Words.of(t)))
                .isEqualTo(expected);
    }

    @Test
    void matchingListsPhrasesAsGivenInTheirOrderWithoutRepeats() {
        PhraseMatcher m =
                PhraseMatcher.of(List.of("Syria", "lavrov", "damascus", "Lavrov", "syria"));
        assertThat(m.matching("Lavrov flew to Syria. Lavrov said Syria was safe."))
                .containsExactly("Syria", "lavrov", "Lavrov", "syria");
    }

    @Test
    void matchingIsEmptyWhenNothingMatches() {
        assertThat(PhraseMatcher.of(List.of("iran")).matching("Iranian officials")).isEmpty();
    }

    @Test
    void phrasesSharingAFirstWordAreAllChecked() {
        PhraseMatcher m = PhraseMatcher.of(List.of("north korea", "north macedonia", "north"));
        assertThat(m.matching("North Macedonia and the north"))
                .containsExactly("north macedonia", "north");
    }

    @Test
    void phraseAtTheVeryEndOfTheText() {
        assertThat(
                        PhraseMatcher.of(List.of("foreign minister"))
                                .matches("met the foreign minister"))
                .isTrue();
        assertThat(PhraseMatcher.of(List.of("foreign minister")).matches("met the foreign"))
                .isFalse();
    }

    @Test
    void blankAndPunctuationOnlyPhrasesNeverMatch() {
        PhraseMatcher m = PhraseMatcher.of(Arrays.asList("", "  ", "--", null));
        assertThat(m.matches("anything -- at all")).isFalse();
        assertThat(m.matching("anything")).isEmpty();
    }

    @Test
    void emptyOrNullPhraseListMatchesNothing() {
        assertThat(PhraseMatcher.of(List.of()).matches("Lavrov")).isFalse();
        assertThat(PhraseMatcher.of(null).matching("Lavrov")).isEmpty();
    }

    @Test
    void nullTextMatchesNothing() {
        assertThat(PhraseMatcher.of(List.of("lavrov")).matches(null)).isFalse();
        assertThat(PhraseMatcher.of(List.of("lavrov")).matching(null)).isEmpty();
    }

    @Test
    void laterChangesToTheGivenCollectionDoNotAffectTheMatcher() {
        List<String> phrases = new ArrayList<>(List.of("lavrov"));
        PhraseMatcher m = PhraseMatcher.of(phrases);
        phrases.set(0, "putin");
        assertThat(m.matching("Lavrov and Putin")).containsExactly("lavrov");
    }

    @Test
    void manyPhrasesOverALongTextCostOnePassOverTheWords() {
        List<String> phrases = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            phrases.add("term" + i + " word" + i);
        }
        phrases.add("needle phrase");
        PhraseMatcher m = PhraseMatcher.of(phrases);
        String text = "term1 word2 ".repeat(20000) + "the needle phrase.";
        assertThat(m.matching(text)).containsExactly("needle phrase");
        // the work, counted as reads of the text's words: about one per word (plus one per
        // phrase starting there), where trying every phrase everywhere would be 5001 per word
        List<String> words = Words.of(text);
        int[] reads = {0};
        List<String> counted =
                new AbstractList<>() {
                    @Override
                    public String get(int i) {
                        reads[0]++;
                        return words.get(i);
                    }

                    @Override
                    public int size() {
                        return words.size();
                    }
                };
        assertThat(m.matchesWords(counted)).isTrue();
        assertThat(reads[0]).as("word reads").isLessThanOrEqualTo(3 * words.size());
    }

    @ParameterizedTest(name = "stem: {0} in \"{1}\" -> {2}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            syria           | Syrian troops advanced                        | true
            syria           | the Syrians                                   | true
            syrian          | in Syria                                      | true
            iran            | Iranian withdrawal                            | true
            sanctions       | the U.S. sanctioned two banks                 | true
            lavrov          | Lavrov's visit                                | true
            лавров          | встреча с Лавровым                            | true
            лавров          | Лаврову сказали                               | true
            сергей лавров   | Сергея Лаврова встретили                      | true
            сергей лавров   | Сергея Иванова и Лаврова                      | false
            foreign minister| the foreign ministers met                     | true
            north korea     | North Korean minister                         | true
            iran            | Iraq                                          | false
            iran            | PIRANHA attack                                | false
            news            | a new plan                                    | false
            syria           |                                               | false
            """)
    void stemMatching(String phrase, String text, boolean expected) {
        String t = text == null ? null : text.replace("\\n", "\n");
        PhraseMatcher m = PhraseMatcher.of(List.of(phrase), true);
        assertThat(m.stem()).isTrue();
        assertThat(m.matches(t)).isEqualTo(expected);
        assertThat(m.occursIn(MatchText.of(t))).isEqualTo(expected);
        assertThat(m.matchesWords(Stems.of(t))).isEqualTo(expected);
    }

    @Test
    void exactMatchingStaysTheDefault() {
        assertThat(PhraseMatcher.of(List.of("syria")).matches("Syrian troops")).isFalse();
        assertThat(PhraseMatcher.of(List.of("syria"), false).matches("Syrian troops")).isFalse();
        assertThat(PhraseMatcher.of(List.of("syria"), true).matches("Syrian troops")).isTrue();
    }

    @Test
    void preparedTextGivesTheSameAnswersAsPlainText() {
        PhraseMatcher exact = PhraseMatcher.of(List.of("syria", "lavrov", "north korea"));
        PhraseMatcher stem = PhraseMatcher.of(List.of("syria", "lavrov", "north korea"), true);
        String text = "Lavrov's Syrian plan; North Koreans wait";
        MatchText prepared = MatchText.of(text);
        assertThat(exact.occurringIn(prepared))
                .isEqualTo(exact.matching(text))
                .containsExactly("lavrov");
        assertThat(stem.occurringIn(prepared))
                .isEqualTo(stem.matching(text))
                .containsExactly("syria", "lavrov", "north korea");
    }

    @Test
    void emptyMatcherKnowsItIsEmpty() {
        assertThat(PhraseMatcher.of(List.of("--"), true).isEmpty()).isTrue();
        assertThat(PhraseMatcher.of(List.of("x")).isEmpty()).isFalse();
    }
}
