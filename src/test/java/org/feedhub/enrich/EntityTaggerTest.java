package org.feedhub.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.feedhub.config.TagDef;
import org.junit.jupiter.api.Test;

class EntityTaggerTest {

    private final EntityTagger tagger =
            new EntityTagger(List.of(new TagDef("Syria", List.of("syria", "damascus"), false)));

    private List<String> names(String title, String... paragraphs) {
        return tagger.entities(title, List.of(paragraphs), List.of());
    }

    @Test
    void aNameMentionedOnceIsNoTag() {
        assertThat(names("Talks", "Sergei Ryabkov spoke in Geneva on Monday.")).isEmpty();
    }

    @Test
    void aFullNameAndItsSurnameAreTwoMentions() {
        assertThat(
                        names(
                                "Talks",
                                "Deputy Foreign Minister Sergei Ryabkov spoke on Monday.",
                                "Ryabkov left at noon."))
                .containsExactly("Sergei Ryabkov");
    }

    @Test
    void theTitleCountsAsAMention() {
        assertThat(names("Ryabkov in Geneva", "Sergei Ryabkov spoke on Monday."))
                .containsExactly("Sergei Ryabkov");
    }

    @Test
    void aTitleBeforeASingleNameMakesItAName() {
        assertThat(names("T", "President Macron arrived.", "Macron said little."))
                .containsExactly("Macron");
        assertThat(names("T", "Macron arrived.", "Macron said little."))
                .isEmpty(); // one word and no title
    }

    @Test
    void sentenceStartersMonthsAndDaysAreNotNames() {
        assertThat(
                        names(
                                "T",
                                "On Monday January talks began.",
                                "On Monday January they ended.",
                                "However Lavrov left. However Lavrov came back."))
                .isEmpty();
    }

    @Test
    void aSentencesFirstWordIsDroppedWhenTheStoryAlsoWritesItInLowerCase() {
        assertThat(
                        names(
                                "T",
                                "Talks Ryabkov attended were short.",
                                "The talks were long.",
                                "Talks Ryabkov attended ended."))
                .isEmpty();
    }

    @Test
    void nationalityAdjectivesAndTitlesAloneAreNotNames() {
        assertThat(
                        names(
                                "T",
                                "North Korean officials met.",
                                "North Korean media said so.",
                                "The Russian President spoke. The Russian President left."))
                .isEmpty();
    }

    @Test
    void captionsCreditsAndBylinesAreNotReadForNames() {
        assertThat(
                        names(
                                "T",
                                "Photo: Maxim Shemetov/Reuters",
                                "By John Smith and Jane Doe",
                                "Maxim Shemetov and John Smith at the talks (Reuters)",
                                "Talks ended.",
                                "Reporting by John Smith; Editing by Jane Doe"))
                .isEmpty();
    }

    @Test
    void organisationsJoinedByOfAndTheShorterFormStandsForBoth() {
        assertThat(
                        names(
                                "T",
                                "The Russian Ministry of Foreign Affairs said no.",
                                "The Ministry of Foreign Affairs gave no reason."))
                .containsExactly("Ministry of Foreign Affairs");
    }

    @Test
    void aPersonsFullNameStandsForItsTail() {
        assertThat(
                        names(
                                "T",
                                "French Foreign Minister Jean-Yves Le Drian spoke.",
                                "Le Drian said no."))
                .containsExactly("Jean-Yves Le Drian");
    }

    @Test
    void acronymsEndANameButInitialsStayInIt() {
        assertThat(
                        names(
                                "T",
                                "NATO Secretary-General Jens Stoltenberg spoke.",
                                "Stoltenberg left.",
                                "U.S. President George W. Bush spoke.",
                                "Bush left."))
                .containsExactly("Jens Stoltenberg", "George W. Bush");
    }

    @Test
    void russianCaseFormsAreOneNameAndTheNominativeIsShown() {
        assertThat(
                        names(
                                "Захарова ответила",
                                "Официальный представитель МИД России Мария Захарова выступила.",
                                "По словам Захаровой, ответ будет."))
                .containsExactly("Мария Захарова");
    }

    @Test
    void mostMentionedFirstAndAtMostFive() {
        assertThat(
                        names(
                                "T",
                                "Anna Petrova met Boris Ivanov, Clara Smith, Dmitry Orlov, Elena Gromova and Fedor Lee.",
                                "Petrova spoke. Ivanov spoke. Smith spoke. Orlov spoke. Gromova spoke. Lee spoke. Lee again.",
                                "Lee left."))
                .containsExactly(
                        "Fedor Lee", "Anna Petrova", "Boris Ivanov", "Clara Smith", "Dmitry Orlov");
    }

    @Test
    void namesTheStoryOrTheVocabularyAlreadyHaveAreLeftOut() {
        assertThat(
                        tagger.entities(
                                "T",
                                List.of("Foreign Minister Sergei Ryabkov spoke.", "Ryabkov left."),
                                List.of("ryabkov")))
                .isEmpty();
        EntityTagger korea =
                new EntityTagger(List.of(new TagDef("DPRK", List.of("north korea"), false)));
        assertThat(
                        korea.entities(
                                "T",
                                List.of("Envoys went to North Korea.", "North Korea said no."),
                                List.of()))
                .isEmpty();
        assertThat(names("T", "Troops entered Damascus Old City.", "Damascus Old City is calm."))
                .containsExactly(
                        "Damascus Old City"); // another place: only the whole name or its last word
        // count
        assertThat(names("T", "Greater Syria was the aim.", "Greater Syria was never built."))
                .isEmpty();
    }

    @Test
    void placesRecurByTheirFullNameNotByTheirLastWord() {
        assertThat(names("T", "The White House said no.", "The House of Representatives voted."))
                .isEmpty();
    }

    @Test
    void nothingToRead() {
        assertThat(tagger.entities(null, null, null)).isEmpty();
        assertThat(new EntityTagger(null).entities("", List.of(""), List.of())).isEmpty();
    }
}
