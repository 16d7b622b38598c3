package org.feedhub.websub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.feedhub.app.ShippedSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;

class HubSettingsTest {
    final HubSettings defaults = ShippedSettings.hub();

    @Test
    void leaseDefaultsToTenDaysAndStaysWithinAnHourAndThirtyDays() {
        assertThat(defaults.grantedLeaseSeconds(null)).isEqualTo(864_000);
        assertThat(defaults.grantedLeaseSeconds(7200L)).isEqualTo(7200);
        assertThat(defaults.grantedLeaseSeconds(60L)).isEqualTo(3600);
        assertThat(defaults.grantedLeaseSeconds(3600L)).isEqualTo(3600);
        assertThat(defaults.grantedLeaseSeconds(30L * 86_400)).isEqualTo(30L * 86_400);
        assertThat(defaults.grantedLeaseSeconds(365L * 86_400)).isEqualTo(30L * 86_400);
        assertThat(defaults.grantedLeaseSeconds(Long.MAX_VALUE)).isEqualTo(30L * 86_400);
    }

    @Test
    void leaseBoundsAreSettings() {
        HubSettings s =
                ShippedSettings.hub(
                        "feedhub.hub.default-lease=5m",
                        "feedhub.hub.min-lease=10s",
                        "feedhub.hub.max-lease=1m");
        assertThat(s.grantedLeaseSeconds(null)).isEqualTo(60); // the default is cut to the max too
        assertThat(s.grantedLeaseSeconds(1L)).isEqualTo(10);
    }

    @Test
    void aMaxLeaseBelowTheMinIsRefusedNamingIt() {
        assertThatThrownBy(
                        () ->
                                ShippedSettings.hub(
                                        "feedhub.hub.min-lease=2h", "feedhub.hub.max-lease=1h"))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("feedhub.hub.max-lease=1h")
                .hasMessageContaining("feedhub.hub.min-lease");
    }

    @Test
    void defaultsMatchTheDocumentedOnes() {
        assertThat(defaults.maxPerHost()).isEqualTo(100);
        assertThat(defaults.maxRequestBytes()).isEqualTo(64 * 1024);
        assertThat(defaults.deliveryAttempts()).isEqualTo(6);
        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.allowPrivateNetworks()).isFalse();
    }

    @Test
    void retriesBackOffExponentiallyOverAboutAnHourAndAreCapped() {
        Duration base = defaults.retryDelay();
        assertThat(HubSettings.backoff(base, 1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(HubSettings.backoff(base, 2)).isEqualTo(Duration.ofMinutes(4));
        assertThat(HubSettings.backoff(base, 5)).isEqualTo(Duration.ofMinutes(32));
        Duration total = Duration.ZERO;
        for (int failures = 1; failures < defaults.deliveryAttempts(); failures++)
            total = total.plus(HubSettings.backoff(base, failures));
        assertThat(total).isEqualTo(Duration.ofMinutes(62)); // 6 attempts span about an hour
        assertThat(HubSettings.backoff(base, 40)).isEqualTo(Duration.ofDays(1));
    }
}
