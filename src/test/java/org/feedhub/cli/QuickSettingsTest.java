package org.feedhub.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.feedhub.FeedhubProperties;
import org.feedhub.InvalidSetting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.core.env.ConfigurableEnvironment;

/** The quick settings of check and preview mean what Spring Boot's config data means. */
class QuickSettingsTest {
    @TempDir Path dir;

    private ConfigurableEnvironment env(String... args) {
        return QuickSettings.environment(args, dir).orElseThrow();
    }

    private void write(String name, String yaml) throws Exception {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, yaml);
    }

    private FeedhubProperties bind(String... args) {
        return QuickSettings.bind(env(args), "feedhub", FeedhubProperties.class);
    }

    @Test
    void packagedSpringSettingsApplyWhenNothingElseSaysOtherwise() {
        assertThat(env().getProperty("server.port")).isEqualTo("8080");
    }

    @Test
    void feedhubDefaultsComeFromThePropertiesRecordsNotFromAFile() {
        assertThat(env().getProperty("feedhub.feeds")).isNull();
        assertThat(bind().feeds()).isEqualTo("feeds.yml");
        assertThat(bind().fetch().maxRedirects()).isEqualTo(5);
    }

    @Test
    void aFileInTheWorkingDirectoryOverridesThePackagedDefault() throws Exception {
        write("application.yml", "feedhub:\n  feeds: here.yml\n");
        assertThat(env().getProperty("feedhub.feeds")).isEqualTo("here.yml");
    }

    @Test
    void configFolderOverridesTheWorkingDirectory() throws Exception {
        write("application.yml", "feedhub:\n  feeds: here.yml\n");
        write("config/application.yml", "feedhub:\n  feeds: config.yml\n");
        assertThat(env().getProperty("feedhub.feeds")).isEqualTo("config.yml");
    }

    @Test
    void anArgumentOverridesEveryFile() throws Exception {
        write("config/application.yml", "feedhub:\n  feeds: config.yml\n");
        assertThat(env("--feedhub.feeds=arg.yml").getProperty("feedhub.feeds"))
                .isEqualTo("arg.yml");
    }

    @Test
    void anActiveProfilesFileOverridesThePlainOne() throws Exception {
        write("config/application.yml", "feedhub:\n  feeds: config.yml\n");
        write("config/application-pg.yml", "feedhub:\n  feeds: pg.yml\n");
        assertThat(env("--spring.profiles.active=pg").getProperty("feedhub.feeds"))
                .isEqualTo("pg.yml");
    }

    @Test
    void aProfileActivatedInAFileCounts() throws Exception {
        write("config/application.yml", "spring:\n  profiles:\n    active: pg\n");
        write("application-pg.yml", "feedhub:\n  feeds: pg.yml\n");
        assertThat(env().getProperty("feedhub.feeds")).isEqualTo("pg.yml");
    }

    @Test
    void anInactiveProfilesFileIsIgnored() throws Exception {
        write("config/application-pg.yml", "feedhub:\n  feeds: pg.yml\n");
        assertThat(bind().feeds()).isEqualTo("feeds.yml");
    }

    @Test
    void aWrongValueIsRefusedNamingTheSettingAsTheServerDoes() throws Exception {
        write("config/application.yml", "feedhub:\n  poll:\n    concurrency: 0\n");
        assertThatThrownBy(this::bind)
                .isInstanceOf(BindException.class)
                .rootCause()
                .isInstanceOf(InvalidSetting.class)
                .hasMessage("feedhub.poll.concurrency=0: must be at least 1");
        assertThatThrownBy(
                        () ->
                                QuickSettings.bind(
                                        env("--feedhub.hub.retry-delay=banana"),
                                        "feedhub.hub",
                                        org.feedhub.app.HubProperties.class))
                .isInstanceOf(BindException.class)
                .satisfies(
                        e ->
                                assertThat(((BindException) e).getProperty().getName().toString())
                                        .isEqualTo("feedhub.hub.retry-delay"));
    }

    @Test
    void relaxedNamesBindToTheTypedSettings() throws Exception {
        write("config/application.yml", "feedhub:\n  base-url: https://news.example\n");
        FeedhubProperties p =
                QuickSettings.bind(
                        env("--feedhub.fetch.max-redirects=3"), "feedhub", FeedhubProperties.class);
        assertThat(p.baseUrl()).isEqualTo("https://news.example");
        assertThat(p.fetch().maxRedirects()).isEqualTo(3);
    }

    @Test
    void pollConcurrencyDefaultsTo16AndTheOldFetchNameIsStillRead() {
        assertThat(
                        QuickSettings.bind(env(), "feedhub", FeedhubProperties.class)
                                .poll()
                                .concurrency())
                .isEqualTo(16);
        assertThat(
                        QuickSettings.bind(
                                        env("--feedhub.fetch.concurrency=2"),
                                        "feedhub",
                                        FeedhubProperties.class)
                                .poll()
                                .concurrency())
                .isEqualTo(2);
        assertThat(
                        QuickSettings.bind(
                                        env(
                                                "--feedhub.fetch.concurrency=2",
                                                "--feedhub.poll.concurrency=3"),
                                        "feedhub",
                                        FeedhubProperties.class)
                                .poll()
                                .concurrency())
                .isEqualTo(3);
    }

    @Test
    void configLocationsAreLeftToSpring() {
        assertThat(QuickSettings.environment(new String[] {"--spring.config.location=x/"}, dir))
                .isEmpty();
    }

    @Test
    void multiDocumentFilesAreLeftToSpring() throws Exception {
        write(
                "config/application.yml",
                "feedhub:\n  feeds: a.yml\n---\nspring.config.activate.on-profile: pg\nfeedhub:\n  feeds: b.yml\n");
        assertThat(QuickSettings.environment(new String[0], dir)).isEmpty();
    }

    @Test
    void propertiesFilesAreLeftToSpring() throws Exception {
        write("application.properties", "feedhub.feeds=p.yml\n");
        assertThat(QuickSettings.environment(new String[0], dir)).isEmpty();
    }
}
