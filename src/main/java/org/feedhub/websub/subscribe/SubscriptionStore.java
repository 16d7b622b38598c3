package org.feedhub.websub.subscribe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.feedhub.store.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code websub_source} table. Claims are conditional UPDATEs committed at once, as for
 * sources; verifications are conditional UPDATEs too, so of two instances answering the same hub
 * only one changes the row.
 */
public class SubscriptionStore {
    private static final String COLUMNS =
            "source_id, hub_url, topic_url, token, secret, state, pending_mode, pending_until, lease_seconds, "
                    + "subscribed_until, next_action_at, failures, last_push_at, last_error, last_error_at";
    private static final String FREE = "(claimed_until IS NULL OR claimed_until < ?)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTx;

    public SubscriptionStore(JdbcTemplate jdbc, PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.ownTx = new TransactionTemplate(txManager);
        this.ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public Optional<SourceSubscription> find(String sourceId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM websub_source WHERE source_id = ?",
                        MAPPER,
                        sourceId)
                .stream()
                .findFirst();
    }

    public Optional<SourceSubscription> byToken(String token) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM websub_source WHERE token = ?", MAPPER, token)
                .stream()
                .findFirst();
    }

    public List<SourceSubscription> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM websub_source ORDER BY source_id", MAPPER);
    }

    /**
     * A hub found for a source: a new row, or the row pointed at another hub or topic (with a new
     * secret, subscribed afresh). Unchanged rows are left alone. Races between instances: the
     * primary key lets one insert win; the loser's update then finds the same values.
     */
    public void discovered(
            String sourceId,
            String hubUrl,
            String topicUrl,
            String token,
            String secret,
            Instant now) {
        int n =
                jdbc.update(
                        "UPDATE websub_source SET hub_url = ?, topic_url = ?, secret = ?, state = ?, pending_mode = NULL, "
                                + "pending_until = NULL, next_action_at = ?, failures = 0 WHERE source_id = ? AND "
                                + "(hub_url <> ? OR topic_url <> ?) AND state <> ?",
                        Sql.cut(hubUrl, 2048),
                        Sql.cut(topicUrl, 2048),
                        secret,
                        SourceSubscription.WANTED,
                        Sql.ts(now),
                        sourceId,
                        Sql.cut(hubUrl, 2048),
                        Sql.cut(topicUrl, 2048),
                        SourceSubscription.LEAVING);
        if (n > 0 || find(sourceId).isPresent()) return;
        try {
            jdbc.update(
                    "INSERT INTO websub_source (source_id, hub_url, topic_url, token, secret, state, next_action_at, "
                            + "failures, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)",
                    sourceId,
                    Sql.cut(hubUrl, 2048),
                    Sql.cut(topicUrl, 2048),
                    token,
                    secret,
                    SourceSubscription.WANTED,
                    Sql.ts(now),
                    Sql.ts(now));
        } catch (org.springframework.dao.DuplicateKeyException race) {
            // another instance recorded it meanwhile
        }
    }

    /** Rows whose next action is due (not leaving), claimed for {@code instance}. */
    public List<SourceSubscription> claimDue(String instance, Instant now, Instant until, int max) {
        return claim(
                "next_action_at <= ? AND state <> '" + SourceSubscription.LEAVING + "'",
                instance,
                now,
                until,
                max);
    }

    /** Rows of sources no longer in feeds.yml, claimed for {@code instance}. */
    public List<SourceSubscription> claimGone(
            java.util.Collection<String> activeIds,
            String instance,
            Instant now,
            Instant until,
            int max) {
        List<String> gone =
                jdbc
                        .queryForList(
                                "SELECT source_id FROM websub_source WHERE state <> ? OR next_action_at <= ?",
                                String.class,
                                SourceSubscription.LEAVING,
                                Sql.ts(now))
                        .stream()
                        .filter(id -> !activeIds.contains(id))
                        .limit(max)
                        .toList();
        List<SourceSubscription> won = new java.util.ArrayList<>();
        for (String id : gone) {
            if (take(id, instance, now, until)) find(id).ifPresent(won::add);
        }
        return won;
    }

    private List<SourceSubscription> claim(
            String where, String instance, Instant now, Instant until, int max) {
        List<String> candidates =
                jdbc.queryForList(
                        "SELECT source_id FROM websub_source WHERE "
                                + where
                                + " AND "
                                + FREE
                                + " ORDER BY next_action_at LIMIT ?",
                        String.class,
                        Sql.ts(now),
                        Sql.ts(now),
                        max * 2);
        List<SourceSubscription> won = new java.util.ArrayList<>();
        for (String id : candidates) {
            if (won.size() >= max) break;
            if (take(id, instance, now, until)) find(id).ifPresent(won::add);
        }
        return won;
    }

    private boolean take(String id, String instance, Instant now, Instant until) {
        Integer n =
                ownTx.execute(
                        s ->
                                jdbc.update(
                                        "UPDATE websub_source SET claimed_by = ?, claimed_until = ? WHERE source_id = ? AND "
                                                + FREE,
                                        instance,
                                        Sql.ts(until),
                                        id,
                                        Sql.ts(now)));
        return n != null && n == 1;
    }

    /** The hub accepted a request: its verification may come until {@code pendingUntil}. */
    public void requested(
            String sourceId, String instance, String mode, Instant pendingUntil, boolean leaving) {
        jdbc.update(
                "UPDATE websub_source SET pending_mode = ?, pending_until = ?, next_action_at = ?, "
                        + "state = CASE WHEN ? THEN ? WHEN state = ? THEN state ELSE ? END, claimed_by = NULL, "
                        + "claimed_until = NULL WHERE source_id = ? AND claimed_by = ?",
                mode,
                Sql.ts(pendingUntil),
                Sql.ts(pendingUntil),
                leaving,
                SourceSubscription.LEAVING,
                SourceSubscription.SUBSCRIBED,
                SourceSubscription.REQUESTED,
                sourceId,
                instance);
    }

    /** A request failed (or was never verified): retried at {@code next}. */
    public void failed(
            String sourceId,
            String instance,
            String state,
            int failures,
            String error,
            Instant next,
            Instant now) {
        jdbc.update(
                "UPDATE websub_source SET state = CASE WHEN state = ? AND subscribed_until > ? THEN state ELSE ? END, "
                        + "failures = ?, last_error = ?, last_error_at = ?, next_action_at = ?, pending_mode = NULL, "
                        + "pending_until = NULL, claimed_by = NULL, claimed_until = NULL WHERE source_id = ? AND claimed_by = ?",
                SourceSubscription.SUBSCRIBED,
                Sql.ts(now),
                state,
                failures,
                Sql.cut(error, 2000),
                Sql.ts(now),
                Sql.ts(next),
                sourceId,
                instance);
    }

    /**
     * The hub verified a pending subscribe: subscribed until {@code until}, renewed at {@code
     * renewAt}. False when no such intent is pending (then the hub gets 404).
     */
    public boolean verifySubscribe(
            String token,
            String topic,
            long leaseSeconds,
            Instant until,
            Instant renewAt,
            Instant now) {
        return jdbc.update(
                        "UPDATE websub_source SET state = ?, pending_mode = NULL, pending_until = NULL, lease_seconds = ?, "
                                + "subscribed_until = ?, next_action_at = ?, failures = 0, last_error = NULL, last_error_at = NULL "
                                + "WHERE token = ? AND topic_url = ? AND pending_mode = 'subscribe' AND pending_until > ?",
                        SourceSubscription.SUBSCRIBED,
                        leaseSeconds,
                        Sql.ts(until),
                        Sql.ts(renewAt),
                        token,
                        topic,
                        Sql.ts(now))
                == 1;
    }

    /** The hub verified a pending unsubscribe: the row goes. False when none is pending. */
    public boolean verifyUnsubscribe(String token, String topic, Instant now) {
        return jdbc.update(
                        "DELETE FROM websub_source WHERE token = ? AND topic_url = ? AND pending_mode = 'unsubscribe' "
                                + "AND pending_until > ?",
                        token,
                        topic,
                        Sql.ts(now))
                == 1;
    }

    /** The hub refused the subscription: shown, and asked again at {@code next}. */
    public boolean denied(String token, String topic, String reason, Instant next, Instant now) {
        return jdbc.update(
                        "UPDATE websub_source SET state = ?, pending_mode = NULL, pending_until = NULL, subscribed_until = NULL, "
                                + "last_error = ?, last_error_at = ?, next_action_at = ? WHERE token = ? AND topic_url = ? "
                                + "AND state <> ?",
                        SourceSubscription.DENIED,
                        Sql.cut("denied by the hub: " + reason, 2000),
                        Sql.ts(now),
                        Sql.ts(next),
                        token,
                        topic,
                        SourceSubscription.LEAVING)
                == 1;
    }

    public void delete(String sourceId) {
        jdbc.update("DELETE FROM websub_source WHERE source_id = ?", sourceId);
    }

    public void pushed(String sourceId, Instant now) {
        jdbc.update(
                "UPDATE websub_source SET last_push_at = ? WHERE source_id = ?",
                Sql.ts(now),
                sourceId);
    }

    public void pushFailed(String sourceId, String error, Instant now) {
        jdbc.update(
                "UPDATE websub_source SET last_error = ?, last_error_at = ? WHERE source_id = ?",
                Sql.cut("push: " + error, 2000),
                Sql.ts(now),
                sourceId);
    }

    /**
     * Subscribed sources are polled at most every {@code every}: their next poll is pushed out to
     * their last fetch plus that, never brought forward.
     */
    public int stretchPolling(Duration every, Instant now) {
        List<Object[]> rows =
                jdbc.query(
                        "SELECT s.id, s.last_fetch_at, s.next_due_at FROM source s JOIN websub_source w "
                                + "ON w.source_id = s.id WHERE w.subscribed_until > ? AND s.last_fetch_at IS NOT NULL",
                        (rs, i) ->
                                new Object[] {
                                    rs.getString(1),
                                    Sql.instant(rs, "last_fetch_at"),
                                    Sql.instant(rs, "next_due_at")
                                },
                        Sql.ts(now));
        int n = 0;
        for (Object[] r : rows) {
            Instant later = ((Instant) r[1]).plus(every);
            Instant due = (Instant) r[2];
            if (due == null || due.isBefore(later)) {
                n +=
                        jdbc.update(
                                "UPDATE source SET next_due_at = ? WHERE id = ?",
                                Sql.ts(later),
                                r[0]);
            }
        }
        return n;
    }

    private static final RowMapper<SourceSubscription> MAPPER =
            (rs, i) ->
                    new SourceSubscription(
                            rs.getString("source_id"),
                            rs.getString("hub_url"),
                            rs.getString("topic_url"),
                            rs.getString("token"),
                            rs.getString("secret"),
                            rs.getString("state"),
                            rs.getString("pending_mode"),
                            Sql.instant(rs, "pending_until"),
                            Sql.longOrNull(rs, "lease_seconds"),
                            Sql.instant(rs, "subscribed_until"),
                            Sql.instant(rs, "next_action_at"),
                            rs.getInt("failures"),
                            Sql.instant(rs, "last_push_at"),
                            rs.getString("last_error"),
                            Sql.instant(rs, "last_error_at"));
}
