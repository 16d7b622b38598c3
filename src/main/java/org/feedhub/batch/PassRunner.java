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

    /** How long shutdown waits for the sources in flight ({@code feedhub.stop-wait}). */
    public static final Duration DEFAULT_STOP_WAIT = Duration.ofSeconds(20);

    /** After the wait, how long the interrupted pass gets to record itself as stopped. */
    private static final Duration INTERRUPT_WAIT = Duration.ofSeconds(5);

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
    private volatile Duration stopWait = DEFAULT_STOP_WAIT;
    private volatile Thread passThread;
    private volatile boolean abandoned;
    private final java.util.Set<String> polling =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

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
        passThread = Thread.currentThread();
        polling.clear();
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
            passThread = null;
            running.unlock();
        }
    }

    /** {@code feedhub.stop-wait}; null keeps the default. */
    public void stopWait(Duration wait) {
        if (wait != null && !wait.isNegative()) stopWait = wait;
    }

    /** Whether shutdown stopped waiting for the sources in flight: the reader ends the step. */
    boolean abandoned() {
        return abandoned;
    }

    /** The sources the running pass is polling now (the reader keeps it). */
    java.util.Set<String> polling() {
        return polling;
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
     * Shutdown: stop reading new sources and give back their claims, let the sources in flight
     * finish for up to {@code feedhub.stop-wait}; past it, interrupt the pass (it records itself as
     * failed) and give back every claim this instance still holds, so the next pass of any instance
     * takes those sources at once. A few lines, whatever happens.
     */
    @Override
    public void stop() {
        stopRequested = true;
        lifecycleRunning = false;
        if (!running.isLocked()) return;
        int n = polling.size();
        log.warn(
                "stopping: finishing {} source{} {}(waiting up to {} s)",
                n,
                n == 1 ? "" : "s",
                n == 0 ? "" : polling + " ",
                stopWait.toSeconds());
        try {
            if (!waitForPass(stopWait)) {
                abandoned = true; // the reader ends the step, its finished sources are written
                boolean ended = waitForPass(INTERRUPT_WAIT);
                if (!ended) { // stuck elsewhere (writing): interrupt it
                    Thread t = passThread;
                    if (t != null) t.interrupt();
                    ended = waitForPass(INTERRUPT_WAIT);
                }
                int given = giveBackClaims();
                log.warn(
                        "stopped: {} still unfinished after {} s; {} claim{} given back{}",
                        polling.isEmpty() ? "a source" : polling,
                        stopWait.toSeconds(),
                        given,
                        given == 1 ? "" : "s",
                        ended ? "" : "; the pass is left to the next start");
                return;
            }
            giveBackClaims();
            log.warn("stopped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean waitForPass(Duration wait) throws InterruptedException {
        if (!running.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) return false;
        running.unlock();
        return true;
    }

    /** Claims of this instance that no pass of it will finish now; how many. */
    private int giveBackClaims() {
        try {
            return jdbc.update(
                    "UPDATE source SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ?",
                    instance.id());
        } catch (RuntimeException e) {
            log.warn("could not give back claims: {}", e.getMessage());
            return 0;
        }
    }

    @Override
    public boolean isRunning() {
        return lifecycleRunning;
    }
}
