package org.feedhub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Entry ids: tag: URIs (RFC 4151) from the site's authority and the story's own identity. */
class EntryIdTest {
    static final String A = "news.example.org";

    @Test
    void aStoryWithALinkIsNamedByItsLink() {
        assertThat(EntryId.of(A, "https://wire.example/world/lavrov?id=7", "wire", "g1", "k"))
                .isEqualTo("tag:news.example.org,2026:https://wire.example/world/lavrov?id=7");
    }

    @Test
    void withoutALinkByItsFirstCarriersGuid() {
        assertThat(EntryId.of(A, null, "wire-world", "urn:uuid:1234", "k"))
                .isEqualTo("tag:news.example.org,2026:wire-world/guid/urn:uuid:1234");
    }

    @Test
    void withNeitherByTheCarriersItemKey() {
        assertThat(EntryId.of(A, " ", "wire", null, "ab12"))
                .isEqualTo("tag:news.example.org,2026:wire/item/ab12");
    }

    @Test
    void theSameGuidInTwoSourcesGivesTwoIds() {
        assertThat(EntryId.of(A, null, "a", "42", "k"))
                .isNotEqualTo(EntryId.of(A, null, "b", "42", "k"));
    }

    @Test
    void twoSitesNeverShareAnId() {
        assertThat(EntryId.of("a.example", "https://x.example/1", "s", null, "k"))
                .isNotEqualTo(EntryId.of("b.example", "https://x.example/1", "s", null, "k"));
    }

    @Test
    void aGuidWithSpacesPercentAndUnicodeIsEncodedIntoAValidUri() {
        String id = EntryId.of(A, null, "s", "100% <Лавров> #1", "k");
        assertThat(id)
                .isEqualTo(
                        "tag:news.example.org,2026:s/guid/100%25%20%3C%D0%9B%D0%B0%D0%B2%D1%80%D0%BE%D0%B2%3E%20%231");
        assertThat(URI.create(id).getScheme()).isEqualTo("tag");
    }

    @Test
    void aVeryLongIdentityIsHashed() {
        String id = EntryId.of(A, "https://x.example/" + "a".repeat(3000), "s", null, "k");
        assertThat(id).startsWith("tag:news.example.org,2026:sha256/").hasSizeLessThan(120);
        assertThat(id)
                .isEqualTo(EntryId.of(A, "https://x.example/" + "a".repeat(3000), "t", "g", "j"));
    }

    @Test
    void theAuthorityIsTheBaseUrlsHostElseTheInstallId() {
        assertThat(EntryId.authorityOf("https://News.Example.org:8443/feeds/", "ops@x.example"))
                .isEqualTo("news.example.org");
        assertThat(EntryId.authorityOf("", "ops@X.example")).isEqualTo("ops@x.example");
        assertThat(EntryId.authorityOf(null, "newsroom.example")).isEqualTo("newsroom.example");
        assertThat(EntryId.authorityOf("", "not an id")).isNull();
        assertThat(EntryId.authorityOf("", "")).isNull();
        assertThat(EntryId.authorityOf(null, null)).isNull();
    }

    @Test
    void validAuthorities() {
        assertThat(EntryId.validAuthority("news.example.org")).isTrue();
        assertThat(EntryId.validAuthority("ops+feeds@example.org")).isTrue();
        assertThat(EntryId.validAuthority("@example.org")).isFalse();
        assertThat(EntryId.validAuthority("a@b@c")).isFalse();
        assertThat(EntryId.validAuthority("exa mple.org")).isFalse();
        assertThat(EntryId.validAuthority(".example.org")).isFalse();
        assertThat(EntryId.validAuthority("x".repeat(201))).isFalse();
    }
}
