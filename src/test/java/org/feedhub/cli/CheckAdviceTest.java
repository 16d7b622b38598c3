package org.feedhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} as an editor meets it: syntax slips in words, missing files, warnings. */
class CheckAdviceTest {
    @TempDir Path dir;

    MainTest.Result check(String yaml, String... settings) throws IOException {
        Path feeds = dir.resolve("my-feeds.yml");
        Files.writeString(feeds, yaml, StandardCharsets.UTF_8);
        String[] args = new String[settings.length + 2];
        args[0] = "check";
        args[1] = "--feedhub.feeds=" + feeds;
        System.arraycopy(settings, 0, args, 2, settings.length);
        return MainTest.run(args);
    }

    @Test
    void anUnquotedColonInAValueShowsTheLineACaretAndHowToQuoteIt() throws IOException {
        MainTest.Result r =
                check(
                        """
                        sources:
                          - id: a
                            url: https://a.example/feed
                            title: Iran: the talks
                        """);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err())
                .isEqualTo(
                        "feedhub: "
                                + dir.resolve("my-feeds.yml")
                                + ":4: not valid YAML: a value contains ': '\n"
                                + "    4 |     title: Iran: the talks\n"
                                + "      |                ^\n"
                                + "  hint: quote a value that contains ': ', e.g. title: \"Iran: the talks\"\n");
    }

    @Test
    void aKeyIndentedOffItsEntrySaysHowFarTheKeysAboveAre() throws IOException {
        MainTest.Result r =
                check(
                        """
                        sources:
                          - id: a
                            url: https://a.example/feed
                           title: A
                        """);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err())
                .contains(":4: not valid YAML: bad indentation")
                .contains("    4 |    title: A\n      |    ^\n")
                .contains(
                        "hint: this line is indented 3 spaces but the keys above it are indented 4 spaces")
                .doesNotContain("<block end>", "'?'");
    }

    @Test
    void aTopicKeyDedentedFromItsEntryIsBadIndentationNotParserJargon() throws IOException {
        MainTest.Result r =
                check(
                        """
                        sources:
                          - {id: a, url: "https://a.example/feed"}
                        topics:
                          - id: t
                            title: T
                          match:
                              any: [x]
                        """);
        assertThat(r.err())
                .contains(":6: not valid YAML: bad indentation", "indented 2 spaces", "4 spaces")
                .doesNotContain("expected <block end>");
    }

    @Test
    void aKeyIndentedTooFarIsBadIndentationNotAQuotingProblem() throws IOException {
        MainTest.Result r =
                check(
                        """
                        sources:
                          - id: a
                             url: https://a.example/feed
                        """);
        assertThat(r.err())
                .contains(":3: not valid YAML: bad indentation", "indented 5 spaces")
                .doesNotContain("mapping values", "quote");
    }

    @Test
    void aTabIsNamedWithItsColumn() throws IOException {
        MainTest.Result r = check("sources:\n  - id: a\n\turl: https://a.example/feed\n");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err())
                .contains(":3: not valid YAML: a tab character")
                .contains("    3 |  url: https://a.example/feed\n      | ^\n")
                .contains("hint: YAML indents with spaces only; replace the tab with spaces");
    }

    @Test
    void aMissingFileSourceIsAnErrorNamingTheLine() throws IOException {
        MainTest.Result r =
                check(
                        """
                        sources:
                          - id: here
                            url: https://a.example/feed
                          - id: local
                            url: file:samples/missing.rss
                        """);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines())
                .containsExactly(
                        "feedhub: my-feeds.yml:4: sources[1] (local).url: no such file samples/missing.rss");
    }

    @Test
    void aFileSourceOutsideTheFolderIsAnError() throws IOException {
        MainTest.Result r =
                check("sources:\n  - id: passwd\n    url: file:../../../../etc/passwd\n");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .contains("sources[0] (passwd).url:", "is outside", "only from the folder");
    }

    @Test
    void anExistingFileSourceIsFine() throws IOException {
        Files.writeString(dir.resolve("local.rss"), "<rss/>");
        MainTest.Result r = check("sources:\n  - id: local\n    url: file:local.rss\n");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).endsWith(dir.resolve("my-feeds.yml") + " is valid.\n");
    }

    @Test
    void aTopicTagNothingDefinesIsAWarningWithItsLine() throws IOException {
        MainTest.Result r =
                check(
                        """
                        sources:
                          - {id: a, url: "https://a.example/feed", tags: [World]}
                        topics:
                          - id: t
                            title: T
                            match:
                              tags: [Syria, world, Syra]
                        tags:
                          Syria: [syria]
                        """);
        assertThat(r.status()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("warning:")))
                .containsExactly(
                        "warning: my-feeds.yml:7: topics[0].match.tags: 'Syra' is neither in the"
                                + " tag vocabulary (tags:) nor a source's tag; only stories whose"
                                + " feed has that category will match");
    }

    @Test
    void aLoopbackOrPrivateSourceWarnsWhilePrivateNetworksAreOff() throws IOException {
        String yaml =
                """
                sources:
                  - {id: loop, url: "http://127.0.0.1:8081/feed"}
                  - {id: home, url: "http://localhost/feed"}
                  - {id: lan, url: "http://192.168.1.20/rss"}
                  - {id: web, url: "https://wire.example/feed"}
                """;
        MainTest.Result off = check(yaml);
        assertThat(off.status()).isZero();
        assertThat(off.out().lines().filter(l -> l.startsWith("warning:")))
                .hasSize(3)
                .allMatch(l -> l.contains("private networks are off"))
                .anyMatch(l -> l.contains("sources[0] (loop)"))
                .anyMatch(l -> l.contains("sources[1] (home)"))
                .anyMatch(l -> l.contains("my-feeds.yml:4: sources[2] (lan)"));
        MainTest.Result on = check(yaml, "--feedhub.fetch.allow-private-networks=true");
        assertThat(on.out()).doesNotContain("warning:");
    }
}
