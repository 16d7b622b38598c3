package org.feedhub.app;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * The embedded H2 database is not open to anyone who can read its lock file: its user gets a
 * generated password, kept in {@code data/.db-password} readable by the owner only, and the data
 * folder is the owner's only. A database made before (user {@code sa}, empty password) is given the
 * password when first opened. Applies only to an H2 file database left at the empty password: a
 * password set in the settings is used as it is.
 *
 * <p>Its AUTO_SERVER listens on loopback only: {@code Main} sets {@code h2.bindAddress} before H2
 * loads.
 *
 * <p>The connection that checks the password stays open until the pool has its first one: H2 closes
 * a database with its last connection, and a close compacts the file (up to 200 ms, more on a store
 * just filled), so letting the check close first made every start open and close the store twice.
 */
@Component
public class H2Access implements BeanPostProcessor {
    static final String PASSWORD_FILE = ".db-password";
    private static final int WRONG_USER_OR_PASSWORD = 28000;

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource ds
                && ds.getJdbcUrl() != null
                && ds.getJdbcUrl().startsWith("jdbc:h2:file:")
                && (ds.getPassword() == null || ds.getPassword().isEmpty())) {
            Secured secured = secure(ds.getJdbcUrl(), ds.getUsername());
            ds.setPassword(secured.password());
            startPoolWhileOpen(ds, secured.open());
        }
        return bean;
    }

    /** The password, and the connection that checked it (null when none opened). */
    record Secured(String password, Connection open) {}

    /** Makes the data folder owner-only and the database password-protected. */
    static Secured secure(String jdbcUrl, String user) {
        Path db = Path.of(dbPath(jdbcUrl)).toAbsolutePath();
        Path dir = db.getParent();
        try {
            Files.createDirectories(dir);
            ownerOnly(dir, "rwx------");
            String password = password(dir.resolve(PASSWORD_FILE));
            return new Secured(password, migrate(jdbcUrl, user == null ? "sa" : user, password));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot secure the database folder " + dir, e);
        }
    }

    /**
     * Starts the pool (its first connection) while {@code open} keeps the database open, then
     * closes {@code open}. A pool that cannot start now reports why when first used, as before.
     */
    private static void startPoolWhileOpen(HikariDataSource ds, Connection open) {
        if (open == null) return;
        try (open;
                Connection first = ds.getConnection()) {
            // the pool keeps it: the database stays open
        } catch (SQLException | RuntimeException e) {
            // the pool says why with its own message when the application first asks it
        }
    }

    /**
     * The password an H2 file database at {@code jdbcUrl} was given, read only (nothing is
     * created); null when there is none (another database, or none made yet).
     */
    public static String storedPassword(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:h2:file:")) return null;
        Path file = Path.of(dbPath(jdbcUrl)).toAbsolutePath().getParent().resolve(PASSWORD_FILE);
        try {
            String p = Files.readString(file, StandardCharsets.UTF_8).strip();
            return p.isEmpty() ? null : p;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * True when {@code jdbcUrl} names an H2 file database that has not been made yet: a command
     * that only reads it (check) can say nothing without loading the driver.
     */
    public static boolean fileDatabaseMissing(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:h2:file:")) return false;
        return !Files.exists(Path.of(dbPath(jdbcUrl) + ".mv.db"));
    }

    static String dbPath(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:h2:file:".length());
        int semi = rest.indexOf(';');
        return semi < 0 ? rest : rest.substring(0, semi);
    }

    private static String password(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                Files.createFile(file, ownerOnlyAttribute("rw-------"));
                Files.writeString(file, fresh + "\n", StandardCharsets.UTF_8);
            } catch (FileAlreadyExistsException raced) {
                // another process made it first: use theirs
            } catch (UnsupportedOperationException notPosix) {
                Files.writeString(file, fresh + "\n", StandardCharsets.UTF_8);
            }
        }
        ownerOnly(file, "rw-------");
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.isEmpty()) throw new IOException(file + " is empty");
        return password;
    }

    /**
     * A database still at the empty password gets {@code password}; a new one is created with it.
     * Returns a connection open with {@code password}, or null when none could be opened.
     */
    private static Connection migrate(String url, String user, String password) {
        try {
            return connect(url, user, password); // already protected (or just created with it)
        } catch (SQLException e) {
            if (e.getErrorCode() != WRONG_USER_OR_PASSWORD) return null; // the pool will report it
        }
        try (Connection c = connect(url, user, "");
                Statement s = c.createStatement()) {
            // the password is base64url: nothing to escape
            s.execute(
                    "ALTER USER \""
                            + user.toUpperCase(java.util.Locale.ROOT)
                            + "\" SET PASSWORD '"
                            + password
                            + "'");
        } catch (SQLException e) {
            // neither password opens it: the pool reports the error with its own message
        }
        return null;
    }

    private static Connection connect(String url, String user, String password)
            throws SQLException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return new org.h2.Driver().connect(url, p);
    }

    private static java.nio.file.attribute.FileAttribute<?> ownerOnlyAttribute(String perms) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms));
    }

    private static void ownerOnly(Path p, String perms) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException notPosix) {
            // other file systems: their own access rules apply
        }
    }
}
