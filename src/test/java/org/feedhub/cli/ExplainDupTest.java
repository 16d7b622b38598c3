package org.feedhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import org.feedhub.dedup.Traits;
import org.feedhub.store.NearDuplicates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code explain-dup A B} on a real H2 file database made by the real migrations, run in-process as
 * a user types it.
 */
class ExplainDupTest {
    @TempDir Path dir;
    String db;

    static final Instant T0 = Instant.parse("2026-03-14T09:12:00Z");

    record Run(int status, String out, String err) {}

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status =
                Main.run(
                        Main.Invocation.parse(args),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(
                status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void database() {
        db = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
        JdbcTemplate jdbc = org.feedhub.TestDatabase.migratedH2At(db);
        store(
                jdbc,
                1,
                "https://wire.example/maple",
                "Maple Rail to buy Fjord Cargo for $3.1 billion",
                "Maple Rail agreed on Tuesday to buy Fjord Cargo for $3.1 billion, creating the largest"
                        + " freight operator in northern Europe. Maple Rail chief executive Anna Berg said the"
                        + " deal would close in the second half of the year.\nFjord Cargo shareholders will"
                        + " receive 52,000 Maple Rail shares per lot, the companies said.",
                T0);
        store(
                jdbc,
                2,
                "https://other.example/rail-deal",
                "Maple, Fjord to combine in $3.1 bln rail deal",
                "Maple and Fjord are to combine in a 3.1 bln dollar rail deal. Anna Berg, who runs Maple"
                        + " Rail, said on Tuesday that the takeover of Fjord Cargo should be completed in the"
                        + " second half.\nHolders of Fjord Cargo stock get 52 000 Maple Rail shares per lot"
                        + " under the agreement.",
                T0.plusSeconds(5400));
        store(
                jdbc,
                3,
                "https://wire.example/acme",
                "Borealis Rail to buy Nordic Cargo for $2.4 billion",
                "Borealis Rail agreed on Tuesday to buy Nordic Cargo for $2.4 billion, creating the"
                        + " largest freight operator in central Europe. Borealis Rail chief executive Piotr"
                        + " Nowak said the deal would close in the second half of the year.\nNordic Cargo"
                        + " shareholders will receive 31,000 Borealis Rail shares per lot, the companies said.",
                T0.plusSeconds(3600));
    }

    static void store(
            JdbcTemplate jdbc, long id, String link, String title, String text, Instant at) {
        Traits t = NearDuplicates.traits(title, text, at);
        jdbc.update(
                "INSERT INTO story (id, canonical_url, title, text_content, published_at, updated_at,"
                        + " content_hash, first_seen_at, fingerprint, dedup_traits) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                link,
                title,
                text,
                java.sql.Timestamp.from(at),
                java.sql.Timestamp.from(at),
                "h" + id,
                java.sql.Timestamp.from(at),
                HexFormat.of().formatHex(t.fingerprint().toBytes()),
                t.encode());
    }

    @Test
    void aRewriteIsExplainedAsADuplicateWithItsSharedNamesAndFigures() {
        Run r =
                run(
                        "explain-dup",
                        "1",
                        "https://other.example/rail-deal",
                        "--spring.datasource.url=" + db);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("new    #2", "stored #1", "candidate         yes")
                .contains("names agreement", "fjord", "figures agreement", "3.10e9", "5.20e4")
                .contains("decision          DUPLICATE");
    }

    @Test
    void aTemplateTwinIsVetoedByAConflict() {
        Run r = run("explain-dup", "3", "1", "--spring.datasource.url=" + db);
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out())
                .doesNotContain("conflict          none")
                .contains("conflict          ")
                .contains("decision          distinct");
    }

    @Test
    void aDatabaseGivenItsGeneratedPasswordByTheServerIsOpened() throws Exception {
        // as the first aggregate or serve leaves an embedded database: user sa, a generated
        // password in data/.db-password beside it
        try (var c = java.sql.DriverManager.getConnection(db, "sa", "");
                var st = c.createStatement()) {
            st.execute("ALTER USER SA SET PASSWORD 'generated-secret'");
        }
        java.nio.file.Files.writeString(dir.resolve(".db-password"), "generated-secret\n");

        Run r = run("explain-dup", "1", "2", "--spring.datasource.url=" + db);
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("decision          DUPLICATE");

        java.nio.file.Files.writeString(dir.resolve(".db-password"), "something-else\n");
        Run wrong = run("explain-dup", "1", "2", "--spring.datasource.url=" + db);
        assertThat(wrong.status()).isEqualTo(1);
        assertThat(wrong.err())
                .startsWith("feedhub: explain-dup: cannot open the database at")
                .contains("password")
                .doesNotContain("\n[");
    }

    @Test
    void anUnknownStoryOrNoDatabaseIsOneClearLine() {
        Run r = run("explain-dup", "1", "99", "--spring.datasource.url=" + db);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("feedhub: explain-dup: no stored story 99");
        Run none =
                run(
                        "explain-dup",
                        "1",
                        "2",
                        "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("nothing"));
        assertThat(none.status()).isEqualTo(1);
        assertThat(none.err()).startsWith("feedhub: explain-dup: no database at");
        assertThat(run("explain-dup", "1").status()).isEqualTo(2);
    }
}
