package org.feedhub.batch;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.feedhub.FeedhubProperties;
import org.feedhub.claim.Claims;
import org.feedhub.config.FeedsConfig;
import org.feedhub.config.SourceDef;
import org.feedhub.pipeline.ConfigInForce;
import org.feedhub.pipeline.SourcePipeline;
import org.feedhub.store.FetchOutcome;
import org.feedhub.store.Retention;
import org.feedhub.store.SourceStore;
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
 * The "aggregate" job, glue around {@link SourcePipeline}: step {@code poll} claims the sources
 * that are due, polls them concurrently in its reader (see {@link PollingReader}), and stores each
 * source in its own transaction as soon as it is ready; step {@code retention} purges stories past
 * {@code keep}. The database's {@code next_due_at}, not the step's context, says what is left to
 * do, so a killed pass simply leaves its unfinished sources due.
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
            ItemStreamReader<List<FetchOutcome>> polledSources,
            ItemWriter<List<FetchOutcome>> outcomeWriter) {
        // Concurrency lives in the reader (see PollingReader). A chunk of one item, and the item
        // is every source whose poll is done by then: each source is stored as soon as it is
        // polled, never waiting for a slower one, while Batch's bookkeeping (a transaction and a
        // step-execution update per chunk) is paid per handful of sources, not per source: one
        // chunk per source made a pass of 1,000 sources answering 304 a second slower.
        return new StepBuilder("poll", jobs)
                .<List<FetchOutcome>, List<FetchOutcome>>chunk(1)
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
            Supplier<FeedsConfig> config,
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
                                                                config.get().defaults().keep(),
                                                                clock.instant(),
                                                                500);
                                                retention.trimNearDuplicateIndex(clock.instant());
                                                if (purged > 0)
                                                    log.info(
                                                            "retention: purged {} stories older than {}",
                                                            purged,
                                                            config.get().defaults().keep());
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
     * polled (fetch to enrich, see {@link SourcePipeline#poll}) concurrently, with the config in
     * force when the step began.
     */
    @Bean
    @StepScope
    ItemStreamReader<List<FetchOutcome>> polledSources(
            SourceStore sources,
            Clock clock,
            Instance instance,
            PassRunner runner,
            FeedhubProperties props,
            Supplier<ConfigInForce> configInForce,
            SourcePipeline pipeline,
            Claims claims,
            @Value("#{jobParameters['all']}") Boolean all,
            @Value("#{jobParameters['started']}") Long started,
            @Value("#{jobParameters['pass.id']}") String passId,
            @Value("#{jobParameters['only']}") String only) {
        int concurrency = props.poll().concurrency();
        ConfigInForce rules = configInForce.get();
        java.util.Set<String> onlyIds = PassRunner.onlyIds(only);
        return new PollingReader(
                () ->
                        claims.claimNext(
                                passId,
                                Boolean.TRUE.equals(all),
                                Instant.ofEpochMilli(started),
                                concurrency,
                                onlyIds),
                id -> {
                    SourceDef def = rules.config().source(id).orElse(null);
                    if (def == null) {
                        // removed from feeds.yml since the pass began: give the claim back
                        // untouched
                        sources.release(instance.id(), List.of(id));
                        return FetchOutcome.failed(id, 0, "no longer in feeds.yml");
                    }
                    return pipeline.poll(def, sources.find(id).orElse(null), rules);
                },
                sources,
                instance.id(),
                runner::stopRequested,
                runner::abandoned,
                runner.polling(),
                concurrency);
    }

    /** Stores each source as it comes (see {@link SourcePipeline#store}) and reports it. */
    @Bean
    @StepScope
    ItemWriter<List<FetchOutcome>> outcomeWriter(
            Supplier<ConfigInForce> configInForce,
            SourceStore sources,
            SourcePipeline pipeline,
            Clock clock,
            PassReports reports,
            MeterRegistry meters,
            @Value("#{jobParameters['pass.id']}") String passId) {
        ConfigInForce rules = configInForce.get();
        return chunk -> {
            List<FetchOutcome> outcomes = chunk.getItems().stream().flatMap(List::stream).toList();
            Set<FetchOutcome> storedTogether = storeUnchanged(outcomes, rules, pipeline, clock);
            for (FetchOutcome o : outcomes) {
                SourceDef def = rules.config().source(o.sourceId()).orElse(null);
                if (def == null) continue; // removed from feeds.yml: nothing to record
                Instant now = clock.instant();
                // Only a failure's back-off depends on the failures before it.
                int failuresSoFar = o.failed() ? sources.failures(o.sourceId()) : 0;
                Instant next =
                        Backoff.next(now, def.every(), failuresSoFar, o.failed(), o.retryAfter());
                WriteCounts counts;
                FetchOutcome stored = o;
                try {
                    counts =
                            storedTogether.contains(o)
                                    ? WriteCounts.NONE
                                    : pipeline.store(o, now, next);
                } catch (RuntimeException e) {
                    failuresSoFar = sources.failures(o.sourceId());
                    // A store error for one source is that source's failure, not the pass's.
                    log.error("storing source {} failed", o.sourceId(), e);
                    stored =
                            FetchOutcome.failed(
                                            o.sourceId(),
                                            o.httpStatus(),
                                            "could not store: " + e.getMessage())
                                    .took(o.millis());
                    counts =
                            pipeline.store(
                                    stored,
                                    now,
                                    Backoff.next(now, def.every(), failuresSoFar, true, null));
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
                if (stored.failed()) log.warn("source {}", line.describe());
                else log.info("source {}", line.describe());
            }
            PassReport report = reports.get(passId);
            if (report != null
                    && report.sources() % 50 < outcomes.size()
                    && report.sources() >= 50) {
                log.info(
                        "pass progress: {} sources done, {} more due",
                        report.sources(),
                        sources.dueCount(clock.instant()));
            }
        };
    }

    /**
     * Stores the chunk's outcomes that write only their source's row in one transaction, and
     * returns them; if that fails, none is returned and each is stored on its own as before.
     */
    private static Set<FetchOutcome> storeUnchanged(
            List<FetchOutcome> outcomes,
            ConfigInForce rules,
            SourcePipeline pipeline,
            Clock clock) {
        List<FetchOutcome> quiet = new java.util.ArrayList<>();
        List<Instant> next = new java.util.ArrayList<>();
        Instant now = clock.instant();
        for (FetchOutcome o : outcomes) {
            SourceDef def = rules.config().source(o.sourceId()).orElse(null);
            if (def == null || !SourcePipeline.onlySourceRow(o)) continue;
            quiet.add(o);
            next.add(Backoff.next(now, def.every(), 0, false, o.retryAfter()));
        }
        if (quiet.size() < 2) return Set.of();
        try {
            pipeline.storeUnchanged(quiet, next, now);
        } catch (RuntimeException e) {
            log.warn("storing {} unchanged sources together failed; one by one", quiet.size(), e);
            return Set.of();
        }
        Set<FetchOutcome> stored = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        stored.addAll(quiet);
        return stored;
    }
}
