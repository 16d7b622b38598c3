package org.feedhub.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalUrlTest {

    @ParameterizedTest(name = "[{index}] {0} (base {1}) -> {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            textBlock =
                    """
            # scheme and host case, default ports
            HTTP://Example.COM/Path                               | null | http://example.com/Path
            HtTpS://example.com/A?Q=1                             | null | https://example.com/A?Q=1
            https://example.com:443/a                             | null | https://example.com/a
            http://example.com:80/a                               | null | http://example.com/a
            http://example.com:443/a                              | null | http://example.com:443/a
            https://example.com:80/a                              | null | https://example.com:80/a
            https://example.com:8443/a                            | null | https://example.com:8443/a
            http://example.com:8080                               | null | http://example.com:8080/
            http://example.com:/a                                 | null | http://example.com/a
            http://example.com:0080/a                             | null | http://example.com/a
            https://EXAMPLE.com./a                                | null | https://example.com/a
            https://user:pw@example.com/a                         | null | https://example.com/a
            # fragments
            https://example.com/a#section                         | null | https://example.com/a
            https://example.com/a?q=1#utm_source=x                | null | https://example.com/a?q=1
            https://example.com/#                                 | null | https://example.com/
            # tracking parameters
            https://example.com/a?utm_source=x&utm_medium=y&id=5  | null | https://example.com/a?id=5
            https://example.com/a?id=5&utm_campaign=z&b=2         | null | https://example.com/a?id=5&b=2
            https://example.com/a?utm_content=1&utm_term=2        | null | https://example.com/a
            https://example.com/a?utm_whatever_new=1&p=2          | null | https://example.com/a?p=2
            https://example.com/a?fbclid=abc                      | null | https://example.com/a
            https://example.com/a?gclid=1&dclid=2&msclkid=3       | null | https://example.com/a
            https://example.com/a?yclid=4&x=1                     | null | https://example.com/a?x=1
            https://example.com/a?mc_cid=1&mc_eid=2               | null | https://example.com/a
            https://example.com/a?igshid=3&ref_src=4              | null | https://example.com/a
            https://example.com/a?_hsenc=5&_hsmi=6&keep=1         | null | https://example.com/a?keep=1
            https://example.com/a?UTM_SOURCE=x&q=1                | null | https://example.com/a?q=1
            https://example.com/a?utm%5Fsource=x&q=1              | null | https://example.com/a?q=1
            https://example.com/a?utm_source                      | null | https://example.com/a
            https://example.com/a?utm_source=                     | null | https://example.com/a
            https://example.com/a?ref=home                        | null | https://example.com/a?ref=home
            https://example.com/a?utmost=1                        | null | https://example.com/a?utmost=1
            https://example.com/a?xfbclid=1                       | null | https://example.com/a?xfbclid=1
            # remaining parameters keep order and encoding
            https://example.com/a?b=2&a=1                         | null | https://example.com/a?b=2&a=1
            https://example.com/a?q=a%20b&x=%E2%9C%93             | null | https://example.com/a?q=a%20b&x=%E2%9C%93
            https://example.com/a?q=a+b                           | null | https://example.com/a?q=a+b
            https://example.com/a?q=%7e                           | null | https://example.com/a?q=%7e
            https://example.com/a?q=1&&r=2                        | null | https://example.com/a?q=1&r=2
            https://example.com/a?=x                              | null | https://example.com/a?=x
            https://example.com/a?q=%                             | null | https://example.com/a?q=%
            https://example.com/a?                                | null | https://example.com/a
            https://example.com/a?&                               | null | https://example.com/a
            https://example.com/a;jsessionid=1?x=1                | null | https://example.com/a;jsessionid=1?x=1
            https://example.com/path?q=a b                        | null | https://example.com/path?q=a%20b
            # paths
            https://example.com                                   | null | https://example.com/
            https://example.com?x=1                               | null | https://example.com/?x=1
            https://example.com/a/./b/../c                        | null | https://example.com/a/c
            https://example.com/a/b/..                            | null | https://example.com/a/
            https://example.com/a/.                               | null | https://example.com/a/
            https://example.com/../../a                           | null | https://example.com/a
            https://example.com/%7Euser                           | null | https://example.com/%7Euser
            https://example.com/A/B/                              | null | https://example.com/A/B/
            https://example.com/a b                               | null | https://example.com/a%20b
            https://example.com/a"b<c>                            | null | https://example.com/a%22b%3Cc%3E
            http:\\\\example.com\\a\\b                            | null | http://example.com/a/b
            # international names
            https://münchen.example/straße                        | null | https://xn--mnchen-3ya.example/stra%C3%9Fe
            https://пример.рф/путь                                | null | https://xn--e1afmkfd.xn--p1ai/%D0%BF%D1%83%D1%82%D1%8C
            https://ПРИМЕР.РФ/                                    | null | https://xn--e1afmkfd.xn--p1ai/
            https://[2001:DB8::1]:443/x                           | null | https://[2001:db8::1]/x
            https://[2001:db8::1]:8443/x                          | null | https://[2001:db8::1]:8443/x
            http://192.168.0.1:80/x                               | null | http://192.168.0.1/x
            # relative references
            /story/1                 | https://example.com/news/index.html         | https://example.com/story/1
            story/1                  | https://example.com/news/index.html         | https://example.com/news/story/1
            ../up                    | https://example.com/news/deep/index.html    | https://example.com/news/up
            ../../../../up           | https://example.com/news/index.html         | https://example.com/up
            ./same                   | https://example.com/news/index.html         | https://example.com/news/same
            .                        | https://example.com/news/index.html         | https://example.com/news/
            ?page=2                  | https://example.com/news/list?page=1        | https://example.com/news/list?page=2
            '#frag'                  | https://example.com/news/a?x=1#top          | https://example.com/news/a?x=1
            //cdn.example.com/x      | https://example.com/                        | https://cdn.example.com/x
            //cdn.example.com/x      | http://example.com/                         | http://cdn.example.com/x
            https://other.example/x  | https://example.com/                        | https://other.example/x
            story?utm_source=rss     | https://example.com/news/                   | https://example.com/news/story
            x                        | https://example.com                         | https://example.com/x
            http:foo                 | http://example.com/a/b                      | http://example.com/a/foo
            /a                       | HTTPS://EXAMPLE.COM:443/feed                | https://example.com/a
            /a b                     | https://example.com/                        | https://example.com/a%20b
            # not http(s) or not a URL
            /rel                     | null                                        | null
            story                    | null                                        | null
            not a url at all         | null                                        | null
            javascript:alert(1)      | https://example.com/                        | null
            JAVASCRIPT:alert(1)      | null                                        | null
            mailto:a@b.c             | https://example.com/                        | null
            ftp://example.com/file   | null                                        | null
            data:text/html,hi        | null                                        | null
            file:///etc/passwd       | null                                        | null
            /rel                     | file:/srv/feeds/world.xml                   | null
            /rel                     | not a base                                  | null
            https:                   | null                                        | null
            https:/example.com/a     | null                                        | null
            http://                  | null                                        | null
            http://:80/              | null                                        | null
            https://exa mple.com/    | null                                        | null
            https://exa_mple.com/    | null                                        | https://exa_mple.com/
            https://example.com:99999/ | null                                      | null
            https://example.com:abc/ | null                                        | null
            https://[::1/x           | null                                        | null
            https://a..b/            | null                                        | null
            1http://example.com/     | null                                        | null
            """)
    void canonicalizes(String url, String base, String expected) {
        assertThat(CanonicalUrl.canonicalize(url, base)).isEqualTo(expected);
    }

    @Test
    void trimsSurroundingWhitespaceAndDropsEmbeddedTabsAndNewlines() {
        assertThat(CanonicalUrl.canonicalize(" \t https://example.com/x \n", null))
                .isEqualTo("https://example.com/x");
        assertThat(CanonicalUrl.canonicalize("https://exam\nple.com/a\tb", null))
                .isEqualTo("https://example.com/ab");
    }

    @Test
    void obfuscatedJavascriptSchemeIsRejected() {
        assertThat(CanonicalUrl.canonicalize("java\tscript:alert(1)", "https://example.com/"))
                .isNull();
        assertThat(CanonicalUrl.canonicalize("  javascript:alert(1)", "https://example.com/"))
                .isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n"})
    void blankUrlIsNullEvenWithBase(String url) {
        assertThat(CanonicalUrl.canonicalize(url, "https://example.com/")).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://%",
                "https://[",
                "https://ex ample.com:1:2/",
                "::::",
                "http://\u0000/",
                "https://a.com:-1/",
                "https://\uD800.com/",
                "http://[zz::1]/",
                "https://a.com:1:2/",
                "http://a@/"
            })
    void garbageGivesNullWithoutThrowing(String url) {
        assertThat(CanonicalUrl.canonicalize(url, null)).isNull();
        assertThat(CanonicalUrl.canonicalize("x", url)).isNull();
    }

    @Test
    void extraParametersAreStrippedCaseInsensitively() {
        assertThat(
                        CanonicalUrl.canonicalize(
                                "https://example.com/a?ref=home&id=1&From=rss",
                                null,
                                Set.of("ref", "from")))
                .isEqualTo("https://example.com/a?id=1");
    }

    @Test
    void extraParameterEndingInStarIsAPrefix() {
        assertThat(
                        CanonicalUrl.canonicalize(
                                "https://example.com/a?pk_campaign=x&pk_kwd=y&pkg=1",
                                null,
                                Set.of("pk_*")))
                .isEqualTo("https://example.com/a?pkg=1");
    }

    @Test
    void extraParametersAddToTheDefaultsRatherThanReplaceThem() {
        assertThat(
                        CanonicalUrl.canonicalize(
                                "https://example.com/a?utm_source=x&ref=1&q=2",
                                null,
                                Set.of("ref")))
                .isEqualTo("https://example.com/a?q=2");
    }

    @Test
    void nullOrBlankExtraSetEntriesAreIgnored() {
        assertThat(CanonicalUrl.canonicalize("https://example.com/a?q=1", null, null))
                .isEqualTo("https://example.com/a?q=1");
        assertThat(CanonicalUrl.canonicalize("https://example.com/a?q=1", null, Set.of(" ")))
                .isEqualTo("https://example.com/a?q=1");
    }

    @Test
    void canonicalFormIsStable() {
        String once =
                CanonicalUrl.canonicalize(
                        "HTTPS://Example.com:443/a/../b?utm_source=x&k=v#f", null);
        assertThat(once).isEqualTo("https://example.com/b?k=v");
        assertThat(CanonicalUrl.canonicalize(once, null)).isEqualTo(once);
    }
}
