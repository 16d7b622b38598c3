package org.feedhub.app;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import org.feedhub.FeedhubProperties;
import org.feedhub.batch.Instance;
import org.feedhub.batch.PassRunner;
import org.feedhub.config.SourceDef;
import org.feedhub.fetch.HttpFetcher;
import org.feedhub.pipeline.SourcePipeline;
import org.feedhub.store.SourceStore;
import org.feedhub.websub.subscribe.HubClient;
import org.feedhub.websub.subscribe.Subscriber;
import org.feedhub.websub.subscribe.SubscriberSettings;
import org.feedhub.websub.subscribe.SubscriptionStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wiring of feedhub as a WebSub subscriber ({@code org.feedhub.websub.subscribe}): polls report the
 * hubs they find, each pass spaces out the polls of subscribed sources; its worker is {@link
 * SubscriberWorker}, its endpoint {@code WebSubCallbackController}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SubscriberProperties.class)
class SubscriberBeans {

    @Bean
    SubscriberSettings subscriberSettings(SubscriberProperties websub, FeedhubProperties props) {
        return websub.settings(
                props.baseUrl(),
                props.fetch().allowPrivateNetworks(),
                props.fetch().userAgentOrDefault());
    }

    @Bean
    SubscriptionStore subscriptionStore(JdbcTemplate jdbc, PlatformTransactionManager tx) {
        return new SubscriptionStore(jdbc, tx);
    }

    @Bean
    Subscriber subscriber(
            SubscriptionStore store,
            SubscriberSettings settings,
            LiveConfig live,
            SourceStore sources,
            HttpFetcher fetcher,
            Clock clock,
            Instance instance,
            SourcePipeline pipeline,
            java.util.function.Supplier<org.feedhub.pipeline.ConfigInForce> rules,
            PassRunner passes) {
        Subscriber s =
                new Subscriber(
                        store,
                        new HubClient(settings),
                        new PushIntoPipeline(rules, sources, pipeline, fetcher, clock),
                        () -> sourceIds(live),
                        settings,
                        clock,
                        instance.id(),
                        instance.lease());
        pipeline.linksTo(s::discovered);
        passes.afterEachPass(s::stretchPolling);
        return s;
    }

    private static Set<String> sourceIds(LiveConfig live) {
        return live.config().sources().stream().map(SourceDef::id).collect(Collectors.toSet());
    }
}
