package org.feedhub.websub.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When feedhub subscribes to its sources' hubs, and what it says when it does not. */
class SubscriberSettingsTest {

    static SubscriberSettings settings(boolean subscribe, String baseUrl, boolean allowPrivate) {
        return org.feedhub.app.ShippedSettings.subscriber(subscribe, baseUrl, allowPrivate);
    }

    @Test
    void offWhenTheSettingIsOff() {
        assertThat(Subscriber.reasonNotToSubscribe(settings(false, "http://127.0.0.1:1", true)))
                .isEqualTo("feedhub.websub.subscribe is off");
    }

    @Test
    void offWithoutABaseUrl() {
        assertThat(Subscriber.reasonNotToSubscribe(settings(true, "", true)))
                .contains("feedhub.base-url is not set");
        assertThat(Subscriber.reasonNotToSubscribe(settings(true, null, true)))
                .contains("feedhub.base-url is not set");
    }

    @Test
    void offWhenTheBaseUrlIsPrivate() {
        assertThat(Subscriber.reasonNotToSubscribe(settings(true, "http://127.0.0.1:8080", false)))
                .contains("not a public address")
                .contains("allow-private-networks");
        assertThat(Subscriber.reasonNotToSubscribe(settings(true, "http://10.1.2.3/", false)))
                .contains("not a public address");
    }

    @Test
    void offWhenTheBaseUrlIsNotHttp() {
        assertThat(Subscriber.reasonNotToSubscribe(settings(true, "ftp://feeds.example", true)))
                .contains("only http and https");
    }

    @Test
    void onForALoopbackBaseUrlWhenPrivateNetworksAreAllowed() {
        assertThat(Subscriber.reasonNotToSubscribe(settings(true, "http://127.0.0.1:8080/", true)))
                .isNull();
    }

    @Test
    void defaultsAndTrailingSlashes() {
        SubscriberSettings s = settings(true, "https://feeds.example/news//", false);
        assertThat(s.baseUrl()).isEqualTo("https://feeds.example/news");
        assertThat(s.lease()).isEqualTo(Duration.ofDays(7));
        assertThat(s.pollEvery()).isEqualTo(Duration.ofHours(6));
        assertThat(s.maxPushBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(s.pushesPerMinute()).isEqualTo(20);
    }

    @Test
    void retriesBackOffAndAreCappedAtADay() {
        Duration base = Duration.ofMinutes(5);
        assertThat(Subscriber.backoff(base, 1)).isEqualTo(Duration.ofMinutes(5));
        assertThat(Subscriber.backoff(base, 3)).isEqualTo(Duration.ofMinutes(20));
        assertThat(Subscriber.backoff(base, 50)).isEqualTo(Duration.ofDays(1));
    }
}
