package org.feedhub.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.feedhub.dedup.DedupSettings;
import org.feedhub.dedup.Fingerprint;
import org.feedhub.dedup.NearDuplicateIndex;
import org.feedhub.dedup.Traits;

/**
 * Read-only access to the stored stories for {@code explain-dup} and {@code preview}: one story by
 * id or link, and the near-duplicate index of a time window as the server would hold it. An H2
 * database that does not exist is not created (IFEXISTS).
 */
final class StoredStories implements AutoCloseable {

    /** A stored story. */
    record Row(long id, String title, String text, Instant published) {}

    /** Stories loaded into an index at most (a CLI look, not the server). */
    static final int MAX_WINDOW_STORIES = 500_000;

    private final Connection c;

    private StoredStories(Connection c) {
        this.c = c;
    }

    /**
     * The database of the settings, or empty when it has not been made yet.
     *
     * @throws SQLException when it exists but cannot be opened (wrong password, locked, another
     *     server's)
     */
    static Optional<StoredStories> open(Commands.Settings settings) throws SQLException {
        if (org.feedhub.app.H2Access.fileDatabaseMissing(settings.dbUrl()))
            return Optional.empty(); // IFEXISTS would refuse it too; this spares loading the driver
        Connection c;
        try {
            c = settings.openExisting();
        } catch (SQLException e) {
            if (e.getErrorCode() == 90146) return Optional.empty(); // H2: not found, IFEXISTS
            throw e;
        }
        c.setReadOnly(true);
        return Optional.of(new StoredStories(c));
    }

    /**
     * A story by its id ("123"), or by a link: its canonical link or the link any source carried it
     * under.
     */
    Optional<Row> story(String idOrLink) throws SQLException {
        String sql =
                idOrLink.matches("[0-9]{1,18}")
                        ? "SELECT id, title, text_content, published_at FROM story WHERE id = ?"
                        : "SELECT s.id, s.title, s.text_content, s.published_at FROM story s WHERE"
                                + " s.canonical_url = ? OR s.id IN (SELECT story_id FROM carrier WHERE link = ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (idOrLink.matches("[0-9]{1,18}")) {
                ps.setLong(1, Long.parseLong(idOrLink));
            } else {
                ps.setString(1, idOrLink);
                ps.setString(2, idOrLink);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(
                        new Row(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getTimestamp(4).toInstant()));
            }
        }
    }

    /**
     * The index of the stories published within the window of {@code at} (their stored traits), as
     * the server's index holds them.
     */
    NearDuplicateIndex window(Instant at, DedupSettings settings) throws SQLException {
        NearDuplicateIndex index = new NearDuplicateIndex(settings);
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT id, fingerprint, dedup_traits, published_at FROM story WHERE"
                                + " published_at BETWEEN ? AND ? AND fingerprint IS NOT NULL")) {
            ps.setTimestamp(1, Timestamp.from(at.minus(settings.window())));
            ps.setTimestamp(2, Timestamp.from(at.plus(settings.window())));
            ps.setMaxRows(MAX_WINDOW_STORIES);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    try {
                        Fingerprint f =
                                Fingerprint.fromBytes(HexFormat.of().parseHex(rs.getString(2)));
                        index.add(
                                rs.getLong(1),
                                Traits.decode(f, rs.getString(3)),
                                rs.getTimestamp(4).toInstant());
                    } catch (IllegalArgumentException e) {
                        // a damaged fingerprint: that story dedups by link only
                    }
                }
            }
        }
        return index;
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
