package org.feedhub.claim;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This instance's row in {@code instance_heartbeat}, renewed every {@code interval} with the
 * database's clock (so hosts whose clocks differ still agree on its age). Written before the first
 * pass and removed on a clean shutdown, after the last.
 */
public class Heartbeat implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTx;
    private final String instanceId;
    private final OwnerProcess me;
    private final Duration interval;
    private volatile String passId;
    private ScheduledExecutorService timer;

    public Heartbeat(
            JdbcTemplate jdbc,
            PlatformTransactionManager txManager,
            String instanceId,
            OwnerProcess me,
            Duration interval) {
        this.jdbc = jdbc;
        // Committed at once, even when called inside a pass's chunk transaction.
        this.ownTx = new TransactionTemplate(txManager);
        this.ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.instanceId = instanceId;
        this.me = me;
        this.interval = interval;
    }

    /** The pass this instance works on now, shown in its row. */
    public void working(String passId) {
        if (passId != null && !passId.equals(this.passId)) {
            this.passId = passId;
            beat();
        }
    }

    /** Renews the row (writing it anew if another instance took it for dead and removed it). */
    public void beat() {
        try {
            ownTx.executeWithoutResult(status -> write());
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next beat tries again.
            log.warn("heartbeat not written: {}", e.getMessage());
        }
    }

    private void write() {
        {
            int n =
                    jdbc.update(
                            "UPDATE instance_heartbeat SET beat_at = CURRENT_TIMESTAMP, pass_id = ? "
                                    + "WHERE instance_id = ?",
                            passId,
                            instanceId);
            if (n == 0) {
                jdbc.update(
                        "INSERT INTO instance_heartbeat (instance_id, host, pid, started, pass_id, beat_at) "
                                + "VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)",
                        instanceId,
                        me.host(),
                        me.pid(),
                        me.start() == null ? null : me.start().toEpochMilli(),
                        passId);
            }
        }
    }

    @Override
    public synchronized void start() {
        if (timer != null) return;
        beat();
        timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "heartbeat");
                            t.setDaemon(true);
                            return t;
                        });
        long ms = interval.toMillis();
        timer.scheduleWithFixedDelay(this::beat, ms, ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer == null) return;
        timer.shutdownNow();
        timer = null;
        try {
            jdbc.update("DELETE FROM instance_heartbeat WHERE instance_id = ?", instanceId);
        } catch (RuntimeException e) {
            log.warn("heartbeat row not removed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    /** Up before any pass starts, down after the last one ended. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
