package org.feedhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ConfigurableApplicationContext;

/** The application as a command starts it: without what only the server uses. */
class CommandContextTest {
    @TempDir Path dir;

    @Test
    void everyServerOnlyEntryIsAnAutoConfigurationSpringBootKnows() {
        var known =
                ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
                        .getCandidates();
        assertThat(known).containsAll(Commands.SERVER_ONLY);
    }

    @Test
    void aCommandsContextHasMetricsButNoHealthEndpointOrJsonConverters() throws Exception {
        Files.writeString(
                dir.resolve("feeds.yml"), "sources:\n  - {id: a, url: \"http://127.0.0.1:9/a\"}\n");
        Main.Invocation inv =
                Main.Invocation.parse(
                        new String[] {
                            "aggregate",
                            "--feedhub.feeds=" + dir.resolve("feeds.yml"),
                            "--spring.datasource.url=jdbc:h2:file:"
                                    + dir.resolve("db").toAbsolutePath()
                        });
        try (ConfigurableApplicationContext ctx = Commands.batchContext(inv)) {
            assertThat(ctx.getBeanNamesForType(MeterRegistry.class)).isNotEmpty();
            assertThat(ctx.containsBean("healthEndpoint")).isFalse();
            assertThat(ctx.containsBean("messageConverters")).isFalse();
            assertThat(ctx.getBeanNamesForType(tools.jackson.databind.json.JsonMapper.class))
                    .isEmpty();
        }
    }

    @Test
    void aStoreAlreadyUpToDateStartsWithoutFlywayAndOneBehindWithIt() throws Exception {
        Path store = dir.resolve("db").toAbsolutePath();
        Files.writeString(
                dir.resolve("feeds.yml"), "sources:\n  - {id: a, url: \"http://127.0.0.1:9/a\"}\n");
        String[] args = {
            "aggregate",
            "--feedhub.feeds=" + dir.resolve("feeds.yml"),
            "--spring.datasource.url=jdbc:h2:file:" + store
        };
        Main.Invocation inv = Main.Invocation.parse(args);
        try (ConfigurableApplicationContext ctx = Commands.batchContext(inv)) {
            assertThat(ctx.getBeanNamesForType(org.flywaydb.core.Flyway.class))
                    .as("a new store is migrated")
                    .hasSize(1);
        }
        try (CurrentSchema schema = CurrentSchema.check(inv.settings(), dir)) {
            assertThat(schema.current()).isTrue();
        }
        try (ConfigurableApplicationContext ctx = Commands.batchContext(inv)) {
            assertThat(ctx.getBeanNamesForType(org.flywaydb.core.Flyway.class)).isEmpty();
            var jdbc = ctx.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM story", Integer.class)).isZero();
            // one migration "not applied yet": the next start leaves it to Flyway
            jdbc.update(
                    "DELETE FROM \"flyway_schema_history\" WHERE \"installed_rank\" ="
                            + " (SELECT MAX(\"installed_rank\") FROM \"flyway_schema_history\")");
        }
        try (CurrentSchema schema = CurrentSchema.check(inv.settings(), dir)) {
            assertThat(schema.current()).isFalse();
        }
        try (CurrentSchema schema =
                CurrentSchema.check(
                        new String[] {
                            "aggregate",
                            "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("none")
                        },
                        dir)) {
            assertThat(schema.current()).as("no store yet").isFalse();
        }
        assertThat(Files.exists(dir.resolve("none.mv.db"))).as("a look creates nothing").isFalse();
    }
}
