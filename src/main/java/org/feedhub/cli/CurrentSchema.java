package org.feedhub.cli;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Whether a command may start without Flyway: the store already has every migration this build
 * bundles, all applied, and no other. Flyway would then only validate and say "up to date", but
 * loading it (and the Jackson it brings) is about 1,000 classes: a warm pass of 1,000 sources took
 * 2.53 s without it against 2.63 s with it (means of 8 interleaved runs) and used 3 MB less memory;
 * a scheduled {@code aggregate} pays that every 15 minutes.
 *
 * <p>Anything else leaves Flyway on, as before: a store not made yet or older than this build, a
 * failed or unknown migration, a {@code spring.flyway.*} setting of the user's, a database other
 * than H2 or PostgreSQL, settings only a full Spring start-up resolves, any error. The server
 * always runs Flyway, so a migration edited after it was applied is still caught there.
 *
 * <p>The connection that looked stays open until the command's context has started ({@link
 * #close}): H2 closes a database with its last connection, and opening the store twice would cost
 * what this saves.
 */
final class CurrentSchema implements AutoCloseable {
    /** The locations feedhub ships in application.yml: the only ones this check knows. */
    static final String SHIPPED_LOCATIONS =
            "classpath:db/migration/common,classpath:db/migration/{vendor}";

    private static final Pattern VERSIONED =
            Pattern.compile("V(\\d{1,9}(?:[._]\\d{1,9}){0,4})__.{1,200}\\.sql");
    private static final ConfigurationPropertyName FLYWAY =
            ConfigurationPropertyName.of("spring.flyway");
    private static final ConfigurationPropertyName LOCATIONS =
            ConfigurationPropertyName.of("spring.flyway.locations");

    private final boolean current;
    private final Connection held;

    private CurrentSchema(boolean current, Connection held) {
        this.current = current;
        this.held = held;
    }

    /** True when Flyway would find nothing to do. */
    boolean current() {
        return current;
    }

    /**
     * Looks at the store the command {@code args} would open, from working directory {@code dir}.
     */
    static CurrentSchema check(String[] args, Path dir) {
        Optional<ConfigurableEnvironment> env = QuickSettings.environment(args, dir);
        if (env.isEmpty() || !flywayAsShipped(env.get())) return new CurrentSchema(false, null);
        Commands.Settings db = Commands.database(env.get());
        String vendor = vendor(db.dbUrl());
        if (vendor == null) return new CurrentSchema(false, null);
        Connection c = null;
        try {
            c = db.openExisting();
            return new CurrentSchema(upToDate(applied(c), bundled(vendor)), c);
        } catch (SQLException | IOException | RuntimeException e) {
            // no store yet, no history table, a database that says no: Flyway says what is wrong
            return new CurrentSchema(false, c);
        }
    }

    /** No {@code spring.flyway.*} setting but the shipped locations. */
    static boolean flywayAsShipped(ConfigurableEnvironment env) {
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(env)) {
            if (!(source instanceof IterableConfigurationPropertySource names)) return false;
            boolean other =
                    names.stream()
                            .anyMatch(
                                    n ->
                                            FLYWAY.isAncestorOf(n)
                                                    && !n.equals(LOCATIONS)
                                                    && !LOCATIONS.isAncestorOf(n));
            if (other) return false;
        }
        return SHIPPED_LOCATIONS.equals(env.getProperty("spring.flyway.locations"));
    }

    /**
     * The migration folder of the database at {@code url} (its {@code {vendor}}, named as Spring
     * Boot names it for Flyway), or null for one feedhub does not ship migrations for.
     */
    static String vendor(String url) {
        String id = DatabaseDriver.fromJdbcUrl(url).getId();
        return id.equals("h2") || id.equals("postgresql") ? id : null;
    }

    /** Flyway's record of the store: each versioned row as (version, success). */
    record Applied(String version, boolean success) {}

    static List<Applied> applied(Connection c) throws SQLException {
        List<Applied> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT \"version\", \"success\" FROM \"flyway_schema_history\"")) {
            while (rs.next()) {
                if (rs.getString(1) != null)
                    rows.add(new Applied(rs.getString(1), rs.getBoolean(2)));
            }
        }
        return rows;
    }

    /** The file names of the migrations this build bundles for {@code vendor}. */
    static List<String> bundled(String vendor) throws IOException {
        var resolver =
                new PathMatchingResourcePatternResolver(CurrentSchema.class.getClassLoader());
        List<String> names = new ArrayList<>();
        for (String folder : List.of("common", vendor)) {
            for (Resource r : resolver.getResources("classpath*:db/migration/" + folder + "/*")) {
                if (r.getFilename() != null && !r.getFilename().isEmpty())
                    names.add(r.getFilename());
            }
        }
        return names;
    }

    /**
     * Every bundled file is a versioned migration, each applied successfully, and the store has
     * applied no other (a newer build's, a failed one, a baseline).
     */
    static boolean upToDate(Collection<Applied> applied, Collection<String> bundledFiles) {
        if (bundledFiles.isEmpty()) return false;
        Set<String> bundled = new TreeSet<>();
        for (String file : bundledFiles) {
            Matcher m = VERSIONED.matcher(file);
            if (!m.matches()) return false; // a repeatable migration or a callback: Flyway's call
            bundled.add(normal(m.group(1)));
        }
        Set<String> done = new TreeSet<>();
        for (Applied a : applied) {
            if (!a.success()) return false;
            done.add(normal(a.version()));
        }
        return done.equals(bundled) && done.size() == applied.size();
    }

    /** A version as Flyway compares them: parts as numbers, "_" as ".", trailing zeros dropped. */
    static String normal(String version) {
        List<BigInteger> parts = new ArrayList<>();
        for (String p : version.replace('_', '.').split("\\.", -1)) parts.add(new BigInteger(p));
        while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        return String.join(".", parts.stream().map(BigInteger::toString).toList());
    }

    @Override
    public void close() {
        if (held == null) return;
        try {
            held.close();
        } catch (SQLException e) {
            // only a look: nothing was written
        }
    }
}
