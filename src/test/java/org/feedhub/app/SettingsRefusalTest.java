package org.feedhub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.feedhub.FeedhubProperties;
import org.feedhub.InvalidSetting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Spring's own binding of the settings: the defaults when nothing is set, and a start-up refused
 * with the setting and its value named when one is wrong (never a quiet default).
 */
class SettingsRefusalTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({
        FeedhubProperties.class,
        HubProperties.class,
        SubscriberProperties.class
    })
    static class AllSettings {}

    final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(AllSettings.class);

    @Test
    void nothingSetBindsTheDefaults() {
        runner.run(
                ctx -> {
                    assertThat(ctx).hasNotFailed();
                    FeedhubProperties p = ctx.getBean(FeedhubProperties.class);
                    assertThat(p.feeds()).isEqualTo("feeds.yml");
                    assertThat(p.poll().concurrency()).isEqualTo(16);
                    assertThat(p.fetch().maxBodySize()).isEqualTo(DataSize.ofMegabytes(10));
                    assertThat(p.schedule().enabled()).isTrue();
                    assertThat(p.normalize().stripParams()).isEmpty();
                    HubProperties hub = ctx.getBean(HubProperties.class);
                    assertThat(hub.worker()).isTrue();
                    assertThat(hub.retryDelay()).isEqualTo(Duration.ofMinutes(2));
                    assertThat(ctx.getBean(SubscriberProperties.class).lease())
                            .isEqualTo(Duration.ofDays(7));
                });
    }

    @Test
    void theOldNameOfPollConcurrencyIsStillRead() {
        runner.withPropertyValues("feedhub.fetch.concurrency=3")
                .run(
                        ctx ->
                                assertThat(
                                                ctx.getBean(FeedhubProperties.class)
                                                        .poll()
                                                        .concurrency())
                                        .isEqualTo(3));
        runner.withPropertyValues("feedhub.fetch.concurrency=3", "feedhub.poll.concurrency=5")
                .run(
                        ctx ->
                                assertThat(
                                                ctx.getBean(FeedhubProperties.class)
                                                        .poll()
                                                        .concurrency())
                                        .isEqualTo(5));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            feedhub.poll.concurrency=0           | feedhub.poll.concurrency=0: must be at least 1
            feedhub.fetch.concurrency=-1         | feedhub.fetch.concurrency=-1: must be at least 1
            feedhub.schedule.tick=0s             | feedhub.schedule.tick=0s: must be longer than 0
            feedhub.fetch.per-host=0             | feedhub.fetch.per-host=0: must be at least 1
            feedhub.dedup.max-distance=64        | feedhub.dedup.max-distance=64: must be 0 to 63
            feedhub.fulltext.time-budget=-1s     | feedhub.fulltext.time-budget=-1s: must not be negative
            feedhub.hub.concurrency=0            | feedhub.hub.concurrency=0: must be at least 1
            feedhub.hub.max-request-size=0KB     | feedhub.hub.max-request-size=0B: must be more than 0B
            feedhub.websub.pushes-per-minute=0   | feedhub.websub.pushes-per-minute=0: must be at least 1
            """)
    void aWrongValueStopsStartUpNamingTheSettingAndTheValue(String setting, String message) {
        runner.withPropertyValues(setting)
                .run(
                        ctx -> {
                            assertThat(ctx).hasFailed();
                            assertThat(ctx.getStartupFailure())
                                    .rootCause()
                                    .isInstanceOf(InvalidSetting.class)
                                    .hasMessage(message);
                        });
    }

    @Test
    void aValueOfTheWrongTypeStopsStartUpNamingTheSetting() {
        runner.withPropertyValues("feedhub.hub.retry-delay=banana")
                .run(
                        ctx -> {
                            assertThat(ctx).hasFailed();
                            Throwable t = ctx.getStartupFailure();
                            while (!(t instanceof BindException) && t.getCause() != null)
                                t = t.getCause();
                            BindException b = (BindException) t;
                            assertThat(b.getProperty().getName().toString())
                                    .isEqualTo("feedhub.hub.retry-delay");
                            assertThat(b.getProperty().getValue()).isEqualTo("banana");
                        });
    }

    /** The application itself, not only its settings, refuses to start. */
    @Test
    void theApplicationDoesNotStartWithAWrongSetting() {
        assertThatThrownBy(
                        () ->
                                new SpringApplicationBuilder(FeedhubApplication.class)
                                        .web(WebApplicationType.NONE)
                                        .run(
                                                "--spring.datasource.url=jdbc:h2:mem:refused-"
                                                        + UUID.randomUUID(),
                                                "--feedhub.schedule.enabled=false",
                                                "--feedhub.poll.max-items=0")
                                        .close())
                .rootCause()
                .isInstanceOf(InvalidSetting.class)
                .hasMessage("feedhub.poll.max-items=0: must be at least 1");
    }
}
