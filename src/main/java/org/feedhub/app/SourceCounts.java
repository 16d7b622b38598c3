package org.feedhub.app;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many listed sources work, fail, back off or are retired: one query, for health and gauges.
 */
@Component
class SourceCounts {
    record Counts(long total, long failing, long backingOff, long retired) {
        /** Failing or retired, as a share of all listed sources (0 when there are none). */
        double failingShare() {
            return total == 0 ? 0 : (double) (failing + retired) / total;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SourceCounts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Counts now() {
        return jdbc.queryForObject(
                "SELECT COUNT(*), "
                        + "COALESCE(SUM(CASE WHEN failures > 0 AND retired_at IS NULL THEN 1 ELSE 0 END), 0), "
                        + "COALESCE(SUM(CASE WHEN failures > 0 AND retired_at IS NULL AND next_due_at > ? THEN 1 ELSE 0 END), 0), "
                        + "COALESCE(SUM(CASE WHEN retired_at IS NOT NULL THEN 1 ELSE 0 END), 0) "
                        + "FROM source WHERE active = TRUE",
                (rs, i) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** When the last pass that completed ended, in epoch seconds; NaN before the first. */
    double lastSuccessfulPass() {
        java.util.List<Object> ends =
                jdbc.queryForList(
                        "SELECT MAX(e.END_TIME) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i "
                                + "ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'aggregate' "
                                + "AND e.STATUS = 'COMPLETED'",
                        Object.class);
        Object end = ends.isEmpty() ? null : ends.get(0);
        Instant t = null;
        if (end instanceof java.sql.Timestamp ts) t = ts.toInstant();
        else if (end instanceof java.time.LocalDateTime ldt)
            t = ldt.atZone(java.time.ZoneId.systemDefault()).toInstant();
        return t == null ? Double.NaN : t.toEpochMilli() / 1000.0;
    }
}
