package org.feedhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.feedhub.cli.CurrentSchema.Applied;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a command may leave Flyway out, decided on names and rows alone. */
class CurrentSchemaTest {
    static final List<String> FILES =
            List.of("V1__batch.sql", "V2__feedhub.sql", "V20__traits.sql");

    static List<Applied> applied(String... versions) {
        return java.util.Arrays.stream(versions).map(v -> new Applied(v, true)).toList();
    }

    @Test
    void everyBundledMigrationAppliedIsUpToDate() {
        assertThat(CurrentSchema.upToDate(applied("1", "2", "20"), FILES)).isTrue();
    }

    @Test
    void aMigrationNotAppliedYetIsNot() {
        assertThat(CurrentSchema.upToDate(applied("1", "2"), FILES)).isFalse();
    }

    @Test
    void aMigrationOfANewerBuildIsNot() {
        assertThat(CurrentSchema.upToDate(applied("1", "2", "20", "21"), FILES)).isFalse();
    }

    @Test
    void aFailedMigrationIsNot() {
        var rows =
                List.of(new Applied("1", true), new Applied("2", true), new Applied("20", false));
        assertThat(CurrentSchema.upToDate(rows, FILES)).isFalse();
    }

    @Test
    void aVersionAppliedTwiceIsNot() {
        assertThat(CurrentSchema.upToDate(applied("1", "2", "20", "20"), FILES)).isFalse();
    }

    @Test
    void aRepeatableMigrationOrCallbackLeavesItToFlyway() {
        var files = new java.util.ArrayList<>(FILES);
        files.add("R__views.sql");
        assertThat(CurrentSchema.upToDate(applied("1", "2", "20"), files)).isFalse();
        files.set(3, "afterMigrate.sql");
        assertThat(CurrentSchema.upToDate(applied("1", "2", "20"), files)).isFalse();
    }

    @Test
    void noBundledMigrationsIsNot() {
        assertThat(CurrentSchema.upToDate(applied(), List.of())).isFalse();
    }

    @Test
    void versionsCompareAsFlywayComparesThem() {
        assertThat(CurrentSchema.normal("020")).isEqualTo("20");
        assertThat(CurrentSchema.normal("2_1")).isEqualTo("2.1");
        assertThat(CurrentSchema.normal("2.0")).isEqualTo("2");
        assertThat(CurrentSchema.upToDate(applied("1.0", "2", "20"), FILES)).isTrue();
    }

    @Test
    void onlyTheDatabasesFeedhubShipsMigrationsFor() {
        assertThat(CurrentSchema.vendor("jdbc:h2:file:./data/feedhub")).isEqualTo("h2");
        assertThat(CurrentSchema.vendor("jdbc:postgresql://db/feedhub")).isEqualTo("postgresql");
        assertThat(CurrentSchema.vendor("jdbc:mysql://db/feedhub")).isNull();
    }

    @Test
    void theBuildBundlesVersionedMigrationsForBothDatabases() throws Exception {
        assertThat(CurrentSchema.bundled("h2")).contains("V1__spring_batch.sql", "V2__feedhub.sql");
        assertThat(CurrentSchema.bundled("postgresql")).contains("V1__spring_batch.sql");
        assertThat(CurrentSchema.bundled("h2")).allMatch(f -> f.startsWith("V"));
    }

    @Test
    void flywaySettingsAsShippedOnly(@TempDir Path dir) {
        assertThat(shipped(dir)).isTrue();
        assertThat(shipped(dir, "--spring.flyway.baseline-on-migrate=true")).isFalse();
        assertThat(shipped(dir, "--spring.flyway.locations=classpath:elsewhere")).isFalse();
        assertThat(shipped(dir, "--spring.flyway.enabled=true")).isFalse();
        assertThat(shipped(dir, "--spring.datasource.url=jdbc:h2:mem:x")).isTrue();
    }

    static boolean shipped(Path dir, String... args) {
        return CurrentSchema.flywayAsShipped(QuickSettings.environment(args, dir).orElseThrow());
    }

    /** On the test database (H2, or PostgreSQL in CI's second run), as Flyway leaves it. */
    @Test
    void aStoreFlywayJustMigratedReadsAsUpToDate() throws Exception {
        String pg = System.getenv("FEEDHUB_TEST_POSTGRES_URL");
        String vendor = pg == null ? "h2" : "postgresql";
        String url;
        String user;
        String password;
        if (pg == null) {
            url = "jdbc:h2:mem:current-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            user = "sa";
            password = "";
        } else {
            String schema = "current_" + java.util.UUID.randomUUID().toString().substring(0, 8);
            url = pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            user = System.getenv().getOrDefault("FEEDHUB_TEST_POSTGRES_USER", "feedhub");
            password = System.getenv().getOrDefault("FEEDHUB_TEST_POSTGRES_PASSWORD", "feedhub");
            org.flywaydb.core.Flyway.configure()
                    .dataSource(pg, user, password)
                    .schemas(schema)
                    .createSchemas(true)
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                    .load()
                    .migrate();
        }
        if (pg == null) org.feedhub.TestDatabase.migratedH2At(url);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, user, password)) {
            var rows = CurrentSchema.applied(c);
            assertThat(rows).hasSize(CurrentSchema.bundled(vendor).size());
            assertThat(CurrentSchema.upToDate(rows, CurrentSchema.bundled(vendor))).isTrue();
            try (var st = c.createStatement()) {
                st.executeUpdate("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE");
            }
            assertThat(
                            CurrentSchema.upToDate(
                                    CurrentSchema.applied(c), CurrentSchema.bundled(vendor)))
                    .isFalse();
        }
    }
}
