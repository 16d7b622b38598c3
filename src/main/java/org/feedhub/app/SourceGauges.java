package org.feedhub.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * Gauges read at each scrape: {@code feedhub_sources_failing}, {@code feedhub_sources_backing_off},
 * {@code feedhub_last_successful_pass_timestamp_seconds} (alert when {@code time() - it} grows).
 */
@Component
class SourceGauges implements MeterBinder {
    private final SourceCounts counts;

    SourceGauges(SourceCounts counts) {
        this.counts = counts;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("feedhub.sources.failing", counts, c -> c.now().failing())
                .description("listed sources whose last fetch failed (not retired)")
                .register(registry);
        Gauge.builder("feedhub.sources.backing.off", counts, c -> c.now().backingOff())
                .description("failing sources waiting out their backoff")
                .register(registry);
        Gauge.builder(
                        "feedhub.last.successful.pass.timestamp",
                        counts,
                        SourceCounts::lastSuccessfulPass)
                .description("when the last completed pass ended (epoch seconds)")
                .baseUnit("seconds")
                .register(registry);
    }
}
