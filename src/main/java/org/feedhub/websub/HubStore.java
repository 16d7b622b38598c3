package org.feedhub.websub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.feedhub.publish.FeedFormat;
import org.feedhub.store.Sql;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hub's tables ({@code hub_subscription}, {@code hub_verification}) and what it reads of the
 * topic index ({@code topic_state.version}, {@code topic_story.added_version}). Claims are
 * conditional UPDATEs committed at once, as {@link org.feedhub.store.SourceStore#claim} does for
 * sources: of two instances racing for a row exactly one wins it, and a dead instance's claim runs
 * out with its lease.
 */
public class HubStore {
    private static final String SUBSCRIPTION_COLUMNS =
            "id, topic_id, feed_format, topic_url, base_url, callback, "
                    + "callback_host, secret, lease_seconds, lease_until, state, last_version, gave_up_version, failures, "
                    + "next_attempt_at, last_attempt_at, last_success_at, last_status, last_error, created_at, verified_at";
    private static final String VERIFICATION_COLUMNS =
            "id, hub_mode, topic_id, feed_format, topic_url, base_url, "
                    + "callback, callback_host, callback_address, secret, lease_seconds, reason, attempts, created_at";
    private static final String FREE = "(claimed_until IS NULL OR claimed_until < ?)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public HubStore(JdbcTemplate jdbc, PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The key of a callback in the unique index: its SHA-256 (callbacks may be long). */
    static String hash(String callback) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(callback.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ requests

    /**
     * Subscriptions whose callback is at {@code address} (a {@link NetworkKey}) and whose lease has
     * not run out.
     */
    public int liveSubscriptionsAt(String address, Instant now) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM hub_subscription WHERE callback_address = ? AND lease_until > ?",
                Integer.class,
                address,
                Sql.ts(now));
    }

    /** Requests waiting for verification whose callback is at {@code address}. */
    public int pendingAt(String address) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM hub_verification WHERE callback_address = ?",
                Integer.class,
                address);
    }

    /** Requests waiting for verification that the client at {@code client} sent. */
    public int pendingFrom(String client) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM hub_verification WHERE client_address = ?",
                Integer.class,
                client);
    }

    public boolean subscribed(String topicId, FeedFormat format, String callback, Instant now) {
        return jdbc.queryForObject(
                        "SELECT COUNT(*) FROM hub_subscription WHERE topic_id = ? AND feed_format = ? "
                                + "AND callback_hash = ? AND lease_until > ?",
                        Integer.class,
                        topicId,
                        format.extension(),
                        hash(callback),
                        Sql.ts(now))
                > 0;
    }

    /**
     * Queues a request for verification (or denial); it replaces any earlier one for the same topic
     * feed and callback.
     */
    public void enqueue(
            String mode,
            String topicId,
            FeedFormat format,
            String topicUrl,
            String baseUrl,
            String callback,
            String callbackHost,
            String callbackAddress,
            String clientAddress,
            String secret,
            long leaseSeconds,
            String reason,
            Instant now) {
        String id = topicId.length() > 100 ? topicId.substring(0, 100) : topicId;
        tx.executeWithoutResult(
                status -> {
                    jdbc.update(
                            "DELETE FROM hub_verification WHERE topic_id = ? AND feed_format = ? AND callback_hash = ?",
                            id,
                            format.extension(),
                            hash(callback));
                    jdbc.update(
                            "INSERT INTO hub_verification (hub_mode, topic_id, feed_format, topic_url, base_url, callback, "
                                    + "callback_hash, callback_host, callback_address, client_address, secret, lease_seconds, reason, "
                                    + "attempts, next_attempt_at, created_at) "
                                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                            mode,
                            id,
                            format.extension(),
                            topicUrl,
                            baseUrl,
                            callback,
                            hash(callback),
                            callbackHost,
                            callbackAddress,
                            Sql.cut(clientAddress, 64),
                            secret,
                            leaseSeconds,
                            Sql.cut(reason, 500),
                            Sql.ts(now),
                            Sql.ts(now));
                });
    }

    // ------------------------------------------------------------------ verification

    /**
     * Claims up to {@code max} verifications that are due, for {@code instance} until {@code
     * until}.
     */
    public List<Verification> claimVerifications(
            String instance, Instant now, Instant until, int max) {
        List<Long> candidates =
                jdbc.queryForList(
                        "SELECT id FROM hub_verification WHERE next_attempt_at <= ? AND "
                                + FREE
                                + " ORDER BY next_attempt_at, id LIMIT ?",
                        Long.class,
                        Sql.ts(now),
                        Sql.ts(now),
                        max * 2);
        List<Verification> won = new java.util.ArrayList<>();
        for (long id : candidates) {
            if (won.size() >= max) break;
            Integer n =
                    tx.execute(
                            s ->
                                    jdbc.update(
                                            "UPDATE hub_verification SET claimed_by = ?, claimed_until = ? "
                                                    + "WHERE id = ? AND next_attempt_at <= ? AND "
                                                    + FREE,
                                            instance,
                                            Sql.ts(until),
                                            id,
                                            Sql.ts(now),
                                            Sql.ts(now)));
            if (n != null && n == 1) {
                jdbc
                        .query(
                                "SELECT "
                                        + VERIFICATION_COLUMNS
                                        + " FROM hub_verification WHERE id = ?",
                                VERIFICATION,
                                id)
                        .stream()
                        .findFirst()
                        .ifPresent(won::add);
            }
        }
        return won;
    }

    /** The verification is over (confirmed, refused, sent or given up): forget it. */
    public void finishVerification(long id) {
        jdbc.update("DELETE FROM hub_verification WHERE id = ?", id);
    }

    public void retryVerification(
            long id, String instance, int attempts, Instant next, String error) {
        jdbc.update(
                "UPDATE hub_verification SET attempts = ?, next_attempt_at = ?, last_error = ?, claimed_by = NULL, "
                        + "claimed_until = NULL WHERE id = ? AND claimed_by = ?",
                attempts,
                Sql.ts(next),
                Sql.cut(error, 2000),
                id,
                instance);
    }

    /**
     * The subscriber confirmed a subscribe: a new subscription starts at the topic's current
     * version (it gets what is added from now on); a renewal keeps its place and takes the new
     * lease and secret, and is active again if it was failing (the subscriber is evidently up).
     */
    public void activate(Verification v, Instant now) {
        Instant until = now.plusSeconds(v.leaseSeconds());
        String key = hash(v.callback());
        for (int attempt = 0; ; attempt++) {
            try {
                tx.executeWithoutResult(
                        s -> {
                            // (a subscription whose lease had run out starts afresh, like a new
                            // one)
                            int n =
                                    jdbc.update(
                                            "UPDATE hub_subscription SET topic_url = ?, base_url = ?, callback = ?, secret = ?, "
                                                    + "lease_seconds = ?, last_version = CASE WHEN lease_until <= ? THEN ? ELSE last_version END, "
                                                    + "lease_until = ?, verified_at = ?, state = ?, failures = 0, gave_up_version = NULL, "
                                                    + "next_attempt_at = ? WHERE topic_id = ? AND feed_format = ? AND callback_hash = ?",
                                            v.topicUrl(),
                                            v.baseUrl(),
                                            v.callback(),
                                            v.secret(),
                                            v.leaseSeconds(),
                                            Sql.ts(now),
                                            topicVersion(v.topicId()),
                                            Sql.ts(until),
                                            Sql.ts(now),
                                            Subscription.ACTIVE,
                                            Sql.ts(now),
                                            v.topicId(),
                                            v.format().extension(),
                                            key);
                            if (n == 0) {
                                jdbc.update(
                                        "INSERT INTO hub_subscription (topic_id, feed_format, topic_url, base_url, callback, "
                                                + "callback_hash, callback_host, callback_address, secret, lease_seconds, lease_until, "
                                                + "state, last_version, failures, next_attempt_at, created_at, verified_at) "
                                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                                        v.topicId(),
                                        v.format().extension(),
                                        v.topicUrl(),
                                        v.baseUrl(),
                                        v.callback(),
                                        key,
                                        v.callbackHost(),
                                        v.callbackAddress(),
                                        v.secret(),
                                        v.leaseSeconds(),
                                        Sql.ts(until),
                                        Subscription.ACTIVE,
                                        topicVersion(v.topicId()),
                                        Sql.ts(now),
                                        Sql.ts(now),
                                        Sql.ts(now));
                            }
                        });
                return;
            } catch (DuplicateKeyException race) {
                if (attempt > 0)
                    throw race; // another instance inserted it meanwhile: once more updates it
            }
        }
    }

    public void unsubscribe(Verification v) {
        jdbc.update(
                "DELETE FROM hub_subscription WHERE topic_id = ? AND feed_format = ? AND callback_hash = ?",
                v.topicId(),
                v.format().extension(),
                hash(v.callback()));
    }

    // ------------------------------------------------------------------ delivery

    /** The topic's change counter (0 before any pass touched it). */
    public long topicVersion(String topicId) {
        return jdbc
                .query(
                        "SELECT version FROM topic_state WHERE topic_id = ?",
                        (rs, i) -> rs.getLong(1),
                        topicId)
                .stream()
                .findFirst()
                .orElse(0L);
    }

    /**
     * Claims up to {@code max} subscriptions with something to deliver: lease running, attempt due,
     * and the topic changed since the last delivery (or, when failing, since the last attempt).
     */
    public List<Subscription> claimDeliveries(
            String instance, Instant now, Instant until, int max) {
        String due =
                " s.lease_until > ? AND s.next_attempt_at <= ? AND (s.claimed_until IS NULL OR s.claimed_until < ?)"
                        + " AND t.version > COALESCE(s.gave_up_version, s.last_version)";
        List<Long> candidates =
                jdbc.queryForList(
                        "SELECT s.id FROM hub_subscription s JOIN topic_state t ON t.topic_id = s.topic_id "
                                + "WHERE"
                                + due
                                + " ORDER BY s.next_attempt_at, s.id LIMIT ?",
                        Long.class,
                        Sql.ts(now),
                        Sql.ts(now),
                        Sql.ts(now),
                        max * 2);
        List<Subscription> won = new java.util.ArrayList<>();
        for (long id : candidates) {
            if (won.size() >= max) break;
            Integer n =
                    tx.execute(
                            s ->
                                    jdbc.update(
                                            "UPDATE hub_subscription SET claimed_by = ?, claimed_until = ? "
                                                    + "WHERE id = ? AND lease_until > ? AND next_attempt_at <= ? AND "
                                                    + FREE,
                                            instance,
                                            Sql.ts(until),
                                            id,
                                            Sql.ts(now),
                                            Sql.ts(now),
                                            Sql.ts(now)));
            if (n != null && n == 1) subscription(id).ifPresent(won::add);
        }
        return won;
    }

    public Optional<Subscription> subscription(long id) {
        return jdbc
                .query(
                        "SELECT " + SUBSCRIPTION_COLUMNS + " FROM hub_subscription WHERE id = ?",
                        SUBSCRIPTION,
                        id)
                .stream()
                .findFirst();
    }

    /**
     * Ids of the stories that joined the topic in versions {@code (after, upTo]}, newest first, at
     * most {@code limit}.
     */
    public Set<Long> addedStories(String topicId, long after, long upTo, int limit) {
        return new HashSet<>(
                jdbc.queryForList(
                        "SELECT story_id FROM topic_story WHERE topic_id = ? AND added_version > ? "
                                + "AND added_version <= ? ORDER BY published_at DESC, story_id DESC LIMIT ?",
                        Long.class,
                        topicId,
                        after,
                        upTo,
                        limit));
    }

    /**
     * Delivered (or nothing to deliver) up to {@code version}: the subscription is active and up to
     * date.
     */
    public void delivered(
            long id, String instance, long version, Integer status, Instant now, boolean sent) {
        if (sent) {
            jdbc.update(
                    "UPDATE hub_subscription SET last_version = ?, state = ?, failures = 0, gave_up_version = NULL, "
                            + "next_attempt_at = ?, last_attempt_at = ?, last_success_at = ?, last_status = ?, last_error = NULL, "
                            + "claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?",
                    version,
                    Subscription.ACTIVE,
                    Sql.ts(now),
                    Sql.ts(now),
                    Sql.ts(now),
                    status,
                    id,
                    instance);
        } else {
            // Only updates or removals since the last delivery: nothing to send, nothing owed. A
            // failing
            // subscription stays failing (nothing has proved it well).
            jdbc.update(
                    "UPDATE hub_subscription SET last_version = ?, gave_up_version = CASE WHEN gave_up_version IS NULL "
                            + "THEN NULL ELSE ? END, failures = CASE WHEN state = ? THEN 0 ELSE failures END, "
                            + "next_attempt_at = ?, claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?",
                    version,
                    version,
                    Subscription.ACTIVE,
                    Sql.ts(now),
                    id,
                    instance);
        }
    }

    /**
     * A failed attempt. {@code giveUp}: the subscription is marked failing at {@code version}; it
     * is tried once more at its next change. Else retried at {@code next}.
     */
    public void failed(
            long id,
            String instance,
            int failures,
            boolean giveUp,
            long version,
            Instant next,
            Integer status,
            String error,
            Instant now) {
        jdbc.update(
                "UPDATE hub_subscription SET failures = ?, state = CASE WHEN ? THEN ? ELSE state END, "
                        + "gave_up_version = CASE WHEN ? THEN ? ELSE gave_up_version END, next_attempt_at = ?, "
                        + "last_attempt_at = ?, last_status = ?, last_error = ?, claimed_by = NULL, claimed_until = NULL "
                        + "WHERE id = ? AND claimed_by = ?",
                failures,
                giveUp,
                Subscription.FAILING,
                giveUp,
                version,
                Sql.ts(next),
                Sql.ts(now),
                status,
                Sql.cut(error, 2000),
                id,
                instance);
    }

    public void release(long id, String instance) {
        jdbc.update(
                "UPDATE hub_subscription SET claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?",
                id,
                instance);
    }

    /** Forgets subscriptions whose lease ran out before {@code before}. */
    public int purgeExpired(Instant before) {
        return jdbc.update("DELETE FROM hub_subscription WHERE lease_until < ?", Sql.ts(before));
    }

    /** Every subscription, for {@code /api/hub}. */
    public List<Subscription> all() {
        return jdbc.query(
                "SELECT "
                        + SUBSCRIPTION_COLUMNS
                        + " FROM hub_subscription ORDER BY topic_id, feed_format, id",
                SUBSCRIPTION);
    }

    public int pendingCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM hub_verification", Integer.class);
    }

    // ------------------------------------------------------------------ mapping

    private static final RowMapper<Subscription> SUBSCRIPTION =
            (rs, i) ->
                    new Subscription(
                            rs.getLong("id"),
                            rs.getString("topic_id"),
                            format(rs.getString("feed_format")),
                            rs.getString("topic_url"),
                            rs.getString("base_url"),
                            rs.getString("callback"),
                            rs.getString("callback_host"),
                            rs.getString("secret"),
                            rs.getLong("lease_seconds"),
                            Sql.instant(rs, "lease_until"),
                            rs.getString("state"),
                            rs.getLong("last_version"),
                            Sql.longOrNull(rs, "gave_up_version"),
                            rs.getInt("failures"),
                            Sql.instant(rs, "next_attempt_at"),
                            Sql.instant(rs, "last_attempt_at"),
                            Sql.instant(rs, "last_success_at"),
                            Sql.intOrNull(rs, "last_status"),
                            rs.getString("last_error"),
                            Sql.instant(rs, "created_at"),
                            Sql.instant(rs, "verified_at"));

    private static final RowMapper<Verification> VERIFICATION =
            (rs, i) ->
                    new Verification(
                            rs.getLong("id"),
                            rs.getString("hub_mode"),
                            rs.getString("topic_id"),
                            format(rs.getString("feed_format")),
                            rs.getString("topic_url"),
                            rs.getString("base_url"),
                            rs.getString("callback"),
                            rs.getString("callback_host"),
                            rs.getString("callback_address"),
                            rs.getString("secret"),
                            rs.getLong("lease_seconds"),
                            rs.getString("reason"),
                            rs.getInt("attempts"),
                            Sql.instant(rs, "created_at"));

    private static FeedFormat format(String extension) {
        return FeedFormat.fromExtension(extension).orElse(FeedFormat.ATOM);
    }
}
