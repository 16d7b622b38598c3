package org.feedhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code explain TOPIC_ID LINK} on stories stored by a real {@code aggregate} (in-process, H2 file
 * database, a {@code file:} source): which rule let a story in or kept it out.
 */
class ExplainTest {
    @TempDir static Path dir;

    @BeforeAll
    static void aggregateOnce() throws IOException {
        try (InputStream in = ExplainTest.class.getResourceAsStream("/e2e/world.rss")) {
            Files.write(dir.resolve("world.rss"), in.readAllBytes());
        }
        Files.writeString(
                dir.resolve("feeds.yml"),
                """
                sources:
                  - {id: wire, url: "file:world.rss", tags: [world]}
                topics:
                  - id: lavrov
                    title: Lavrov
                    match: {any: [lavrov, лавров], none: [football]}
                  - id: russia-no-sport
                    title: Russia
                    match: {any: [russia, moscow], none: [football]}
                  - id: diplomacy
                    title: Diplomacy
                    match: {tags: [diplomacy]}
                  - id: elsewhere
                    title: Elsewhere
                    sources: []
                """);
        MainTest.Result r = run("aggregate");
        assertThat(r.status()).as(r.err()).isZero();
    }

    static MainTest.Result run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--feedhub.feeds=" + dir.resolve("feeds.yml");
        all[args.length + 1] =
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
        return MainTest.run(all);
    }

    @Test
    void aMatchingPhraseLetsTheStoryIn() {
        MainTest.Result r =
                run(
                        "explain",
                        "lavrov",
                        "https://wire.test/2018/07/12/lavrov-safadi?utm_source=rss&id=7");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Lavrov meets Safadi in Moscow")
                .contains("carried by: wire")
                .contains("topic lavrov (Lavrov): IN")
                .contains("sources: yes — carried by wire; the topic takes every source")
                .contains("any: yes — \"lavrov\" occurs (exact words)")
                .contains("none: no veto — none of \"football\" occurs")
                .contains("stored: filed under lavrov, as feeds.yml says");
    }

    @Test
    void aNonePhraseVetoesAStoryThatMatched() {
        MainTest.Result r =
                run("explain", "russia-no-sport", "https://wire.test/2018/07/08/football");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("topic russia-no-sport (Russia): NOT IN")
                .contains("any: yes — \"russia\" occurs")
                .contains(
                        "none: vetoed — \"football\" occurs (exact words); a none phrase always wins")
                .contains("stored: not filed under russia-no-sport, as feeds.yml says");
    }

    @Test
    void aTagTheStoryCarriesIsNamed() {
        MainTest.Result r =
                run("explain", "diplomacy", "https://wire.test/2018/07/12/lavrov-safadi?id=7");
        assertThat(r.out())
                .contains("topic diplomacy (Diplomacy): IN")
                .contains("tags: yes — the story carries \"diplomacy\"");
        MainTest.Result no = run("explain", "diplomacy", "https://wire.test/2018/07/08/football");
        assertThat(no.out())
                .contains("NOT IN")
                .contains("tags: no — it carries none of \"diplomacy\" (its tags: ");
    }

    @Test
    void unknownTopicIsExitTwoAndUnknownLinkExitOne() {
        MainTest.Result topic = run("explain", "nope", "https://wire.test/x");
        assertThat(topic.status()).isEqualTo(2);
        assertThat(topic.errLines())
                .containsExactly(
                        "feedhub: explain: no topic 'nope' in feeds.yml (its topics: lavrov, russia-no-sport, diplomacy, elsewhere)");
        MainTest.Result link = run("explain", "lavrov", "https://wire.test/never");
        assertThat(link.status()).isEqualTo(1);
        assertThat(link.errLines())
                .singleElement()
                .asString()
                .contains("no stored story has the link https://wire.test/never");
        assertThat(run("explain", "lavrov").status()).isEqualTo(2);
    }
}
