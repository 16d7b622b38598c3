package org.feedhub.app;

import java.time.Clock;
import org.feedhub.FeedhubProperties;
import org.feedhub.batch.Instance;
import org.feedhub.publish.TopicFeeds;
import org.feedhub.websub.CallbackClient;
import org.feedhub.websub.HubDispatcher;
import org.feedhub.websub.HubIntake;
import org.feedhub.websub.HubSettings;
import org.feedhub.websub.HubStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wiring of the WebSub hub ({@code org.feedhub.websub}); its worker is {@link HubWorker}, its
 * endpoint {@code HubController}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HubProperties.class)
class HubBeans {

    @Bean
    HubSettings hubSettings(HubProperties hub, FeedhubProperties props) {
        return hub.settings(
                props.fetch().allowPrivateNetworks(), props.fetch().userAgentOrDefault());
    }

    @Bean
    HubStore hubStore(JdbcTemplate jdbc, PlatformTransactionManager tx) {
        return new HubStore(jdbc, tx);
    }

    @Bean
    CallbackClient callbackClient(HubSettings settings) {
        return new CallbackClient(settings);
    }

    @Bean
    HubIntake hubIntake(
            HubStore store, LiveConfig live, HubSettings settings, HubProperties hub, Clock clock) {
        return new HubIntake(store, live::config, settings, hub.limits(), clock);
    }

    @Bean
    HubDispatcher hubDispatcher(
            HubStore store,
            CallbackClient client,
            TopicFeeds feeds,
            LiveConfig live,
            HubSettings settings,
            Clock clock,
            Instance instance) {
        return new HubDispatcher(
                store,
                client,
                feeds,
                live::config,
                settings,
                clock,
                instance.id(),
                instance.lease());
    }
}
