package org.feedhub.claim;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.feedhub.store.Claimant;
import org.feedhub.store.SourceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This instance's side of the claims on sources: takes them with its process and pass recorded,
 * takes over those of holders that are gone (see {@link ClaimRules}), and tells which sources a
 * live holder elsewhere still keeps from a pass.
 */
public class Claims {
    private static final Logger log = LoggerFactory.getLogger(Claims.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTx;
    private final SourceStore sources;
    private final String instanceId;
    private final OwnerProcess me;
    private final ClaimRules rules;
    private final Heartbeat heartbeat;
    private final Clock clock;
    private final Duration lease;

    public Claims(
            JdbcTemplate jdbc,
            PlatformTransactionManager txManager,
            SourceStore sources,
            String instanceId,
            OwnerProcess me,
            ClaimRules rules,
            Heartbeat heartbeat,
            Clock clock,
            Duration lease) {
        this.jdbc = jdbc;
        // Takeovers commit at once, even inside a pass's chunk transaction: other instances must
        // see them, and they must not hold row locks that the per-source writes then wait on.
        this.ownTx = new TransactionTemplate(txManager);
        this.ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.sources = sources;
        this.instanceId = instanceId;
        this.me = me;
        this.rules = rules;
        this.heartbeat = heartbeat;
        this.clock = clock;
        this.lease = lease;
    }

    public String instanceId() {
        return instanceId;
    }

    /**
     * Claims up to {@code max} more sources for the pass; when none is left, first takes over the
     * claims of holders that died meanwhile and tries once more.
     */
    public List<String> claimNext(String passId, boolean all, Instant passStart, int max) {
        return claimNext(passId, all, passStart, max, java.util.Set.of());
    }

    /** As above, only among {@code only} when it is not empty ({@code aggregate ID…}). */
    public List<String> claimNext(
            String passId, boolean all, Instant passStart, int max, java.util.Set<String> only) {
        heartbeat.working(passId);
        List<String> won = claim(passId, all, passStart, max, only);
        if (won.isEmpty() && !takeOver().isEmpty()) won = claim(passId, all, passStart, max, only);
        return won;
    }

    private List<String> claim(
            String passId, boolean all, Instant passStart, int max, java.util.Set<String> only) {
        Instant now = clock.instant();
        Claimant who = new Claimant(instanceId, passId, me.host(), me.pid(), me.start());
        return sources.claim(who, now, now.plus(lease), all, passStart, max, only);
    }

    /**
     * Frees the claims of every other holder that is gone, removing its heartbeat row; logs and
     * returns what it took over.
     */
    public List<Takeover> takeOver() {
        List<Takeover> taken = ownTx.execute(status -> findAndFree());
        for (Takeover t : taken) log.info(t.describe());
        return taken;
    }

    private List<Takeover> findAndFree() {
        Instant dbNow = dbNow();
        List<Takeover> taken = new ArrayList<>();
        List<Holder> beating =
                jdbc.query(
                        "SELECT instance_id, pass_id, host, pid, started, beat_at FROM instance_heartbeat "
                                + "WHERE instance_id <> ?",
                        (rs, i) ->
                                new Holder(
                                        rs.getString("instance_id"),
                                        rs.getString("pass_id"),
                                        rs.getString("host"),
                                        rs.getLong("pid"),
                                        millis(rs, "started"),
                                        instant(rs, "beat_at")),
                        instanceId);
        for (Holder h : beating) {
            Verdict v = rules.judge(h, dbNow);
            if (!v.free()) continue;
            // Only the instance whose delete succeeds reports it; a renewed row is left alone.
            int removed =
                    jdbc.update(
                            "DELETE FROM instance_heartbeat WHERE instance_id = ? AND beat_at = ?",
                            h.instanceId(),
                            OffsetDateTime.ofInstant(h.heartbeatAt(), ZoneOffset.UTC));
            int freed = free(h.instanceId());
            if (removed > 0 || freed > 0) taken.add(new Takeover(h, v, freed));
        }
        List<Holder> silent =
                jdbc.query(
                        "SELECT DISTINCT claimed_by, claim_pass, claim_host, claim_pid, claim_started "
                                + "FROM source s WHERE claimed_by IS NOT NULL AND claimed_by <> ? "
                                + "AND claimed_until >= ? AND NOT EXISTS (SELECT 1 FROM instance_heartbeat h "
                                + "WHERE h.instance_id = s.claimed_by)",
                        (rs, i) ->
                                new Holder(
                                        rs.getString("claimed_by"),
                                        rs.getString("claim_pass"),
                                        rs.getString("claim_host"),
                                        longOrNull(rs, "claim_pid"),
                                        millis(rs, "claim_started"),
                                        null),
                        instanceId,
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        for (Holder h : silent) {
            Verdict v = rules.judge(h, dbNow);
            if (!v.free()) continue;
            int freed = free(h.instanceId());
            if (freed > 0) taken.add(new Takeover(h, v, freed));
        }
        return taken;
    }

    /**
     * Whether the instance that ran a pass is gone: it is not this one and has no heartbeat row
     * (call after {@link #takeOver()}, which removes the rows of the dead).
     */
    public boolean gone(String instance) {
        if (instanceId.equals(instance)) return false;
        if (instance == null) return true;
        Integer rows =
                jdbc.queryForObject(
                        "SELECT COUNT(*) FROM instance_heartbeat WHERE instance_id = ?",
                        Integer.class,
                        instance);
        return rows == null || rows == 0;
    }

    /**
     * The sources that a pass begun at {@code passStart} wanted but that live passes elsewhere
     * still hold, by holder.
     */
    public List<Skip> heldElsewhere(Instant passStart, boolean all) {
        Instant now = clock.instant();
        List<Object> args = new ArrayList<>();
        args.add(instanceId);
        args.add(OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        args.add(OffsetDateTime.ofInstant(passStart, ZoneOffset.UTC));
        if (!all) args.add(OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        return jdbc.query(
                "SELECT claim_pass, claim_host, COUNT(*) AS n, MAX(claimed_until) AS u FROM source "
                        + "WHERE active = TRUE AND retired_at IS NULL AND claimed_by IS NOT NULL "
                        + "AND claimed_by <> ? AND claimed_until >= ? "
                        + "AND (last_fetch_at IS NULL OR last_fetch_at < ?)"
                        + (all ? "" : " AND next_due_at <= ?")
                        + " GROUP BY claimed_by, claim_pass, claim_host ORDER BY claim_host, claim_pass",
                (rs, i) ->
                        new Skip(
                                rs.getString("claim_pass"),
                                rs.getString("claim_host"),
                                rs.getInt("n"),
                                instant(rs, "u")),
                args.toArray());
    }

    /** The claims in force now (lease not run out), by source id. */
    public java.util.Map<String, ClaimView> current() {
        java.util.Map<String, ClaimView> byId = new java.util.HashMap<>();
        jdbc.query(
                "SELECT id, claim_pass, claim_host, claim_pid, claimed_until FROM source "
                        + "WHERE claimed_by IS NOT NULL AND claimed_until >= ?",
                rs -> {
                    byId.put(
                            rs.getString("id"),
                            new ClaimView(
                                    rs.getString("claim_pass"),
                                    rs.getString("claim_host"),
                                    longOrNull(rs, "claim_pid"),
                                    instant(rs, "claimed_until")));
                },
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        return byId;
    }

    /** The database's clock, which heartbeats are written with. */
    Instant dbNow() {
        return jdbc.queryForObject(
                        "SELECT CURRENT_TIMESTAMP",
                        (rs, i) -> rs.getObject(1, OffsetDateTime.class))
                .toInstant();
    }

    /** Gives back every claim this instance holds (shutdown); how many. */
    public int releaseAll() {
        return free(instanceId);
    }

    private int free(String holder) {
        return jdbc.update(
                "UPDATE source SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ?",
                holder);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Instant millis(ResultSet rs, String column) throws SQLException {
        Long v = longOrNull(rs, column);
        return v == null ? null : Instant.ofEpochMilli(v);
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
