package org.feedhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} names the sources whose feed moved or was retired, from the database of earlier
 * passes.
 */
class CheckMovedSourcesTest {
    @TempDir Path dir;

    String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status =
                Main.run(
                        Main.Invocation.parse(args),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void movedAndRetiredSourcesAreNamedWithWhatToDo() throws Exception {
        Files.writeString(
                dir.resolve("feeds.yml"),
                """
                sources:
                  - {id: moved, url: "https://old.example/feed"}
                  - {id: gone, url: "https://gone.example/feed"}
                  - {id: fine, url: "https://fine.example/feed"}
                """);
        String db = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
        try (Connection c = DriverManager.getConnection(db, "sa", "")) {
            c.createStatement()
                    .execute(
                            "CREATE TABLE source (id VARCHAR(100), url VARCHAR(2048), effective_url VARCHAR(2048), "
                                    + "retired_at TIMESTAMP WITH TIME ZONE, active BOOLEAN)");
            c.createStatement()
                    .execute(
                            "INSERT INTO source VALUES ('moved', 'https://old.example/feed', 'https://new.example/feed', NULL, TRUE), "
                                    + "('gone', 'https://gone.example/feed', NULL, CURRENT_TIMESTAMP, TRUE), ('fine', 'https://fine.example/feed', NULL, NULL, TRUE)");
        }
        String out =
                run(
                        "check",
                        "--feedhub.feeds=" + dir.resolve("feeds.yml"),
                        "--spring.datasource.url=" + db);
        assertThat(out)
                .contains(
                        "feeds.yml is valid.",
                        "note: source moved now lives at https://new.example/feed; update its url in feeds.yml",
                        "note: source gone was retired (410 Gone)")
                .doesNotContain("source fine");
    }

    @Test
    void withoutADatabaseCheckSaysNothingMoreAndCreatesNone() throws Exception {
        Files.writeString(
                dir.resolve("feeds.yml"),
                "sources:\n  - {id: a, url: \"https://a.example/feed\"}\n");
        String db = "jdbc:h2:file:" + dir.resolve("nodb").toAbsolutePath();
        String out =
                run(
                        "check",
                        "--feedhub.feeds=" + dir.resolve("feeds.yml"),
                        "--spring.datasource.url=" + db);
        assertThat(out).contains("feeds.yml is valid.").doesNotContain("note:");
        assertThat(dir.resolve("nodb.mv.db")).doesNotExist();
    }

    @Test
    void theEmbeddedDatabaseIsReadWithItsGeneratedPassword() throws Exception {
        Files.writeString(
                dir.resolve("feeds.yml"),
                "sources:\n  - {id: moved, url: \"https://old.example/feed\"}\n");
        String db = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
        Files.writeString(dir.resolve(".db-password"), "generated-secret\n");
        try (Connection c = DriverManager.getConnection(db, "sa", "generated-secret")) {
            c.createStatement()
                    .execute(
                            "CREATE TABLE source (id VARCHAR(100), url VARCHAR(2048), effective_url VARCHAR(2048), "
                                    + "retired_at TIMESTAMP WITH TIME ZONE, active BOOLEAN)");
            c.createStatement()
                    .execute(
                            "INSERT INTO source VALUES ('moved', 'https://old.example/feed', 'https://new.example/feed', NULL, TRUE)");
        }
        String out =
                run(
                        "check",
                        "--feedhub.feeds=" + dir.resolve("feeds.yml"),
                        "--spring.datasource.url=" + db);
        assertThat(out).contains("note: source moved now lives at https://new.example/feed");
    }
}
