package org.feedhub.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BoilerplateTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                // captions with credits
                "The Russian and US delegations led by Putin and Trump met for a working lunch in Helsinki, Finland on July 16, 2018 [PPIO]",
                "Russian FM Serge Lavrov does not want Syria to go the way of Iraq and Libya [PPIO]",
                "Lavrov arrives in Pyongyang (Reuters)",
                "Lavrov and Safadi in Moscow (AFP/Getty Images)",
                "Smoke over Douma (AP Photo/Hassan Ammar)",
                "The summit venue (Photo: Maxim Shemetov)",
                "Sergei Lavrov (File)",
                "Photo: Sergei Lavrov in Geneva.",
                "PHOTO: Reuters",
                "Image: Kremlin press service",
                "Image credit: TASS",
                "Image courtesy of the ministry",
                "File photo of the Kremlin.",
                "Фото: Сергей Лавров в Женеве",
                "[PPIO]",
                "(Reuters)",
                "LAVROV: Challenging the dangerous policies put forth by the US and its allies.",
                // bylines
                "By John Smith",
                "By JOHN SMITH",
                "By John Smith and Jane Doe, Reuters",
                "By Jean-Pierre de la Fontaine",
                "Reporting by John Smith; Editing by Jane Doe",
                "Additional reporting by Maria Tsvetkova",
                "Author: Ivan Petrov",
                "Автор: Иван Петров",
                // datelines alone
                "MOSCOW",
                "WASHINGTON, D.C.",
                "July 16, 2018",
                "16 июля 2018",
                "2018-07-16 10:30",
                "Updated: July 16, 2018 10:30 GMT",
                "Published 3 hours ago",
                // boilerplate
                "Read more: Lavrov in Syria",
                "READ MORE",
                "Read also: Putin's speech",
                "Click here to subscribe",
                "Subscribe to our newsletter",
                "Share this article",
                "Advertisement",
                "Related: Lavrov meets Safadi",
                "Continue reading",
                "Sign up for our daily briefing",
                "The post Lavrov warns US appeared first on Example News.",
                "This article was originally published on Example.",
                "Copyright 2018 Reuters. All rights reserved.",
                "© 2018 Example Media",
                "Читайте также: Лавров в Сирии",
                "Реклама",
                // nothing to read
                "",
                "   ",
                "* * *",
                "---"
            })
    void recognizesWhatIsNotStoryText(String paragraph) {
        assertThat(Boilerplate.isNotStory(paragraph)).as(paragraph).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Russian President Vladimir Putin has hailed his summit with US President Donald Trump.",
                "By Tuesday, the army had withdrawn from the town.",
                "By contrast, Lavrov was calm.",
                "The talks ended at 5 p.m. (1700 GMT)",
                "The company said it would comment later (in a statement)",
                "Prices may rise 5 percent.",
                "Subscribers to the service were notified.",
                "Advertisement revenue fell sharply in 2018.",
                "Copyright law was the main topic.",
                "Photographers gathered outside the ministry.",
                "Updated guidelines say the talks continue.",
                "Лавров заявил, что Россия не причастна.",
                "As reported by the Russian Ministry of Foreign Affairs, Lavrov will travel to Pyongyang.",
                "The North Korean Foreign Minister, Ri Yong-ho, has recently visited Moscow.",
                "It happened on July 16, 2018, in Helsinki, where Putin and Trump met for four hours of talks."
            })
    void keepsStoryText(String paragraph) {
        assertThat(Boilerplate.isNotStory(paragraph)).as(paragraph).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            BREAKING: Lavrov to visit Pyongyang.                  | Lavrov to visit Pyongyang.
            Breaking news: Lavrov to visit Pyongyang.             | Lavrov to visit Pyongyang.
            EXCLUSIVE - Lavrov speaks.                            | Lavrov speaks.
            UPDATE: Talks resumed.                                | Talks resumed.
            Срочно: Лавров прибыл в Пхеньян.                      | Лавров прибыл в Пхеньян.
            MOSCOW (Reuters) - Russia's foreign minister spoke.   | Russia's foreign minister spoke.
            WASHINGTON, July 16 (AP) - The talks ended.           | The talks ended.
            NEW YORK - The UN met.                                | The UN met.
            NEW DELHI: The government said no.                    | The government said no.
            Lavrov: We will respond.                              | Lavrov: We will respond.
            The Breaking Bad actor spoke.                         | The Breaking Bad actor spoke.
            Russia - and its allies - objected.                   | Russia - and its allies - objected.
            """)
    void stripsKickersAndDatelines(String sentence, String expected) {
        assertThat(Boilerplate.stripLead(sentence)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            中俄两国外长周一在北京举行会谈。
            وزير الخارجية الروسي يزور دمشق
            שר החוץ הרוסי ביקר בדמשק
            """)
    void aScriptWithoutCapitalsHasNoDatelinesInCapitals(String paragraph) {
        assertThat(Boilerplate.isDateline(paragraph)).isFalse();
        assertThat(Boilerplate.isNotStory(paragraph)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            Read more: Iran nuclear deal explained           | true
            Related: Lavrov meets Tillerson in Moscow        | true
            Subscribe to our newsletter                      | true
            By Jane Doe and John Smith                       | true
            Reporting by Andrew Osborn; Editing by Peter Graff | true
            The post Brazil holds rates appeared first on Ledger. | true
            Sergei Lavrov in Moscow on Friday (AFP/Getty Images) | false
            Lavrov met the Iranian envoy in Tehran.          | false
            MOSCOW                                           | false
            """)
    void whatTagsAndTopicsDoNotRead(String paragraph, boolean notMatchable) {
        assertThat(Boilerplate.isNotMatchable(paragraph)).isEqualTo(notMatchable);
    }

    @Test
    void matchableTextLeavesOutPromptsAndCreditsOnly() {
        assertThat(
                        Boilerplate.matchable(
                                java.util.List.of(
                                        "Lavrov spoke.",
                                        "Read more: Iran talks",
                                        "Photo: Reuters",
                                        "By John Smith")))
                .isEqualTo("Lavrov spoke.\nPhoto: Reuters");
        assertThat(Boilerplate.matchable(java.util.List.of())).isEmpty();
        assertThat(Boilerplate.matchable(null)).isEmpty();
    }
}
