package org.feedhub.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.feedhub.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A failed live reload of feeds.yml, whatever the cause, is refused and leaves the last good file
 * in force; the next good edit still takes effect (polling goes on).
 */
@SpringBootTest(
        classes = org.feedhub.app.FeedhubApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE)
class LiveReloadTest {
    static final Path dir;
    static final String GOOD =
            "sources:\n  - id: a\n    url: https://a.test/feed\ntopics:\n  - id: all\n    title: All\n";

    static {
        try {
            dir = Files.createTempDirectory("feedhub-reload");
            Files.writeString(dir.resolve("feeds.yml"), GOOD);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry r) {
        r.add("feedhub.feeds", () -> dir.resolve("feeds.yml").toString());
        r.add("feedhub.schedule.enabled", () -> "false");
        TestDatabase.register(r, "reload");
    }

    @Autowired LiveConfig live;
    @Autowired JdbcTemplate jdbc;

    void write(String yml) throws Exception {
        Files.writeString(dir.resolve("feeds.yml"), yml);
    }

    @Test
    void anIdLongerThanItsColumnIsRefusedAndTheNextGoodEditTakesEffect() throws Exception {
        String longId = "x".repeat(150);
        write(GOOD.replace("id: a\n", "id: " + longId + "\n"));
        assertThat(live.reloadIfChanged()).isFalse();
        assertThat(live.lastError()).contains("sources[0].id", "150 characters", "at most 100");
        assertThat(live.config().source("a")).isPresent();

        write(GOOD.replace("id: a\n", "id: b\n"));
        assertThat(live.reloadIfChanged()).isTrue();
        assertThat(live.lastError()).isNull();
        assertThat(live.config().source("b")).isPresent();
        write(GOOD);
        assertThat(live.reloadIfChanged()).isTrue();
    }

    @Test
    void anEditTheDatabaseRefusesIsRefusedLikeAnInvalidOne() throws Exception {
        // a column narrower than the checks know: the file is valid, the database refuses it
        jdbc.execute("ALTER TABLE source ALTER COLUMN url SET DATA TYPE VARCHAR(30)");
        try {
            write(
                    GOOD.replace(
                            "topics:",
                            "  - id: b\n    url: https://b.test/a-rather-long-feed-path.rss\ntopics:"));
            assertThat(live.reloadIfChanged()).isFalse();
            assertThat(live.lastError()).startsWith("could not apply it:");
            assertThat(live.config().source("b")).isEmpty();
        } finally {
            jdbc.execute("ALTER TABLE source ALTER COLUMN url SET DATA TYPE VARCHAR(2048)");
        }
        write(GOOD.replace("id: a\n", "id: c\n"));
        assertThat(live.reloadIfChanged()).isTrue();
        write(GOOD);
        assertThat(live.reloadIfChanged()).isTrue();
    }
}
