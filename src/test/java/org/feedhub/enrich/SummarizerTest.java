package org.feedhub.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.feedhub.normalize.HtmlText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SummarizerTest {

    /** A seed story: the title on the first line, a blank line, then one paragraph per line. */
    private record Story(String title, List<String> paragraphs) {}

    private static Story story(String name) {
        try (InputStream in =
                SummarizerTest.class.getResourceAsStream("/enrich/" + name + ".txt")) {
            assertThat(in).as(name).isNotNull();
            List<String> lines =
                    Arrays.asList(
                            new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
            assertThat(lines.get(1)).isEmpty();
            return new Story(lines.get(0), lines.subList(2, lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String summarize(Story s) {
        return Summarizer.summarize(s.title(), s.paragraphs());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            putin-elections    | Russian President Vladimir Putin has hailed his summit with US President Donald Trump as a first step to clearing tensions between their two countries and denied any role in the 2016 presidential election.
            putin-nuclear      | Russian President Vladimir has said that a global balance of power is a necessity to ensure security and stability around the world.
            lavrov-iraq-libya  | Russian Foreign Minister Sergei Lavrov has once again pointed to the US debacle in Iraq and Libya as likely fallout if Washington repeats its former foreign policies in Syria.
            lavrov-north-korea | As reported by the Russian Ministry of Foreign Affairs, the Russian Foreign Minister, Sergei Lavrov, will be travelling to Pyongyang for a visit with his North Korean counterpart tomorrow.
            lavrov-mini-nukes  | During this week's UN Conference on Disarmament in Geneva, Russian Foreign Minister Sergei Lavrov revealed to delegates that the US has been training Europeans on how to use 'tactical nukes' in the field of battle, with the intent of using those weapons against Russia.
            """)
    void seedStoriesSummarizeToTheirLead(String name, String expected) {
        assertThat(summarize(story(name))).isEqualTo(expected);
    }

    @Test
    void ppioPhotoCaptionIsNotInTheSummary() {
        for (String name : List.of("putin-elections", "putin-nuclear", "lavrov-iraq-libya")) {
            Story s = story(name);
            assertThat(s.paragraphs().get(0)).endsWith("[PPIO]");
            String summary = summarize(s);
            assertThat(summary)
                    .as(name)
                    .doesNotContain("PPIO")
                    .doesNotContain(s.paragraphs().get(0).replace(" [PPIO]", ""));
        }
    }

    @Test
    void labelledCaptionIsNotInTheSummary() {
        assertThat(summarize(story("lavrov-mini-nukes")))
                .doesNotContain("LAVROV")
                .doesNotContain("Challenging");
    }

    @Test
    void summaryOfSeedStoriesIsShortAndEndsOnASentence() {
        for (String name :
                List.of(
                        "putin-elections",
                        "putin-nuclear",
                        "lavrov-iraq-libya",
                        "lavrov-north-korea",
                        "lavrov-mini-nukes")) {
            String summary = summarize(story(name));
            assertThat(summary).as(name).hasSizeBetween(40, Summarizer.MAX_CHARS).endsWith(".");
        }
    }

    @Test
    void takesAtMostThreeSentences() {
        assertThat(
                        Summarizer.summarize(
                                "T",
                                List.of(
                                        "One is here. Two is here.",
                                        "Three is here. Four is here.")))
                .isEqualTo("One is here. Two is here. Three is here.");
    }

    @Test
    void addsSentencesOnlyWhileTheyFit() {
        String first = "A".repeat(150) + ".";
        String second = "B".repeat(160) + ".";
        String third = "C.";
        assertThat(Summarizer.summarize("T", List.of(first + " " + second + " " + third)))
                .isEqualTo(first);
    }

    @Test
    void takesWholeSentencesUpToTheLimit() {
        String first = "word ".repeat(29) + "end."; // 149 chars
        String second = "more ".repeat(29) + "end."; // 149 chars: 149 + 1 + 149 = 299
        assertThat(Summarizer.summarize("T", List.of(first, second)))
                .isEqualTo(first + " " + second);
    }

    @Test
    void overlongFirstSentenceIsCutAtAWordBoundaryWithAnEllipsis() {
        String sentence =
                "Lavrov said " + "that the talks would continue ".repeat(15) + "tomorrow.";
        String summary = Summarizer.summarize("T", List.of(sentence));
        assertThat(summary).endsWith("\u2026").hasSizeLessThanOrEqualTo(Summarizer.MAX_CHARS);
        String body = summary.substring(0, summary.length() - 1);
        assertThat(sentence).startsWith(body);
        assertThat(sentence.charAt(body.length())).isEqualTo(' ');
        assertThat(body.length()).isGreaterThan(250);
    }

    @Test
    void cutDoesNotLeaveDanglingPunctuation() {
        String sentence = "x".repeat(290) + ", " + "y".repeat(40) + ".";
        assertThat(Summarizer.summarize("T", List.of(sentence)))
                .isEqualTo("x".repeat(290) + "\u2026");
    }

    @Test
    void skipsFirstParagraphIdenticalToTheTitle() {
        assertThat(
                        Summarizer.summarize(
                                "Lavrov warns US",
                                List.of("Lavrov warns US!", "Lavrov spoke in Moscow.")))
                .isEqualTo("Lavrov spoke in Moscow.");
    }

    @Test
    void skipsBylinesDatelinesAndBoilerplate() {
        assertThat(
                        Summarizer.summarize(
                                "T",
                                List.of(
                                        "By John Smith and Jane Doe, Reuters",
                                        "MOSCOW",
                                        "July 16, 2018",
                                        "Advertisement",
                                        "Lavrov spoke in Moscow.",
                                        "Read more: other news")))
                .isEqualTo("Lavrov spoke in Moscow.");
    }

    @Test
    void stripsKickerAtSentenceStart() {
        assertThat(
                        Summarizer.summarize(
                                "T",
                                List.of("BREAKING: Lavrov lands in Pyongyang. He is met by Ri.")))
                .isEqualTo("Lavrov lands in Pyongyang. He is met by Ri.");
    }

    @Test
    void stripsWireDateline() {
        assertThat(
                        Summarizer.summarize(
                                "T",
                                List.of(
                                        "MOSCOW (Reuters) - Russia's foreign minister spoke on Monday.")))
                .isEqualTo("Russia's foreign minister spoke on Monday.");
    }

    @Test
    void doesNotSplitAfterAbbreviations() {
        assertThat(
                        Summarizer.summarize(
                                "T",
                                List.of(
                                        "U.S. Sen. John Smith met Gen. Ivanov in St. Petersburg on "
                                                + "Jan. 5. The talks lasted 3.5 hours.")))
                .isEqualTo(
                        "U.S. Sen. John Smith met Gen. Ivanov in St. Petersburg on Jan. 5. The talks lasted 3.5 hours.");
    }

    @Test
    void summarizesRussianText() {
        assertThat(
                        Summarizer.summarize(
                                "Лавров в Пхеньяне",
                                List.of(
                                        "Фото: МИД России",
                                        "Министр иностранных дел России С. В. Лавров прибыл в Пхеньян. Он заявил: «Мы готовы к диалогу».",
                                        "Визит продлится два дня.")))
                .isEqualTo(
                        "Министр иностранных дел России С. В. Лавров прибыл в Пхеньян. "
                                + "Он заявил: \"Мы готовы к диалогу\". Визит продлится два дня.");
    }

    @Test
    void cleansTypographyAndWhitespace() {
        assertThat(
                        Summarizer.summarize(
                                "T",
                                List.of(
                                        "  \u201CWe are ready,\u201D\u00A0Lavrov said \u2014 again.  ")))
                .isEqualTo("\"We are ready,\" Lavrov said - again.");
    }

    @Test
    void worksOnParagraphsExtractedFromHtml() {
        String html =
                "<figure><img src=\"a.jpg\"><figcaption>Lavrov in Geneva [PPIO]</figcaption></figure>"
                        + "<p>By <a href=\"/a/js\">John Smith</a></p><p>Lavrov spoke in <b>Geneva</b> on Friday.</p>";
        assertThat(Summarizer.summarize("Lavrov in Geneva", HtmlText.paragraphs(html)))
                .isEqualTo("Lavrov spoke in Geneva on Friday.");
    }

    @Test
    void fallsBackToFeedSummaryWhenParagraphsHaveNoStoryText() {
        assertThat(
                        Summarizer.summarize(
                                "Title",
                                List.of("Photo: Reuters", "[PPIO]"),
                                "<p>Feed summary sentence.</p><figure><figcaption>Caption</figcaption></figure>"))
                .isEqualTo("Feed summary sentence.");
    }

    @Test
    void fallsBackToPlainTextFeedSummary() {
        assertThat(Summarizer.summarize("Title", List.of(), "Plain summary &amp; more."))
                .isEqualTo("Plain summary & more.");
    }

    @Test
    void prefersStoryTextOverFeedSummary() {
        assertThat(Summarizer.summarize("Title", List.of("Story text."), "Feed summary."))
                .isEqualTo("Story text.");
    }

    @Test
    void returnsTheTitleWhenNothingIsUsable() {
        assertThat(Summarizer.summarize(" Lavrov \u2014 talks ", List.of("[PPIO]", "  ")))
                .isEqualTo("Lavrov - talks");
        assertThat(Summarizer.summarize("Lavrov", null)).isEqualTo("Lavrov");
        assertThat(Summarizer.summarize("Lavrov", List.of(), null)).isEqualTo("Lavrov");
        assertThat(Summarizer.summarize("Lavrov", List.of("Lavrov"), "Lavrov")).isEqualTo("Lavrov");
    }

    @Test
    void nothingAtAllGivesEmptyString() {
        assertThat(Summarizer.summarize(null, null, null)).isEmpty();
    }

    @Test
    void aPromptInsideAParagraphIsLeftOut() {
        assertThat(Summarizer.summarize("T", List.of("Iran rejected the offer. Read more")))
                .isEqualTo("Iran rejected the offer.");
        assertThat(
                        Summarizer.summarize(
                                "T",
                                List.of(
                                        "Iran rejected the offer. Click here to follow our coverage.",
                                        "Tehran gave no reason.")))
                .isEqualTo("Iran rejected the offer. Tehran gave no reason.");
    }

    @Test
    void chineseSentencesAreJoinedWithoutASpace() {
        assertThat(Summarizer.summarize("T", List.of("中俄两国外长周一在北京举行会谈。双方讨论了朝鲜半岛局势。")))
                .isEqualTo("中俄两国外长周一在北京举行会谈。双方讨论了朝鲜半岛局势。");
    }

    @Test
    void overlongFirstSentenceIsCutAtItsLastClauseBoundaryWhenThereIsOneLateEnough() {
        String head =
                "Russia said on Monday that it would respond to the new sanctions "
                        .repeat(3)
                        .strip();
        String sentence =
                head
                        + ", calling them unfriendly, "
                        + "and it said it would act soon ".repeat(5)
                        + "today.";
        String summary = Summarizer.summarize("T", List.of(sentence));
        assertThat(summary).isEqualTo(head + ", calling them unfriendly\u2026");
    }

    @Test
    void anEarlyCommaIsNoPlaceToCut() {
        String sentence =
                "Russia, "
                        + "which said it would respond to the new sanctions on Monday ".repeat(6)
                        + "today.";
        String summary = Summarizer.summarize("T", List.of(sentence));
        assertThat(summary).endsWith("\u2026").hasSizeGreaterThan(250);
    }
}
