package org.feedhub;

import java.util.Locale;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database a Spring test runs on: a private in-memory H2 database by default, or, when {@code
 * FEEDHUB_TEST_POSTGRES_URL} is set (as {@code .ci/run} does for its second run), a fresh schema of
 * that PostgreSQL database, so the same tests prove the same Flyway migrations on both.
 */
public final class TestDatabase {
    private TestDatabase() {}

    public static boolean postgres() {
        return System.getenv("FEEDHUB_TEST_POSTGRES_URL") != null;
    }

    /**
     * The settings every end-to-end test of the application uses: its feeds.yml, sources on
     * loopback allowed (WireMock), no scheduled passes (the test runs them), and the test database.
     */
    public static void registerApp(
            DynamicPropertyRegistry r, java.nio.file.Path feedsYml, String name) {
        r.add("feedhub.feeds", feedsYml::toString);
        r.add("feedhub.fetch.allow-private-networks", () -> "true");
        r.add("feedhub.schedule.enabled", () -> "false");
        register(r, name);
    }

    public static void register(DynamicPropertyRegistry r, String name) {
        String pg = System.getenv("FEEDHUB_TEST_POSTGRES_URL");
        if (pg == null) {
            r.add(
                    "spring.datasource.url",
                    () -> "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            return;
        }
        String schema =
                (name + "_" + UUID.randomUUID().toString().substring(0, 8))
                        .toLowerCase(Locale.ROOT)
                        .replace('-', '_');
        r.add(
                "spring.datasource.url",
                () -> pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        r.add(
                "spring.datasource.username",
                () -> System.getenv().getOrDefault("FEEDHUB_TEST_POSTGRES_USER", "feedhub"));
        r.add(
                "spring.datasource.password",
                () -> System.getenv().getOrDefault("FEEDHUB_TEST_POSTGRES_PASSWORD", "feedhub"));
        r.add("spring.flyway.schemas", () -> schema);
        r.add("spring.flyway.create-schemas", () -> "true");
    }

    /**
     * A fresh in-memory H2 database with feedhub's schema (Flyway, as the application migrates it),
     * for tests of one store class without a Spring context.
     */
    public static org.springframework.jdbc.core.JdbcTemplate migratedH2(String name) {
        return migratedH2At("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    /**
     * The H2 database at {@code url} (user sa, no password) with feedhub's schema: a file URL gives
     * a database as a first pass leaves it, for the command-line tools that read one.
     */
    public static org.springframework.jdbc.core.JdbcTemplate migratedH2At(String url) {
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        org.flywaydb.core.Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load()
                .migrate();
        return new org.springframework.jdbc.core.JdbcTemplate(ds);
    }
}
