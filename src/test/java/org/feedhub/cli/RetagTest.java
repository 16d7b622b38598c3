package org.feedhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code retag} after an editor corrected the vocabulary: stored stories gain the new tag and lose
 * the dropped one, feed categories stay, and the topics that match by tag are re-filed.
 */
class RetagTest {
    @TempDir Path dir;

    MainTest.Result run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--feedhub.feeds=" + dir.resolve("feeds.yml");
        all[args.length + 1] =
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
        return MainTest.run(all);
    }

    void feeds(String tags) throws Exception {
        Files.writeString(
                dir.resolve("feeds.yml"),
                """
                sources:
                  - {id: wire, url: "file:world.rss"}
                topics:
                  - {id: moscow, title: Moscow, match: {tags: [Moscow]}}
                  - {id: helsinki, title: Helsinki, match: {tags: [Helsinki]}}
                tags:
                """
                        + tags);
    }

    @Test
    void aCorrectedVocabularyRetagsStoredStoriesAndRefilesTopics() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/e2e/world.rss")) {
            Files.write(dir.resolve("world.rss"), in.readAllBytes());
        }
        feeds("  Helsinki: [helsinki]\n  Moscow: [moskva]\n");
        assertThat(run("aggregate").status()).isZero();
        String lavrov = "https://wire.test/2018/07/12/lavrov-safadi?id=7";
        assertThat(run("explain", "moscow", lavrov).out()).contains("NOT IN");

        feeds("  Helsinki: [helsinki-nowhere]\n  Moscow: [moscow]\n");
        MainTest.Result r = run("retag");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out())
                .startsWith("retag: 3 stories read, tags changed on 2\n")
                .contains("  tag Helsinki: +0 −1\n", "  tag Moscow: +1 −0\n")
                .contains("  topic helsinki: +0 −1\n", "  topic moscow: +1 −0\n");
        MainTest.Result explained = run("explain", "moscow", lavrov);
        assertThat(explained.out())
                .contains("topic moscow (Moscow): IN\n")
                .contains("Diplomacy") // the feed's category stays
                .contains("tags: yes — the story carries \"Moscow\"")
                .contains("stored: filed under moscow");

        MainTest.Result again = run("retag");
        assertThat(again.out())
                .startsWith("retag: 3 stories read, tags changed on 0\n")
                .contains("topics: no story joined or left a topic");
    }
}
