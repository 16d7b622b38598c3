package org.feedhub.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TagSlugTest {

    @Test
    void aPlainLowerCaseTagKeepsItsName() {
        assertThat(TagSlug.of("russia")).isEqualTo("russia");
        assertThat(TagSlug.of("g7-summit")).isEqualTo("g7-summit");
    }

    @Test
    void capitalsAreFoldedAndHashedSoTheyDoNotCollide() {
        assertThat(TagSlug.of("Russia")).matches("russia-[0-9a-f]{10}");
        assertThat(TagSlug.of("Russia")).isNotEqualTo(TagSlug.of("russia"));
        assertThat(TagSlug.of("RUSSIA")).isNotEqualTo(TagSlug.of("Russia"));
    }

    @Test
    void spacesAndPunctuationBecomeOneDash() {
        assertThat(TagSlug.of("U.S. politics")).matches("u-s-politics-[0-9a-f]{10}");
    }

    @Test
    void aTagWithoutAsciiLettersStillGetsAName() {
        assertThat(TagSlug.of("Дипломатия")).matches("tag-[0-9a-f]{10}");
        assertThat(TagSlug.of("Дипломатия")).isNotEqualTo(TagSlug.of("Лавров"));
    }

    @Test
    void aPathCannotEscapeTheFolder() {
        assertThat(TagSlug.of("../../etc/passwd")).matches("etc-passwd-[0-9a-f]{10}");
        assertThat(TagSlug.of("a/b\\c")).matches("a-b-c-[0-9a-f]{10}");
    }

    @Test
    void aLongTagIsCut() {
        assertThat(TagSlug.of("x".repeat(200))).hasSize(60 + 1 + 10);
    }

    @Test
    void theSameTagAlwaysGetsTheSameName() {
        assertThat(TagSlug.of("<b>tag</b>")).isEqualTo(TagSlug.of("<b>tag</b>"));
    }
}
