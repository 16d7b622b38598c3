package org.feedhub.batch;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.feedhub.FeedhubProperties;
import org.feedhub.app.LiveConfig;
import org.feedhub.config.SourceDef;
import org.feedhub.store.FetchOutcome;
import org.feedhub.store.Retention;
import org.feedhub.store.SourceState;
import org.feedhub.store.SourceStore;
import org.feedhub.store.StoryStore;
import org.feedhub.store.WriteCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The "aggregate" job: step {@code poll} claims the sources that are due, polls them concurrently
 * in its reader (fetch, parse, normalize, enrich; see {@link PollingReader}), and writes each
 * source in its own transaction; step {@code retention} purges stories past {@code keep}. The
 * database's {@code next_due_at}, not the step's context, says what is left to do, so a killed pass
 * simply leaves its unfinished sources due.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateJobConfiguration {
    private static final Logger log = LoggerFactory.getLogger(AggregateJobConfiguration.class);
    public static final String JOB_NAME = "aggregate";

    @Bean
    Job aggregateJob(JobRepository jobs, Step pollStep, Step retentionStep) {
        return new JobBuilder(JOB_NAME, jobs).start(pollStep).next(retentionStep).build();
    }

    @Bean
    Step pollStep(
            JobRepository jobs,
            PlatformTransactionManager tx,
            ItemStreamReader<Polled> polledSources,
            ItemWriter<Polled> outcomeWriter) {
        // Concurrency lives in the reader (see PollingReader); chunks are only how often the step
        // checkpoints.
        return new StepBuilder("poll", jobs)
                .<Polled, Polled>chunk(10)
                .transactionManager(tx)
                .reader(polledSources)
                .writer(outcomeWriter)
                .build();
    }

    @Bean
    Step retentionStep(
            JobRepository jobs,
            PlatformTransactionManager tx,
            Retention retention,
            LiveConfig config,
            Clock clock,
            LockingTaskExecutor locks) {
        return new StepBuilder("retention", jobs)
                .tasklet(
                        (contribution, context) -> {
                            // Once an hour across all instances: ShedLock holds the "retention"
                            // lock for at least that long.
                            locks.executeWithLock(
                                    (Runnable)
                                            () -> {
                                                int purged =
                                                        retention.purge(
                                                                config.config().defaults().keep(),
                                                                clock.instant(),
                                                                500);
                                                retention.trimNearDuplicateIndex(clock.instant());
                                                if (purged > 0)
                                                    log.info(
                                                            "retention: purged {} stories older than {}",
                                                            purged,
                                                            config.config().defaults().keep());
                                            },
                                    new LockConfiguration(
                                            clock.instant(),
                                            "retention",
                                            Duration.ofHours(1),
                                            Duration.ofHours(1)));
                            return RepeatStatus.FINISHED;
                        },
                        tx)
                .build();
    }

    /**
     * Due sources (or all, for {@code aggregate}), claimed for this instance a few at a time and
     * polled (fetch, parse, normalize, enrich) concurrently, with the config in force when the step
     * began.
     */
    @Bean
    @StepScope
    ItemStreamReader<Polled> polledSources(
            SourceStore sources,
            Clock clock,
            Instance instance,
            PassRunner runner,
            FeedhubProperties props,
            LiveConfig live,
            SourcePoller poller,
            @Value("#{jobParameters['all']}") Boolean all,
            @Value("#{jobParameters['started']}") Long started) {
        int concurrency = props.fetch().concurrency();
        LiveConfig.Snapshot snapshot = live.current();
        return new PollingReader(
                () -> {
                    Instant now = clock.instant();
                    return sources.claim(
                            instance.id(),
                            now,
                            now.plus(instance.lease()),
                            Boolean.TRUE.equals(all),
                            Instant.ofEpochMilli(started),
                            concurrency);
                },
                id -> {
                    SourceDef def = snapshot.config().source(id).orElse(null);
                    if (def == null) { // removed from feeds.yml since the pass began: give the
                        // claim back untouched
                        sources.release(instance.id(), List.of(id));
                        return new Polled(
                                new FetchOutcome(
                                        id,
                                        FetchOutcome.Kind.FAILED,
                                        0,
                                        "no longer in feeds.yml",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        List.of(),
                                        List.of(),
                                        0),
                                java.util.Map.of());
                    }
                    return Polled.of(
                            poller.poll(def, sources.find(id).orElse(null), snapshot.enricher()),
                            snapshot.matcher());
                },
                sources,
                instance.id(),
                runner::stopRequested,
                runner::abandoned,
                runner.polling(),
                concurrency);
    }

    @Bean
    @StepScope
    ItemWriter<Polled> outcomeWriter(
            LiveConfig live,
            SourceStore sources,
            StoryStore stories,
            Clock clock,
            PassReports reports,
            MeterRegistry meters,
            @Value("#{jobParameters['pass.id']}") String passId) {
        LiveConfig.Snapshot snapshot = live.current();
        return chunk -> {
            for (Polled polled : chunk) {
                FetchOutcome o = polled.outcome();
                SourceDef def = snapshot.config().source(o.sourceId()).orElse(null);
                if (def == null) continue; // removed from feeds.yml: nothing to record
                int failuresSoFar = sources.find(o.sourceId()).map(SourceState::failures).orElse(0);
                Instant now = clock.instant();
                Instant next =
                        Backoff.next(now, def.every(), failuresSoFar, o.failed(), o.retryAfter());
                WriteCounts counts;
                FetchOutcome stored = o;
                try {
                    counts = stories.apply(o, now, next, polled.assigner(snapshot.matcher()));
                } catch (RuntimeException e) {
                    // A store error for one source is that source's failure, not the pass's.
                    log.error("storing source {} failed", o.sourceId(), e);
                    stored =
                            new FetchOutcome(
                                    o.sourceId(),
                                    FetchOutcome.Kind.FAILED,
                                    o.httpStatus(),
                                    "could not store: " + e.getMessage(),
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    List.of(),
                                    List.of(),
                                    o.millis());
                    counts =
                            stories.apply(
                                    stored,
                                    now,
                                    Backoff.next(now, def.every(), failuresSoFar, true, null),
                                    snapshot.matcher()::topicsFor);
                }
                PassReport.SourceLine line =
                        new PassReport.SourceLine(
                                o.sourceId(),
                                stored.kind(),
                                stored.httpStatus(),
                                stored.error(),
                                counts,
                                stored.warnings(),
                                stored.millis());
                reports.add(passId, line);
                Metrics.record(meters, line);
                log.info("source {}", line.describe());
            }
            PassReport report = reports.get(passId);
            if (report != null && report.sources() % 50 < chunk.size() && report.sources() >= 50) {
                log.info(
                        "pass progress: {} sources done, {} more due",
                        report.sources(),
                        sources.dueCount(clock.instant()));
            }
        };
    }
}
