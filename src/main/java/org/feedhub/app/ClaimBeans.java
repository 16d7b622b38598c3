package org.feedhub.app;

import java.time.Clock;
import org.feedhub.FeedhubProperties;
import org.feedhub.batch.Instance;
import org.feedhub.claim.ClaimRules;
import org.feedhub.claim.Claims;
import org.feedhub.claim.Heartbeat;
import org.feedhub.claim.OwnerProcess;
import org.feedhub.claim.ProcessProbe;
import org.feedhub.store.SourceStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Claims on sources and this instance's heartbeat. */
@Configuration(proxyBeanMethods = false)
class ClaimBeans {

    @Bean
    OwnerProcess ownerProcess(FeedhubProperties props) {
        return OwnerProcess.current(props.cluster().host());
    }

    @Bean
    Heartbeat heartbeat(
            JdbcTemplate jdbc,
            PlatformTransactionManager tx,
            Instance instance,
            OwnerProcess me,
            FeedhubProperties props) {
        return new Heartbeat(jdbc, tx, instance.id(), me, props.cluster().heartbeat());
    }

    @Bean
    Claims claims(
            JdbcTemplate jdbc,
            PlatformTransactionManager tx,
            SourceStore sources,
            Instance instance,
            OwnerProcess me,
            Heartbeat heartbeat,
            Clock clock,
            FeedhubProperties props) {
        ClaimRules rules =
                new ClaimRules(me, props.cluster().heartbeatTimeout(), ProcessProbe.LOCAL);
        return new Claims(
                jdbc,
                tx,
                sources,
                instance.id(),
                me,
                rules,
                heartbeat,
                clock,
                props.cluster().lease());
    }
}
