package org.feedhub.app;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "sources": the share of listed sources that fail. Always UP:
 * publishers' outages are news for editors, not a reason to take serving out of a load balancer.
 */
@Component("sources")
class SourcesHealth implements HealthIndicator {
    private final SourceCounts counts;

    SourcesHealth(SourceCounts counts) {
        this.counts = counts;
    }

    @Override
    public Health health() {
        SourceCounts.Counts c = counts.now();
        return Health.up()
                .withDetail("sources", c.total())
                .withDetail("failing", c.failing())
                .withDetail("backingOff", c.backingOff())
                .withDetail("retired", c.retired())
                .withDetail("failingShare", Math.round(c.failingShare() * 1000) / 1000.0)
                .build();
    }
}
