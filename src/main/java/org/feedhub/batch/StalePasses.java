package org.feedhub.batch;

import java.util.ArrayList;
import java.util.List;
import org.feedhub.claim.Claims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Spring Batch executions left "running" by an instance that is gone: each is recovered (its
 * running steps marked failed) and abandoned, so the job repository no longer shows it running.
 * Nothing of it is restarted: its unfinished sources are still due (or, for {@code aggregate}, not
 * yet fetched by the new pass), so the pass that replaces it polls them.
 */
final class StalePasses {
    private static final Logger log = LoggerFactory.getLogger(StalePasses.class);

    private final JobOperator operator;
    private final JobRepository repository;
    private final Claims claims;

    StalePasses(JobOperator operator, JobRepository repository, Claims claims) {
        this.operator = operator;
        this.repository = repository;
        this.claims = claims;
    }

    /** Abandons the running executions of {@code jobName} whose instance is gone; one note each. */
    List<String> abandon(String jobName) {
        List<String> notes = new ArrayList<>();
        for (JobExecution e : repository.findRunningJobExecutions(jobName)) {
            String owner = e.getJobParameters().getString("instance");
            if (!claims.gone(owner)) continue;
            String passId = e.getJobParameters().getString("pass.id");
            try {
                operator.abandon(operator.recover(e));
                String note =
                        "pass "
                                + passId
                                + " (execution "
                                + e.getId()
                                + ") was interrupted: abandoned; its unfinished sources are polled in this pass";
                log.info(note);
                notes.add(note);
            } catch (Exception ex) {
                // Another instance may have abandoned it a moment earlier.
                log.warn("could not abandon execution {}: {}", e.getId(), ex.getMessage());
            }
        }
        return notes;
    }
}
