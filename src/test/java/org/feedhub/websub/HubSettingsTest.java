package org.feedhub.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HubSettingsTest {
    final HubSettings defaults = HubSettings.defaults();

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
    void leaseBoundsAreSettingsAndAMaxBelowTheMinIsRaisedToIt() {
        HubSettings s =
                new HubSettings(
                        Duration.ofMinutes(5),
                        Duration.ofSeconds(10),
                        Duration.ofMinutes(1),
                        0,
                        0,
                        0,
                        0,
                        null,
                        0,
                        null,
                        null,
                        null,
                        0,
                        0,
                        false,
                        null);
        assertThat(s.grantedLeaseSeconds(null)).isEqualTo(60); // the default is cut to the max too
        assertThat(s.grantedLeaseSeconds(1L)).isEqualTo(10);
        HubSettings inverted =
                new HubSettings(
                        null,
                        Duration.ofHours(2),
                        Duration.ofHours(1),
                        0,
                        0,
                        0,
                        0,
                        null,
                        0,
                        null,
                        null,
                        null,
                        0,
                        0,
                        false,
                        null);
        assertThat(inverted.maxLease()).isEqualTo(Duration.ofHours(2));
        assertThat(inverted.grantedLeaseSeconds(99_999_999L)).isEqualTo(7200);
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
        Duration base = HubSettings.defaults().retryDelay();
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
