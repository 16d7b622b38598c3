package org.feedhub.batch;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;

/** Per-source counters and timings for /actuator/prometheus. */
final class Metrics {
    private Metrics() {}

    static void record(MeterRegistry meters, PassReport.SourceLine line) {
        String outcome = line.kind().name().toLowerCase(java.util.Locale.ROOT);
        meters.counter("feedhub.fetch", "source", line.sourceId(), "outcome", outcome).increment();
        meters.timer("feedhub.fetch.duration", "outcome", outcome)
                .record(line.millis(), TimeUnit.MILLISECONDS);
        meters.counter("feedhub.stories", "kind", "new").increment(line.counts().added());
        meters.counter("feedhub.stories", "kind", "merged").increment(line.counts().merged());
        meters.counter("feedhub.stories", "kind", "updated").increment(line.counts().updated());
        meters.counter("feedhub.stories", "kind", "unchanged").increment(line.counts().unchanged());
        meters.counter("feedhub.stories", "kind", "forgotten").increment(line.counts().forgotten());
    }
}
