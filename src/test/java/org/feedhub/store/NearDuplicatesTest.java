package org.feedhub.store;

import static org.assertj.core.api.Assertions.assertThat;

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
}
