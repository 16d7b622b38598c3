package org.feedhub.app;

import java.time.Clock;
import org.feedhub.FeedhubProperties;
import org.feedhub.batch.PassRunner;
import org.feedhub.claim.Claims;
import org.feedhub.store.SourceStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The server's clock: every tick it re-reads feeds.yml if it changed and runs a pass when some
 * source is due. Each source's own {@code every} decides when it is due, so one tick serves every
 * interval. Only in the server: the sub-commands run their pass themselves.
 */
@Component
@EnableScheduling
@ConditionalOnWebApplication
class PassScheduler implements SchedulingConfigurer {
    private final LiveConfig config;
    private final SourceStore sources;
    private final PassRunner runner;
    private final Clock clock;
    private final Claims claims;
    private final FeedhubProperties.Schedule schedule;

    PassScheduler(
            LiveConfig config,
            SourceStore sources,
            PassRunner runner,
            Clock clock,
            Claims claims,
            FeedhubProperties props) {
        this.schedule = props.schedule();
        this.claims = claims;
        this.config = config;
        this.sources = sources;
        this.runner = runner;
        this.clock = clock;
    }

    /** {@code feedhub.schedule.*} (not {@code @Scheduled}: its defaults are the settings'). */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!schedule.enabled()) return;
        registrar.addFixedDelayTask(
                new FixedDelayTask(this::tick, schedule.tick(), schedule.initialDelay()));
    }

    void tick() {
        config.reloadIfChanged();
        // Claims of a holder that is gone hide due sources from anyDue: free them first.
        boolean tookOver = !claims.takeOver().isEmpty();
        if (tookOver || sources.anyDue(clock.instant())) {
            runner.run(false);
        } else if (!saidNothingDue) { // once, so a restart does not look like a silent hang
            saidNothingDue = true;
            log.info(
                    "no source is due yet; {}",
                    sources.nextDue()
                            .map(t -> "the next is due at " + t)
                            .orElse("no source can be polled (none listed, or all retired)"));
        }
    }

    private static final org.slf4j.Logger log =
            org.slf4j.LoggerFactory.getLogger(PassScheduler.class);
    private boolean saidNothingDue;
}
