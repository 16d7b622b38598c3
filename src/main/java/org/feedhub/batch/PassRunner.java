package org.feedhub.batch;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;

/** Starts aggregation passes, one at a time in this JVM, and hands back what each did. */
public class PassRunner {
    private static final Logger log = LoggerFactory.getLogger(PassRunner.class);
    private final JobOperator operator;
    private final Job job;
    private final PassReports reports;
    private final MeterRegistry meters;
    private final ReentrantLock running = new ReentrantLock();

    public PassRunner(JobOperator operator, Job job, PassReports reports, MeterRegistry meters) {
        this.operator = operator;
        this.job = job;
        this.reports = reports;
        this.meters = meters;
    }

    /**
     * Runs one pass now.
     *
     * @param all every active source, not only those due (the {@code aggregate} command)
     * @return the report, or null when another pass of this JVM is still running
     */
    public PassReport run(boolean all) {
        if (!running.tryLock()) return null;
        String passId = UUID.randomUUID().toString();
        try {
            PassReport report = reports.open(passId);
            JobParameters params = new JobParametersBuilder()
                    .addString("pass.id", passId)
                    .addJobParameter("all", all, Boolean.class, false)
                    .toJobParameters();
            long start = System.nanoTime();
            String status;
            try {
                JobExecution execution = operator.start(job, params);
                status = execution.getExitStatus().getExitCode();
                if (!execution.getAllFailureExceptions().isEmpty()) {
                    log.error("pass failed", execution.getAllFailureExceptions().get(0));
                }
            } catch (Exception e) {
                log.error("pass could not start", e);
                status = "FAILED: " + e.getMessage();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            report.finish(took, status);
            meters.timer("feedhub.pass.duration").record(took);
            log.info("pass {}: {} sources, {} new stories, {} failed, {} ms", status, report.sources(), report.added(),
                    report.failed(), took.toMillis());
            return report;
        } finally {
            reports.close(passId);
            running.unlock();
        }
    }
}
