package org.feedhub.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.feedhub.RandomText;
import org.feedhub.dedup.Fingerprint;
import org.junit.jupiter.api.Test;

class NearDuplicatesTest {
    @Test
    void shortTemplatedItemsAreNotComparedByContent() {
        assertThat(
                        NearDuplicates.fingerprint(
                                "Story 2 of source 5", "Text of story 2 from source 5."))
                .isEqualTo(Fingerprint.NONE);
    }

    @Test
    void aRealStoryGetsAFingerprint() {
        String text =
                "Russian Foreign Minister Sergei Lavrov said on Monday that a complete Iranian withdrawal from Syria "
                        + "was unrealistic, after talks in Moscow with his Jordanian counterpart Ayman Safadi about the south-west.";
        assertThat(
                        NearDuplicates.fingerprint("Lavrov: Iranian withdrawal unrealistic", text)
                                .isEmpty())
                .isFalse();
    }

    private static String words(int n) {
        return "w ".repeat(n).strip();
    }

    @Test
    void twentyFourWordsAreTooShortAndTwentyFiveAreNot() {
        assertThat(NearDuplicates.tooShort(null, words(24))).isTrue();
        assertThat(NearDuplicates.tooShort(null, words(25))).isFalse();
        assertThat(NearDuplicates.tooShort(words(24), null)).isTrue();
        assertThat(NearDuplicates.tooShort(null, null)).isTrue();
        assertThat(NearDuplicates.tooShort("", "   ")).isTrue();
    }

    @Test
    void theTitlesWordsCountWithTheTextsAndNeverJoinThem() {
        assertThat(NearDuplicates.tooShort(words(10), words(15))).isFalse();
        assertThat(NearDuplicates.tooShort("a", "b" + " w".repeat(23))).isFalse();
        assertThat(NearDuplicates.tooShort(words(10), words(14))).isTrue();
    }

    @Test
    void anyRunOfSpacesTabsAndLineBreaksSeparatesWords() {
        assertThat(NearDuplicates.tooShort("", "w\t\n \r\fw ".repeat(13))).isFalse();
        assertThat(NearDuplicates.tooShort("", "w\u00A0".repeat(30))).isTrue(); // not \s
    }

    @Test
    void countsAsSplittingTheJoinedTextAtWhitespaceDid() {
        RandomText texts = RandomText.ofChars(5, "ab \t\n\r.");
        for (int i = 0; i < 3000; i++) {
            String title = texts.next(20);
            String text = texts.next(80);
            boolean before =
                    (title + " " + text).trim().split("\\s+", NearDuplicates.MIN_WORDS + 1).length
                            < NearDuplicates.MIN_WORDS;
            assertThat(NearDuplicates.tooShort(title, text))
                    .as("%s|%s", title, text)
                    .isEqualTo(before);
        }
    }
}
