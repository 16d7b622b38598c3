package org.feedhub.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SentencesTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "two plain sentences",
                        "Lavrov spoke. Putin listened.",
                        List.of("Lavrov spoke.", "Putin listened.")),
                Arguments.of(
                        "question and exclamation",
                        "Really? Yes! Fine.",
                        List.of("Really?", "Yes!", "Fine.")),
                Arguments.of(
                        "no terminal punctuation",
                        "A headline without a period",
                        List.of("A headline without a period")),
                Arguments.of(
                        "title Mr.",
                        "Mr. Smith went to Washington. He said hi.",
                        List.of("Mr. Smith went to Washington.", "He said hi.")),
                Arguments.of(
                        "titles Mrs. Dr. Gen.",
                        "Mrs. Jones met Dr. Who and Gen. Mattis. Then left.",
                        List.of("Mrs. Jones met Dr. Who and Gen. Mattis.", "Then left.")),
                Arguments.of(
                        "Sen. Rep. St. Jan.",
                        "Sen. John McCain and Rep. Nancy Pelosi met on Jan. 5 at St. Paul. Done.",
                        List.of(
                                "Sen. John McCain and Rep. Nancy Pelosi met on Jan. 5 at St. Paul.",
                                "Done.")),
                Arguments.of(
                        "months",
                        "It began on Feb. 24 and ended in Sept. 2023. Nobody won.",
                        List.of("It began on Feb. 24 and ended in Sept. 2023.", "Nobody won.")),
                Arguments.of(
                        "U.S. mid-sentence",
                        "The U.S. economy grew. Then it fell.",
                        List.of("The U.S. economy grew.", "Then it fell.")),
                Arguments.of(
                        "U.S. before a name",
                        "The U.S. President Donald Trump spoke. It was short.",
                        List.of("The U.S. President Donald Trump spoke.", "It was short.")),
                Arguments.of(
                        "U.S. ending a sentence",
                        "He moved to the U.S. The rest followed.",
                        List.of("He moved to the U.S.", "The rest followed.")),
                Arguments.of(
                        "U.K. and U.N.",
                        "The U.K. and the U.N. Security Council agreed. Russia did not.",
                        List.of(
                                "The U.K. and the U.N. Security Council agreed.",
                                "Russia did not.")),
                Arguments.of(
                        "e.g. and i.e.",
                        "Some states, e.g. Iran, i.e. Tehran's allies, objected. Others not.",
                        List.of(
                                "Some states, e.g. Iran, i.e. Tehran's allies, objected.",
                                "Others not.")),
                Arguments.of(
                        "single initial",
                        "J. Smith arrived. Later he left.",
                        List.of("J. Smith arrived.", "Later he left.")),
                Arguments.of(
                        "two initials",
                        "J. R. R. Tolkien wrote it. Fans agree.",
                        List.of("J. R. R. Tolkien wrote it.", "Fans agree.")),
                Arguments.of(
                        "company abbreviation",
                        "Apple Inc. said so. It grew.",
                        List.of("Apple Inc. said so.", "It grew.")),
                Arguments.of(
                        "etc. ends a sentence",
                        "Tanks, jets, etc. The list is long.",
                        List.of("Tanks, jets, etc.", "The list is long.")),
                Arguments.of(
                        "decimals",
                        "Growth was 3.5 percent. Inflation hit 10.2%.",
                        List.of("Growth was 3.5 percent.", "Inflation hit 10.2%.")),
                Arguments.of(
                        "money",
                        "It cost $1.5 billion. Critics balked.",
                        List.of("It cost $1.5 billion.", "Critics balked.")),
                Arguments.of(
                        "quote then attribution",
                        "\"We are ready.\" he said. Next one.",
                        List.of("\"We are ready.\" he said.", "Next one.")),
                Arguments.of(
                        "quote with comma",
                        "\"Of course, problems persist,\" he told reporters. He left.",
                        List.of("\"Of course, problems persist,\" he told reporters.", "He left.")),
                Arguments.of(
                        "question in quotes",
                        "\"Why now?\" asked Lavrov. Nobody answered.",
                        List.of("\"Why now?\" asked Lavrov.", "Nobody answered.")),
                Arguments.of(
                        "ellipsis mid-sentence",
                        "Wait... and see. Done.",
                        List.of("Wait... and see.", "Done.")),
                Arguments.of(
                        "russian plain",
                        "Лавров прибыл в Москву. Переговоры начались.",
                        List.of("Лавров прибыл в Москву.", "Переговоры начались.")),
                Arguments.of(
                        "russian guillemets",
                        "Он сказал: «Мы готовы». Затем ушёл.",
                        List.of("Он сказал: «Мы готовы».", "Затем ушёл.")),
                Arguments.of(
                        "russian quote with dash attribution",
                        "«Готовы!» — сказал он. Да.",
                        List.of("«Готовы!» — сказал он.", "Да.")),
                Arguments.of(
                        "russian sentence ending inside guillemets",
                        "Министр заявил: «Это неприемлемо.» Потом ушёл.",
                        List.of("Министр заявил: «Это неприемлемо.»", "Потом ушёл.")),
                Arguments.of(
                        "russian т.е.",
                        "Путин, т.е. президент, выступил. Зал молчал.",
                        List.of("Путин, т.е. президент, выступил.", "Зал молчал.")),
                Arguments.of(
                        "russian г. before a name",
                        "В 2018 г. Путин встретился с Трампом. Встреча прошла.",
                        List.of("В 2018 г. Путин встретился с Трампом.", "Встреча прошла.")),
                Arguments.of(
                        "russian г. after a year closing a clause",
                        "Расходы выросли больше, чем в 2018 г. Доходы упали.",
                        List.of("Расходы выросли больше, чем в 2018 г.", "Доходы упали.")),
                Arguments.of(
                        "russian гг. after years closing a clause",
                        "Так было в период 2020-2021 гг. Теперь иначе.",
                        List.of("Так было в период 2020-2021 гг.", "Теперь иначе.")),
                Arguments.of(
                        "russian г. before a city",
                        "Встреча прошла в г. Москве. Все пришли.",
                        List.of("Встреча прошла в г. Москве.", "Все пришли.")),
                Arguments.of(
                        "russian и т.д.",
                        "Танки, самолёты и т.д. Потом всё кончилось.",
                        List.of("Танки, самолёты и т.д.", "Потом всё кончилось.")),
                Arguments.of(
                        "russian initials",
                        "В. Путин и С. В. Лавров прибыли. Их ждали.",
                        List.of("В. Путин и С. В. Лавров прибыли.", "Их ждали.")),
                Arguments.of(
                        "russian joined initials",
                        "Путин В.В. провёл встречу. Лавров С.В. тоже.",
                        List.of("Путин В.В. провёл встречу.", "Лавров С.В. тоже.")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void splits(String name, String text, List<String> expected) {
        assertThat(Sentences.split(text)).containsExactlyElementsOf(expected);
    }

    @Test
    void nullAndBlankGiveNothing() {
        assertThat(Sentences.split(null)).isEmpty();
        assertThat(Sentences.split("  \n ")).isEmpty();
    }

    @Test
    void sentencesAreTrimmed() {
        assertThat(Sentences.split("  One.   Two.  ")).containsExactly("One.", "Two.");
    }
}
