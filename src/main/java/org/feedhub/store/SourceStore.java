package org.feedhub.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.feedhub.config.SourceDef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code source} table: one row per source id of feeds.yml, with its fetch state. */
public class SourceStore {
    private static final String COLUMNS =
            "s.id, s.url, s.effective_url, s.title, s.site_url, s.etag, s.last_modified, "
                    + "s.body_hash, s.last_fetch_at, s.last_success_at, s.last_status, s.last_error, s.failures, s.next_due_at, "
                    + "s.retired_at, s.active, s.guid_policy, s.failing_since, (SELECT COUNT(*) FROM carrier c WHERE c.source_id = s.id) AS story_count";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTx;

    public SourceStore(JdbcTemplate jdbc, PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        // Claims commit at once, whatever transaction the caller is in: they must be visible to
        // other
        // instances, and must not hold row locks that the per-source writes would then wait on.
        this.ownTx = new TransactionTemplate(txManager);
        this.ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Brings the table in line with feeds.yml: new sources are due now; a source whose URL changed
     * starts afresh (validators, failures, retirement cleared); sources no longer listed stop being
     * polled but keep their stories until retention.
     */
    public void sync(List<SourceDef> sources, Instant now) {
        // One read of the table and a batch per kind of change: a statement per source made the
        // start of every pass over 1,000 sources a thousand round trips slower.
        record Stored(String url, boolean active) {}
        Map<String, Stored> stored = new HashMap<>();
        jdbc.query(
                "SELECT id, url, active FROM source",
                rs -> {
                    stored.put(
                            rs.getString("id"),
                            new Stored(rs.getString("url"), rs.getBoolean("active")));
                });
        List<Object[]> added = new ArrayList<>();
        List<Object[]> moved = new ArrayList<>();
        List<Object[]> back = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (SourceDef s : sources) {
            listed.add(s.id());
            Stored was = stored.get(s.id());
            if (was == null) added.add(new Object[] {s.id(), s.url(), Sql.ts(now)});
            else if (!was.url().equals(s.url()))
                moved.add(new Object[] {s.url(), Sql.ts(now), s.id()});
            else if (!was.active()) back.add(new Object[] {s.id()});
        }
        List<Object[]> gone = new ArrayList<>();
        stored.forEach(
                (id, was) -> {
                    if (was.active() && !listed.contains(id)) gone.add(new Object[] {id});
                });
        batch(
                "INSERT INTO source (id, url, next_due_at, failures, active) VALUES (?, ?, ?, 0, TRUE)",
                added);
        batch(
                "UPDATE source SET url = ?, effective_url = NULL, etag = NULL, last_modified = NULL, "
                        + "body_hash = NULL, failures = 0, failing_since = NULL, last_error = NULL, retired_at = NULL, guid_policy = NULL, next_due_at = ?, "
                        + "active = TRUE WHERE id = ?",
                moved);
        batch("UPDATE source SET active = TRUE WHERE id = ? AND active = FALSE", back);
        batch("UPDATE source SET active = FALSE WHERE id = ?", gone);
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) jdbc.batchUpdate(sql, rows);
    }

