package org.feedhub.app;

import io.micrometer.core.instrument.MeterRegistry;
import org.feedhub.websub.HubDispatcher;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the hub's worker every {@code feedhub.hub.tick} on a thread of its own, so deliveries never
 * wait for an aggregation pass (and the other way round). Only in the server, and only with {@code
 * feedhub.hub.worker}.
 */
@Component
@ConditionalOnWebApplication
class HubWorker implements SmartLifecycle {
    private final HubDispatcher hub;
    private final HubProperties props;
    private final MeterRegistry meters;
    private Ticker timer;

    HubWorker(HubDispatcher hub, HubProperties props, MeterRegistry meters) {
        this.hub = hub;
        this.props = props;
        this.meters = meters;
    }

    /**
     * {@code feedhub_hub_deliveries_total{outcome}} and {@code
     * feedhub_hub_verifications_total{outcome}}.
     */
    private void count(HubDispatcher.RunReport r) {
        meters.counter("feedhub.hub.deliveries", "outcome", "delivered").increment(r.delivered());
        meters.counter("feedhub.hub.deliveries", "outcome", "failed").increment(r.failed());
        meters.counter("feedhub.hub.verifications", "outcome", "verified").increment(r.verified());
        meters.counter("feedhub.hub.verifications", "outcome", "refused").increment(r.refused());
        meters.counter("feedhub.hub.verifications", "outcome", "denied").increment(r.denied());
    }

    @Override
    public synchronized void start() {
        if (!props.worker()) return;
        timer = Ticker.start("hub-worker", props.tick(), () -> count(hub.runOnce()));
    }

    @Override
    public synchronized void stop() {
        if (timer == null) return;
        timer.stop();
        timer = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
