package org.feedhub.app;

import java.util.List;
import java.util.Map;
import org.feedhub.store.SourceState;
import org.feedhub.store.SourceStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "aggregation": the last pass (from Spring Batch's job
 * repository, so any instance's pass counts), the share of failing sources, and whether a feeds.yml
 * edit was refused (the reason is logged, not shown: health is public). Down when most sources
 * fail.
 */
@Component("aggregation")
class PassHealth implements HealthIndicator {
    private final JdbcTemplate jdbc;
    private final SourceStore sources;
    private final LiveConfig config;

    PassHealth(JdbcTemplate jdbc, SourceStore sources, LiveConfig config) {
        this.jdbc = jdbc;
        this.sources = sources;
        this.config = config;
    }

    @Override
    public Health health() {
        List<Map<String, Object>> last =
                jdbc.queryForList(
                        "SELECT e.STATUS, e.EXIT_CODE, e.END_TIME FROM BATCH_JOB_EXECUTION e "
                                + "JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'aggregate' "
                                + "ORDER BY e.JOB_EXECUTION_ID DESC LIMIT 1");
        List<SourceState> active = sources.all().stream().filter(SourceState::active).toList();
        long failing =
                active.stream().filter(s -> s.failures() > 0 || s.retiredAt() != null).count();
        Health.Builder b =
                active.isEmpty() || failing * 2 <= active.size() ? Health.up() : Health.down();
        b.withDetail("sources", active.size()).withDetail("failingSources", failing);
        if (!last.isEmpty()) {
            Object end = last.get(0).get("END_TIME");
            b.withDetail("lastPassStatus", String.valueOf(last.get(0).get("STATUS")));
            if (end instanceof java.sql.Timestamp t) {
                b.withDetail("lastPassEnded", t.toInstant().toString());
            } else if (end instanceof java.time.LocalDateTime t) {
                b.withDetail("lastPassEnded", t.toString());
            }
        } else {
            b.withDetail("lastPassStatus", "none yet");
        }
        // whether, not what: the reason (file paths, the edit's text) is in the log, not public
        if (config.lastError() != null) b.withDetail("feedsYmlRefused", true);
        return b.build();
    }
}
