package org.feedhub.batch;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Starts aggregation passes, one at a time in this JVM, and hands back what each did.
 *
 * <p>Restart semantics: a pass whose process died (its execution still "running" in the job
 * repository but not updated for longer than the claim lease) is recovered and restarted with its
 * own parameters; its reader then claims only the sources that pass had not finished. On shutdown
 * the running pass stops reading new sources, finishes the chunk in hand and gives back its other
 * claims.
 */
public class PassRunner implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(PassRunner.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final PassReports reports;
    private final MeterRegistry meters;
    private final JdbcTemplate jdbc;
    private final Instance instance;
    private final ReentrantLock running = new ReentrantLock();
    private volatile boolean stopRequested;
    private final java.util.List<Runnable> afterPass =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean lifecycleRunning;

    public PassRunner(
            JobOperator operator,
            JobRepository repository,
            Job job,
            PassReports reports,
            MeterRegistry meters,
            JdbcTemplate jdbc,
            Instance instance) {
        this.operator = operator;
        this.repository = repository;
        this.job = job;
        this.reports = reports;
        this.meters = meters;
        this.jdbc = jdbc;
        this.instance = instance;
    }

    /**
     * Runs one pass now (first finishing a pass that a dead process left half done).
     *
     * @param all every active source, not only those due (the {@code aggregate} command)
     * @return the report, or null when another pass of this JVM is still running or shutdown began
     */
    public PassReport run(boolean all) {
        if (stopRequested || !running.tryLock()) return null;
        try {
            for (JobExecution stale : staleExecutions()) {
                PassReport resumed = restart(stale);
                if (resumed != null && !all) return resumed;
            }
            String passId = UUID.randomUUID().toString();
            JobParameters params =
                    new JobParametersBuilder()
                            .addString("pass.id", passId)
                            .addJobParameter("all", all, Boolean.class, false)
                            .addJobParameter(
                                    "started", Instant.now().toEpochMilli(), Long.class, false)
                            .addString("instance", instance.id(), false)
                            .toJobParameters();
            return execute(passId, () -> operator.start(job, params));
        } finally {
            running.unlock();
        }
    }

    /**
     * Polls just these sources now, whether due or backing off ({@code aggregate ID…}).
     *
     * @return the report, or null when another pass of this JVM is still running or shutdown began
     */
    public PassReport runOnly(java.util.Collection<String> ids) {
        if (ids.isEmpty()) throw new IllegalArgumentException("no source ids");
        if (stopRequested || !running.tryLock()) return null;
        try {
            String passId = UUID.randomUUID().toString();
            JobParameters params =
                    new JobParametersBuilder()
                            .addString("pass.id", passId)
                            .addJobParameter("all", true, Boolean.class, false)
                            .addJobParameter(
                                    "started", Instant.now().toEpochMilli(), Long.class, false)
                            .addString("instance", instance.id(), false)
                            .addString("only", String.join(",", ids), false)
                            .toJobParameters();
            return execute(passId, () -> operator.start(job, params));
        } finally {
            running.unlock();
        }
    }

    /** The {@code only} job parameter as ids; empty for every source. */
    static java.util.Set<String> onlyIds(String only) {
        if (only == null || only.isBlank()) return java.util.Set.of();
        return java.util.Set.of(only.split(","));
    }

    /** Something to run after each pass of this JVM (e.g. dropping cached topic versions). */
    public void afterEachPass(Runnable r) {
        afterPass.add(r);
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    private interface Launch {
        JobExecution launch() throws Exception;
    }

    private PassReport execute(String passId, Launch launch) {
        PassReport report = reports.open(passId);
        long start = System.nanoTime();
        String status;
        try {
            JobExecution execution = launch.launch();
            status = execution.getExitStatus().getExitCode();
            if (!execution.getAllFailureExceptions().isEmpty()) {
                log.error("pass failed", execution.getAllFailureExceptions().get(0));
            }
        } catch (Exception e) {
            log.error("pass could not start", e);
            status = "FAILED: " + e.getMessage();
        } finally {
            reports.close(passId);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        afterPass.forEach(Runnable::run);
        report.finish(took, status);
        meters.timer("feedhub.pass.duration").record(took);
        log.info(
                "pass {}: {} sources, {} new stories, {} failed, {} ms",
                status,
                report.sources(),
                report.added(),
                report.failed(),
                took.toMillis());
        return report;
    }

    /**
     * Passes still marked running whose last sign of life is older than the lease: their process
     * died.
     */
    private List<JobExecution> staleExecutions() {
        LocalDateTime before = LocalDateTime.now().minus(instance.lease());
        List<Long> ids =
                jdbc.queryForList(
                        "SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e "
                                + "JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID "
                                + "WHERE i.JOB_NAME = ? AND e.STATUS IN ('STARTING', 'STARTED', 'STOPPING') AND COALESCE("
                                + "(SELECT MAX(s.LAST_UPDATED) FROM BATCH_STEP_EXECUTION s WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID), "
                                + "e.LAST_UPDATED, e.CREATE_TIME) < ? ORDER BY e.JOB_EXECUTION_ID",
                        Long.class,
                        job.getName(),
                        before);
        return ids.stream()
                .map(repository::getJobExecution)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private PassReport restart(JobExecution stale) {
        String passId = stale.getJobParameters().getString("pass.id");
        log.warn(
                "pass {} (execution {}) was interrupted; restarting it to finish its sources",
                passId,
                stale.getId());
        try {
            JobExecution recovered = operator.recover(stale);
            return execute(passId, () -> operator.restart(recovered));
        } catch (Exception e) {
            log.warn("could not restart execution {}: {}", stale.getId(), e.getMessage());
            return null;
        }
    }

    @Override
    public void start() {
        lifecycleRunning = true;
    }

    /**
     * Shutdown: stop reading new sources, let the chunk in hand finish (bounded), give back the
     * rest.
     */
    @Override
    public void stop() {
        stopRequested = true;
        try {
            if (running.tryLock(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) running.unlock();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lifecycleRunning = false;
    }

    @Override
    public boolean isRunning() {
        return lifecycleRunning;
    }
}
