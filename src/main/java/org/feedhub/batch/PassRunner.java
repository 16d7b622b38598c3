package org.feedhub.batch;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.feedhub.claim.Claims;
import org.feedhub.claim.Skip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.SmartLifecycle;

/**
 * Starts aggregation passes, one at a time in this JVM, and hands back what each did.
 *
 * <p>Takeover: before each pass, the claims of passes whose process is gone are freed and their
 * executions, still "running" in the job repository, abandoned (see {@link Claims}); the new pass
 * polls their unfinished sources. After it, the sources a live pass elsewhere kept from it are
 * named in its report and the log. On shutdown the running pass stops reading new sources, finishes
 * the chunk in hand and gives back its other claims.
 */
public class PassRunner implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(PassRunner.class);

    /** After the wait, how long the interrupted pass gets to record itself as stopped. */
    private static final Duration INTERRUPT_WAIT = Duration.ofSeconds(5);

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final PassReports reports;
    private final MeterRegistry meters;
    private final Instance instance;
    private final Claims claims;
    private final StalePasses stale;
    private final ReentrantLock running = new ReentrantLock();
    private volatile boolean stopRequested;
    private final java.util.List<Runnable> afterPass =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean lifecycleRunning;

    /** How long shutdown waits for the sources in flight ({@code feedhub.stop-wait}). */
    private volatile Duration stopWait = Duration.ZERO;

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
            Instance instance,
            Claims claims) {
        this.operator = operator;
        this.repository = repository;
        this.job = job;
        this.reports = reports;
        this.meters = meters;
        this.instance = instance;
        this.claims = claims;
        this.stale = new StalePasses(operator, repository, claims);
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
            // Takeover: free the claims of passes that are gone and abandon their executions;
            // this pass then polls their unfinished sources.
            List<String> notes = new ArrayList<>();
            claims.takeOver().forEach(t -> notes.add(t.describe()));
            notes.addAll(stale.abandon(job.getName()));
            String passId = UUID.randomUUID().toString();
            long started = Instant.now().toEpochMilli();
            JobParameters params =
                    new JobParametersBuilder()
                            .addString("pass.id", passId)
                            .addJobParameter("all", all, Boolean.class, false)
                            .addJobParameter("started", started, Long.class, false)
                            .addString("instance", instance.id(), false)
                            .toJobParameters();
            PassReport report = execute(passId, () -> operator.start(job, params));
            // Say what a live pass elsewhere kept from this one.
            for (Skip skip : claims.heldElsewhere(Instant.ofEpochMilli(started), all)) {
                String line = skip.describe(ZoneId.systemDefault());
                log.info(line);
                notes.add(line);
            }
            notes.forEach(report::note);
            return report;
        } finally {
            passThread = null;
            running.unlock();
        }
    }

    /** {@code feedhub.stop-wait} (its default is the setting's; until set, no wait). */
    public void stopWait(Duration wait) {
        stopWait = java.util.Objects.requireNonNull(wait, "wait");
    }

    /** Whether shutdown stopped waiting for the sources in flight: the reader ends the step. */
    boolean abandoned() {
        return abandoned;
    }

    /** The sources the running pass is polling now (the reader keeps it). */
    java.util.Set<String> polling() {
        return polling;
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
            return claims.releaseAll();
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
