package org.feedhub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database made by an earlier feedhub (user sa, empty password) keeps working: the jar gives it
 * the generated password kept in data/.db-password, after which the empty password no longer opens
 * it.
 */
class H2PasswordIT {
    @TempDir Path dir;

    static Connection open(Path db, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "sa");
        p.setProperty("password", password);
        return new org.h2.Driver().connect("jdbc:h2:file:" + db + ";AUTO_SERVER=TRUE", p);
    }

    @Test
    void anOldDatabaseAtTheEmptyPasswordIsMigratedAndKeepsItsData() throws Exception {
        Path db = dir.resolve("data/feedhub");
        Files.createDirectories(db.getParent());
        try (Connection c = open(db, "")) {
            // (outside PUBLIC, which Flyway wants empty or its own)
            c.createStatement().execute("CREATE SCHEMA earlier");
            c.createStatement().execute("CREATE TABLE earlier.kept_before (x INT)");
        }
        Files.writeString(
                dir.resolve("feed.rss"),
                "<rss version=\"2.0\"><channel><title>t</title><link>https://t.test/</link><description>d</description>"
                        + "<item><title>One story</title><link>https://t.test/1</link></item></channel></rss>");
        Files.writeString(
                dir.resolve("feeds.yml"),
                "sources:\n  - id: local\n    url: file:feed.rss\ntopics:\n  - id: all\n    title: All\n");
        try (ChildJvm run = ChildJvm.start(dir, "aggregate", List.of("aggregate"))) {
            assertThat(run.await(Duration.ofSeconds(120))).as(run.output()).isZero();
            assertThat(run.stdout()).containsPattern("(?m)^local\\s+1 new");
        }
        String password = Files.readString(dir.resolve("data/.db-password")).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(24);
        assertThatThrownBy(() -> open(db, "").close()).isInstanceOf(SQLException.class);
        try (Connection c = open(db, password)) {
            assertThat(
                            c.createStatement()
                                    .executeQuery("SELECT COUNT(*) FROM earlier.kept_before")
                                    .next())
                    .isTrue();
        }
        // and it keeps working on the next run
        try (ChildJvm again = ChildJvm.start(dir, "again", List.of("aggregate"))) {
            assertThat(again.await(Duration.ofSeconds(120))).as(again.output()).isZero();
        }
    }
}
