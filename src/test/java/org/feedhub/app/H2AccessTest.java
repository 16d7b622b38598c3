package org.feedhub.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.api.DatabaseEventListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the read-only helpers tell from an H2 URL without opening the database, and how often a
 * start opens it.
 */
class H2AccessTest {
    @TempDir Path dir;

    /** Counts H2's opens of the database whose URL names it. */
    public static class CountingOpens implements DatabaseEventListener {
        static final AtomicInteger OPENED = new AtomicInteger();

        @Override
        public void opened() {
            OPENED.incrementAndGet();
        }
    }

    private HikariDataSource pool(String url) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername("sa");
        ds.setPassword("");
        ds.setMaximumPoolSize(2);
        return ds;
    }

    @Test
    void aStartOpensAnExistingStoreOnceNotOnceForThePasswordAndAgainForThePool() throws Exception {
        String url =
                "jdbc:h2:file:"
                        + dir.resolve("feedhub")
                        + ";DATABASE_EVENT_LISTENER='"
                        + CountingOpens.class.getName()
                        + "'";
        try (HikariDataSource earlierRun = pool(url)) {
            new H2Access().postProcessBeforeInitialization(earlierRun, "dataSource");
            try (Connection c = earlierRun.getConnection()) {
                c.createStatement().execute("CREATE TABLE t(x INT)");
            }
        }
        CountingOpens.OPENED.set(0);
        try (HikariDataSource ds = pool(url)) {
            new H2Access().postProcessBeforeInitialization(ds, "dataSource");
            try (Connection asFlywayDoes = ds.getConnection()) {
                assertThat(asFlywayDoes.createStatement().executeQuery("SELECT * FROM t").next())
                        .isFalse();
            }
            assertThat(CountingOpens.OPENED).hasValue(1);
        }
    }

    @Test
    void aStartWithAPasswordItCannotCheckLeavesThePoolToSayWhy() throws Exception {
        Path file = dir.resolve("feedhub.mv.db");
        Files.writeString(file, "not a database");
        try (HikariDataSource ds = pool("jdbc:h2:file:" + dir.resolve("feedhub"))) {
            new H2Access().postProcessBeforeInitialization(ds, "dataSource");
            assertThat(ds.isRunning()).isFalse();
        }
        assertThat(Files.readString(file)).isEqualTo("not a database");
    }

    @Test
    void aFileDatabaseNotMadeYetIsMissing() {
        assertThat(H2Access.fileDatabaseMissing("jdbc:h2:file:" + dir.resolve("feedhub"))).isTrue();
    }

    @Test
    void aFileDatabaseWithItsFileIsThereWhateverItsOptions() throws Exception {
        Files.writeString(dir.resolve("feedhub.mv.db"), "");
        assertThat(H2Access.fileDatabaseMissing("jdbc:h2:file:" + dir.resolve("feedhub")))
                .isFalse();
        assertThat(
                        H2Access.fileDatabaseMissing(
                                "jdbc:h2:file:" + dir.resolve("feedhub") + ";AUTO_SERVER=TRUE"))
                .isFalse();
    }

    @Test
    void otherDatabasesAreNeverCalledMissing() {
        assertThat(H2Access.fileDatabaseMissing("jdbc:h2:mem:x")).isFalse();
        assertThat(H2Access.fileDatabaseMissing("jdbc:postgresql://db/feedhub")).isFalse();
        assertThat(H2Access.fileDatabaseMissing(null)).isFalse();
    }
}
