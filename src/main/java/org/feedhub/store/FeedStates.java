package org.feedhub.store;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * When each published representation last changed: a representation's fingerprint is compared with
 * the stored one, and its time moves only when they differ. Times are whole seconds (what HTTP
 * dates carry) and a change always moves the time by at least a second, so a client sending {@code
 * If-Modified-Since} never gets 304 for a changed feed.
 */
final class FeedStates {
    private final JdbcTemplate jdbc;

    FeedStates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Instant changedAt(String key, String fingerprint, Instant now) {
        record Row(String fingerprint, Instant changedAt) {}
        Row row =
                jdbc
                        .query(
                                "SELECT fingerprint, changed_at FROM feed_state WHERE feed_key = ?",
                                (rs, i) -> new Row(rs.getString(1), Sql.instant(rs, "changed_at")),
                                key)
                        .stream()
                        .findFirst()
                        .orElse(null);
        if (row != null && row.fingerprint().equals(fingerprint)) return row.changedAt();
        Instant at = now.truncatedTo(ChronoUnit.SECONDS);
        if (row != null && !at.isAfter(row.changedAt())) {
            at = row.changedAt().plus(Duration.ofSeconds(1));
        }
        if (row != null) {
            jdbc.update(
                    "UPDATE feed_state SET fingerprint = ?, changed_at = ? WHERE feed_key = ?",
                    fingerprint,
                    Sql.ts(at),
                    key);
        } else {
            try {
                jdbc.update(
                        "INSERT INTO feed_state (feed_key, fingerprint, changed_at) VALUES (?, ?, ?)",
                        key,
                        fingerprint,
                        Sql.ts(at));
            } catch (DuplicateKeyException raced) {
                return changedAt(key, fingerprint, now);
            }
        }
        return at;
    }
}
