package org.feedhub.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaggerTest {

    private static Map<String, List<String>> vocabulary() {
        Map<String, List<String>> v = new LinkedHashMap<>();
        v.put("Syria", List.of("syria", "syrian", "damascus", "douma"));
        v.put("Iran", List.of("iran", "iranian", "tehran"));
        v.put("Lavrov", List.of("lavrov", "лавров"));
        v.put("North Korea", List.of("north korea", "pyongyang"));
        return v;
    }

    private final Tagger tagger = new Tagger(vocabulary());

    @Test
    void sourceTagsThenFeedCategoriesThenVocabularyInVocabularyOrder() {
        assertThat(
                        tagger.tags(
                                List.of("world"),
                                List.of("Politics"),
                                "Lavrov in Tehran",
                                "Talks on Syria continued."))
                .containsExactly("world", "Politics", "Syria", "Iran", "Lavrov");
    }

    @Test
    void vocabularyMatchesTitleOrText() {
        assertThat(tagger.tags(List.of(), List.of(), "Lavrov speaks", ""))
                .containsExactly("Lavrov");
        assertThat(tagger.tags(List.of(), List.of(), "", "Лавров заявил"))
                .containsExactly("Lavrov");
        assertThat(tagger.tags(List.of(), List.of(), "Visit to Pyongyang", null))
                .containsExactly("North Korea");
    }

    @Test
    void vocabularyNeedsWholeWords() {
        assertThat(tagger.tags(List.of(), List.of(), "Iranians and Syrians", "Lavrovsky street"))
                .containsExactly();
    }

    @Test
    void phrasesDoNotSpanTitleAndText() {
        assertThat(tagger.tags(List.of(), List.of(), "Talks in the North", "Korea responds"))
                .isEmpty();
    }

    @Test
    void feedCategoriesAreTrimmedBlankDroppedAndDedupedKeepingFirstSpelling() {
        assertThat(
                        tagger.tags(
                                List.of(),
                                Arrays.asList(
                                        "  World News ",
                                        "",
                                        null,
                                        "  ",
                                        "world news",
                                        "WORLD NEWS",
                                        "Europe"),
                                "",
                                ""))
                .containsExactly("World News", "Europe");
    }

    @Test
    void noCaseInsensitiveDuplicatesAcrossKinds() {
        assertThat(
                        tagger.tags(
                                List.of("syria"),
                                List.of("SYRIA", "Lavrov"),
                                "Syria and Lavrov",
                                ""))
                .containsExactly("syria", "Lavrov");
    }

    @Test
    void categoriesAreCleaned() {
        assertThat(
                        tagger.tags(
                                List.of(),
                                List.of("Arts &amp; Culture", "Middle\u00A0East"),
                                "",
                                ""))
                .containsExactly("Arts & Culture", "Middle East");
    }

    @Test
    void nullListsAreEmpty() {
        assertThat(tagger.tags(null, null, null, null)).isEmpty();
    }

    @Test
    void vocabularyTagWithoutPhrasesIsMatchedByItsName() {
        Map<String, List<String>> v = new LinkedHashMap<>();
        v.put("Ukraine", List.of());
        v.put("NATO", null);
        Tagger t = new Tagger(v);
        assertThat(t.tags(List.of(), List.of(), "NATO and Ukraine", ""))
                .containsExactly("Ukraine", "NATO");
    }

    @Test
    void aPhraseMayServeSeveralTags() {
        Map<String, List<String>> v = new LinkedHashMap<>();
        v.put("Middle East", List.of("damascus"));
        v.put("Syria", List.of("damascus"));
        assertThat(new Tagger(v).tags(List.of(), List.of(), "Damascus", ""))
                .containsExactly("Middle East", "Syria");
    }

    @Test
    void emptyOrNullVocabularyOnlyPassesTagsThrough() {
        assertThat(new Tagger(Map.of()).tags(List.of("a"), List.of("b"), "Syria", "Iran"))
                .containsExactly("a", "b");
        assertThat(new Tagger(null).tags(List.of("a"), List.of(), "Syria", ""))
                .containsExactly("a");
    }

    @Test
    void resultIsUnmodifiable() {
        List<String> tags = tagger.tags(List.of("a"), List.of(), "", "");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tags.add("b"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aStemTagMatchesOtherFormsAnExactTagDoesNot() {
        Tagger t =
                Tagger.of(
                        List.of(
                                new org.feedhub.config.TagDef("Syria", List.of("syria"), false),
                                new org.feedhub.config.TagDef(
                                        "Lavrov", List.of("лавров", "lavrov"), true),
                                new org.feedhub.config.TagDef(
                                        "Sanctions", List.of("sanctions"), true)));
        assertThat(
                        t.tags(
                                List.of(),
                                List.of(),
                                "Syrian talks",
                                "Встреча с Лавровым; the EU sanctioned banks"))
                .containsExactly("Lavrov", "Sanctions");
        assertThat(t.tags(List.of(), List.of(), "Syria", "")).containsExactly("Syria");
    }

    @Test
    void onePhraseMayBeExactForOneTagAndStemmedForAnother() {
        Tagger t =
                Tagger.of(
                        List.of(
                                new org.feedhub.config.TagDef(
                                        "Syria (exact)", List.of("syria"), false),
                                new org.feedhub.config.TagDef(
                                        "Syria (stem)", List.of("syria"), true)));
        assertThat(t.tags(List.of(), List.of(), "Syrians", "")).containsExactly("Syria (stem)");
        assertThat(t.tags(List.of(), List.of(), "Syria", ""))
                .containsExactly("Syria (exact)", "Syria (stem)");
    }

    @Test
    void theMostCommonSpellingOfAFeedCategoryIsKept() {
        assertThat(
                        tagger.tags(
                                List.of(),
                                List.of(
                                        "middle east",
                                        "Middle East",
                                        "Europe",
                                        "Middle East",
                                        "MIDDLE EAST"),
                                "",
                                ""))
                .containsExactly("Middle East", "Europe");
    }

    @Test
    void categoriesCompareIgnoringAccentsToo() {
        assertThat(
                        tagger.tags(
                                List.of(),
                                List.of(
                                        "Café Society",
                                        "Cafe Society",
                                        "cafe society",
                                        "Cafe Society"),
                                "",
                                ""))
                .containsExactly("Cafe Society");
    }

    @Test
    void theEditorsSpellingWinsOverTheFeeds() {
        assertThat(tagger.tags(List.of(), List.of("SYRIA", "SYRIA", "Politics"), "Damascus", ""))
                .containsExactly("Syria", "Politics");
        assertThat(tagger.tags(List.of("World"), List.of("world", "world"), "", ""))
                .containsExactly("World");
    }
}
