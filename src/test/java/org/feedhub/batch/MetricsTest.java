package org.feedhub.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.feedhub.store.FetchOutcome;
import org.feedhub.store.WriteCounts;
import org.junit.jupiter.api.Test;

/** The story counters are named by what identification decided. */
class MetricsTest {
    @Test
    void eachDecisionCountsUnderItsOwnKind() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Metrics.record(
                meters,
                new PassReport.SourceLine(
                        "wire",
                        FetchOutcome.Kind.FETCHED,
                        200,
                        null,
                        new WriteCounts(1, 2, 3, 4, 5),
                        List.of(),
                        10));
        assertThat(count(meters, "new")).isEqualTo(1);
        assertThat(count(meters, "merged")).isEqualTo(2);
        assertThat(count(meters, "updated")).isEqualTo(3);
        assertThat(count(meters, "unchanged")).isEqualTo(4);
        assertThat(count(meters, "forgotten")).isEqualTo(5);
        assertThat(meters.find("feedhub.stories").tag("kind", "duplicate").counter()).isNull();
    }

    private static double count(SimpleMeterRegistry meters, String kind) {
        return meters.get("feedhub.stories").tag("kind", kind).counter().count();
    }
}
