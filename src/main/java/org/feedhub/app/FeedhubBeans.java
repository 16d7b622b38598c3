package org.feedhub.app;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.feedhub.FeedhubProperties;
import org.feedhub.batch.Instance;
import org.feedhub.batch.PassReports;
import org.feedhub.batch.PassRunner;
import org.feedhub.claim.Claims;
import org.feedhub.config.FeedsConfig;
import org.feedhub.fetch.HttpFetcher;
import org.feedhub.identify.Identifier;
import org.feedhub.pipeline.ConfigInForce;
import org.feedhub.pipeline.PipelineSettings;
import org.feedhub.pipeline.SourcePipeline;
import org.feedhub.pipeline.StageTimings;
import org.feedhub.publish.Site;
import org.feedhub.publish.StaticExport;
import org.feedhub.publish.TopicFeeds;
import org.feedhub.publish.web.BaseUrl;
import org.feedhub.store.FeedQueries;
import org.feedhub.store.NearDuplicates;
import org.feedhub.store.Retention;
import org.feedhub.store.SourceStore;
import org.feedhub.store.StoredItems;
import org.feedhub.store.StoryStore;
import org.feedhub.store.TopicIndex;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Spring wiring of the plain-Java stages: the only place that knows how they fit together. */
@Configuration(proxyBeanMethods = false)
class FeedhubBeans {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SourceStore sourceStore(JdbcTemplate jdbc, PlatformTransactionManager tx) {
        return new SourceStore(jdbc, tx);
    }

    @Bean
    NearDuplicates nearDuplicates(JdbcTemplate jdbc, FeedhubProperties props) {
        return new NearDuplicates(
                jdbc,
                props.dedup().settings(),
                props.dedup().maxStoriesFor(Runtime.getRuntime().maxMemory()));
    }

    @Bean
    StoryStore storyStore(
            JdbcTemplate jdbc,
            PlatformTransactionManager tx,
            SourceStore sources,
            NearDuplicates near) {
        return new StoryStore(jdbc, tx, sources, near);
    }

    @Bean
    TopicIndex topicIndex(JdbcTemplate jdbc, PlatformTransactionManager tx, StoryStore stories) {
        return new TopicIndex(jdbc, tx, stories);
    }

    @Bean
    Retention retention(
            JdbcTemplate jdbc,
            PlatformTransactionManager tx,
            StoryStore stories,
            NearDuplicates near) {
        return new Retention(jdbc, tx, stories, near);
    }

    @Bean
    FeedQueries feedQueries(JdbcTemplate jdbc, FeedhubProperties props) {
        return new FeedQueries(
                jdbc,
                new org.feedhub.store.EntryIds(jdbc, props.baseUrl(), props.publish().installId()));
    }

    @Bean
    LiveConfig liveConfig(
            FeedhubProperties props, SourceStore sources, TopicIndex index, Clock clock) {
        return new LiveConfig(
                Path.of(props.feeds()), sources, index, clock, props.tags().entities());
    }

    @Bean
    HttpFetcher fetcher(FeedhubProperties props, LiveConfig live) {
        return new HttpFetcher(props.fetch().settings(live.config().file().getParent()));
    }

    @Bean
    Identifier identifier(JdbcTemplate jdbc, NearDuplicates near) {
        return new Identifier(new StoredItems(jdbc), near);
    }

    @Bean
    SourcePipeline sourcePipeline(
            HttpFetcher fetcher,
            Identifier identifier,
            StoryStore stories,
            Clock clock,
            FeedhubProperties props,
            MeterRegistry meters) {
        return new SourcePipeline(
                        fetcher,
                        identifier,
                        stories,
                        clock,
                        new PipelineSettings(
                                props.normalize().stripParams(),
                                props.fulltext().settings(),
                                props.poll().processingDeadline(),
                                props.poll().maxItems()))
                .timedBy(
                        new StageTimings() {
                            @Override
                            public void fetched(Duration took, String outcome) {
                                meters.timer("feedhub.fetch.request.duration", "outcome", outcome)
                                        .record(took);
                            }

                            @Override
                            public void parsed(Duration took, boolean ok) {
                                meters.timer(
                                                "feedhub.parse.duration",
                                                "outcome",
                                                ok ? "ok" : "refused")
                                        .record(took);
                            }
                        });
    }

    /** The pipeline's view of the feeds.yml in force, taken once per pass. */
    @Bean
    Supplier<ConfigInForce> configInForce(LiveConfig live) {
        return () -> {
            LiveConfig.Snapshot s = live.current();
            return new ConfigInForce(s.config(), s.enricher(), s.matcher());
        };
    }

    @Bean
    PassReports passReports() {
        return new PassReports();
    }

    @Bean
    Instance instance(FeedhubProperties props) {
        return Instance.create(props.cluster().lease());
    }

    @Bean
    PassRunner passRunner(
            JobOperator operator,
            JobRepository repository,
            Job aggregateJob,
            PassReports reports,
            MeterRegistry meters,
            Instance instance,
            Claims claims,
            FeedhubProperties props) {
        PassRunner runner =
                new PassRunner(
                        operator, repository, aggregateJob, reports, meters, instance, claims);
        runner.stopWait(props.stopWait());
        return runner;
    }

    /** Cluster-wide once-only work (retention) through ShedLock's table. */
    @Bean
    LockingTaskExecutor lockingTaskExecutor(JdbcTemplate jdbc) {
        return new DefaultLockingTaskExecutor(
                new JdbcTemplateLockProvider(
                        JdbcTemplateLockProvider.Configuration.builder()
                                .withJdbcTemplate(jdbc)
                                .usingDbTime()
                                .build()));
    }

    @Bean
    TopicFeeds topicFeeds(
            FeedQueries queries, LiveConfig live, PassRunner passes, FeedhubProperties props) {
        TopicFeeds feeds = new TopicFeeds(queries, live::config, props.publish().versionTtl());
        passes.afterEachPass(feeds::forgetVersions);
        return feeds;
    }

    @Bean
    Site site(FeedQueries queries, SourceStore sources, TopicFeeds feeds, LiveConfig live) {
        return new Site(queries, sources, feeds, live::config);
    }

    @Bean
    StaticExport staticExport(
            Site site, TopicFeeds feeds, LiveConfig live, FeedhubProperties props) {
        return new StaticExport(site, feeds, live::config, props.publish().exportHub());
    }

    @Bean
    BaseUrl baseUrl(FeedhubProperties props) {
        return new BaseUrl(props.baseUrl());
    }

    /** For code that only reads the config in force. */
    @Bean
    Supplier<FeedsConfig> feedsConfig(LiveConfig live) {
        return live::config;
    }
}