    /** How many active sources are due now (claimed or not). */
    public int dueCount(Instant now) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM source WHERE active = TRUE AND retired_at IS NULL "
                        + "AND next_due_at <= ?",
                Integer.class,
                Sql.ts(now));
    }

    /** Whether some active source is due and not claimed by a running pass. */
    public boolean anyDue(Instant now) {
        return jdbc.queryForObject(
                        "SELECT COUNT(*) FROM source WHERE active = TRUE AND retired_at IS NULL "
                                + "AND next_due_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)",
                        Integer.class,
                        Sql.ts(now),
                        Sql.ts(now))
                > 0;
    }

    /**
     * Claims up to {@code max} sources for this instance: those due now (or, for {@code aggregate},
     * all of them) that this pass has not fetched yet and that no live claim holds. Each claim is
     * one conditional UPDATE, atomic on every database, so of two instances racing for a source
     * exactly one wins it; claiming a few at a time lets the instances share a pass; the lease lets
     * another instance take over the sources of one that died. A restarted pass (same {@code
     * passStart}) claims only what it had not finished.
     */
    public List<String> claim(
            String instance,
            Instant now,
            Instant leaseUntil,
            boolean all,
            Instant passStart,
            int max) {
        return claim(
                Claimant.named(instance), now, leaseUntil, all, passStart, max, java.util.Set.of());
    }

    /**
     * As above, recording the claimant's pass and process on each claimed row, limited to the
     * sources {@code only} names when it is not empty ({@code aggregate ID…}: with {@code all},
     * whether due or backing off).
     */
    public List<String> claim(
            Claimant who,
            Instant now,
            Instant leaseUntil,
            boolean all,
            Instant passStart,
            int max,
            java.util.Set<String> only) {
        String which =
                " AND (last_fetch_at IS NULL OR last_fetch_at < ?)"
                        + (all ? "" : " AND next_due_at <= ?")
                        + (only.isEmpty() ? "" : " AND id IN (" + inList(only.size()) + ")");
        String free =
                " AND active = TRUE AND retired_at IS NULL AND (claimed_until IS NULL OR claimed_until < ?)";
        List<Object> whichList = new ArrayList<>();
        whichList.add(Sql.ts(passStart));
        if (!all) whichList.add(Sql.ts(now));
        whichList.addAll(new java.util.TreeSet<>(only));
        Object[] whichArgs = whichList.toArray();
        List<Object> selectArgs = new ArrayList<>(List.of(whichArgs));
        selectArgs.add(Sql.ts(now));
        selectArgs.add(max * 4); // a few spare candidates for the ones another instance wins first
        List<String> candidates =
                jdbc.queryForList(
                        "SELECT id FROM source WHERE 1 = 1"
                                + which
                                + free
                                + " ORDER BY next_due_at, id LIMIT ?",
                        String.class,
                        selectArgs.toArray());
        String update =
                "UPDATE source SET claimed_by = ?, claimed_until = ?, "
                        + "claim_pass = ?, claim_host = ?, claim_pid = ?, claim_started = ? "
                        + "WHERE id = ?"
                        + which
                        + free;
        // The same for every row but the id, which goes in at idAt.
        List<Object> args = new ArrayList<>();
        args.add(who.instanceId());
        args.add(Sql.ts(leaseUntil));
        args.add(Sql.cut(who.passId(), 64));
        args.add(Sql.cut(who.host(), 255));
        args.add(who.pid());
        args.add(who.processStart() == null ? null : who.processStart().toEpochMilli());
        int idAt = args.size();
        args.add(null);
        args.addAll(List.of(whichArgs));
        args.add(Sql.ts(now));
        Object[] row = args.toArray();
        // One transaction for the claim, not one per row: the commits were most of the claim's
        // cost in a warm pass. Rows are taken a window at a time (the most due first), each window
        // in id order: an instance waiting for a row holds only rows of lower id, so two instances
        // claiming at once cannot deadlock. A further window only when the last won nothing (all
        // taken by others), so the claim comes back empty only when nothing is left.
        return ownTx.execute(
                status -> {
                    List<String> won = new ArrayList<>();
                    int from = 0;
                    while (won.isEmpty() && from < candidates.size()) {
                        int to = Math.min(candidates.size(), from + max);
                        for (String id : candidates.subList(from, to).stream().sorted().toList()) {
                            row[idAt] = id;
                            if (jdbc.update(update, row) == 1) won.add(id);
                        }
                        from = to;
                    }
                    return won;
                });
    }

    private static String inList(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** Gives back claims this instance holds but will not finish (a pass stopped early). */
    public void release(String instance, java.util.Collection<String> ids) {
        ownTx.executeWithoutResult(
                status -> {
                    for (String id : ids) {
                        jdbc.update(
                                "UPDATE source SET claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?",
                                id,
                                instance);
                    }
                });
    }

    public Optional<SourceState> find(String id) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM source s WHERE s.id = ?", MAPPER, id)
                .stream()
                .findFirst();
    }

    /**
     * The failures in a row so far (0 for a source not stored): all the writer needs to back off,
     * without {@link #find}'s story count.
     */
    public int failures(String id) {
        return jdbc
                .query("SELECT failures FROM source WHERE id = ?", (rs, i) -> rs.getInt(1), id)
                .stream()
                .findFirst()
                .orElse(0);
    }

    /** Every source ever configured, active ones first. */
    public List<SourceState> all() {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM source s ORDER BY s.active DESC, s.id", MAPPER);
    }

    /** The earliest next fetch among pollable sources, if any. */
    public Optional<Instant> nextDue() {
        return jdbc
                .query(
                        "SELECT MIN(next_due_at) AS d FROM source WHERE active = TRUE AND retired_at IS NULL",
                        (rs, i) -> Sql.instant(rs, "d"))
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    void recordSuccess(String id, Instant now, FetchOutcome o, Instant nextDue) {
        jdbc.update(SUCCESS, successArgs(id, now, o, nextDue));
    }

    /** {@link #recordSuccess} for many sources, as one JDBC batch. */
    void recordSuccesses(List<FetchOutcome> outcomes, List<Instant> nextDue, Instant now) {
        List<Object[]> rows = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            FetchOutcome o = outcomes.get(i);
            rows.add(successArgs(o.sourceId(), now, o, nextDue.get(i)));
        }
        jdbc.batchUpdate(SUCCESS, rows);
    }

    private static final String SUCCESS =
            "UPDATE source SET last_fetch_at = ?, last_success_at = ?, last_status = ?, last_error = NULL, "
                    + "failures = 0, failing_since = NULL, next_due_at = ?, etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified), "
                    + "body_hash = COALESCE(?, body_hash), title = COALESCE(?, title), site_url = COALESCE(?, site_url), "
                    + "effective_url = COALESCE(?, effective_url), image_url = COALESCE(?, image_url), claimed_by = NULL, "
                    + "claimed_until = NULL WHERE id = ?";

    private static Object[] successArgs(String id, Instant now, FetchOutcome o, Instant nextDue) {
        return new Object[] {
            Sql.ts(now),
            Sql.ts(now),
            o.httpStatus() == 0 ? null : o.httpStatus(),
            Sql.ts(nextDue),
            Sql.cut(o.etag(), 1000),
            Sql.cut(o.lastModified(), 200),
            o.bodyHash(),
            Sql.cut(o.feedTitle(), 1000),
            Sql.cut(o.siteUrl(), 2048),
            Sql.cut(o.effectiveUrl(), 2048),
            Sql.cut(o.feedImage(), 2048),
            id
        };
    }

    void recordFailure(
            String id, Instant now, int status, String error, Instant nextDue, boolean retire) {
        jdbc.update(
                "UPDATE source SET last_fetch_at = ?, last_status = ?, last_error = ?, failures = failures + 1, "
                        + "failing_since = COALESCE(failing_since, ?), next_due_at = ?, retired_at = CASE WHEN ? THEN ? ELSE retired_at END, claimed_by = NULL, "
                        + "claimed_until = NULL WHERE id = ?",
                Sql.ts(now),
                status == 0 ? null : status,
                Sql.cut(error, 2000),
                Sql.ts(now),
                Sql.ts(nextDue),
                retire,
                Sql.ts(now),
                id);
    }

    private static final RowMapper<SourceState> MAPPER =
            (rs, i) ->
                    new SourceState(
                            rs.getString("id"),
                            rs.getString("url"),
                            rs.getString("effective_url"),
                            rs.getString("title"),
                            rs.getString("site_url"),
                            rs.getString("etag"),
                            rs.getString("last_modified"),
                            rs.getString("body_hash"),
                            Sql.instant(rs, "last_fetch_at"),
                            Sql.instant(rs, "last_success_at"),
                            Sql.intOrNull(rs, "last_status"),
                            rs.getString("last_error"),
                            rs.getInt("failures"),
                            Sql.instant(rs, "next_due_at"),
                            Sql.instant(rs, "retired_at"),
                            rs.getBoolean("active"),
                            rs.getLong("story_count"),
                            rs.getString("guid_policy") == null
                                    ? "guid"
                                    : rs.getString("guid_policy"),
                            Sql.instant(rs, "failing_since"));
}
