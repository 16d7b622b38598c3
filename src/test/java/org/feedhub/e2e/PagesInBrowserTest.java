package org.feedhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.feedhub.TestDatabase;
import org.feedhub.batch.PassRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pages as a reader sees them: Debian's headless Chromium (installed by .ci/run) loads {@code
 * /} and a topic page of the shipped demo at a phone's width; the rendered DOM is checked and
 * screenshots are kept in {@code target/screenshots/}. Skipped where no Chromium is installed.
 */
@SpringBootTest(
        classes = org.feedhub.app.FeedhubApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PagesInBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SHOTS = Path.of("target", "screenshots");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry r) {
        r.add(
                "feedhub.feeds",
                () -> Path.of("feeds.yml").toAbsolutePath().toString()); // the shipped demo
        r.add("feedhub.schedule.enabled", () -> "false");
        TestDatabase.register(r, "browser");
    }

    @LocalServerPort int port;
    @Autowired PassRunner passes;

    @BeforeEach
    void demoStories() {
        assumeTrue(
                Files.isExecutable(CHROMIUM),
                "needs Debian's chromium (apt-get install chromium; .ci/run does)");
        passes.run(true);
    }

    String chromium(String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                CHROMIUM.toString(),
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--hide-scrollbars",
                                "--user-data-dir=" + profile,
                                "--window-size=390,1200"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("chromium", ".out");
        Process p =
                new ProcessBuilder(cmd)
                        .redirectOutput(out.toFile())
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 60 s");
        }
        return Files.readString(out);
    }

    @Test
    void theIndexListsEveryTopicWithSubscribeLinksAtPhoneWidth() throws Exception {
        String url = "http://localhost:" + port + "/";
        String dom = chromium("--dump-dom", url);
        assertThat(dom)
                .contains(
                        "<html lang=\"en\"",
                        "Sergei Lavrov",
                        "Russian diplomacy",
                        "href=\"/topics/sergei-lavrov.rss\"",
                        "href=\"/topics/sergei-lavrov.atom\"",
                        "href=\"/topics/sergei-lavrov.json\"",
                        "type=\"application/atom+xml\"")
                .as("no script but the layout's own inline one")
                .doesNotContain("<script src");
        Files.createDirectories(SHOTS);
        Path shot = SHOTS.resolve("index.png").toAbsolutePath();
        chromium("--screenshot=" + shot, url);
        assertThat(shot).isRegularFile();
        assertThat(Files.size(shot)).isGreaterThan(5_000);
    }

    @Test
    void aTopicPageShowsItsStoriesWithSummariesAndCarriers() throws Exception {
        String url = "http://localhost:" + port + "/topics/sergei-lavrov";
        String dom = chromium("--dump-dom", url);
        assertThat(dom)
                .contains(
                        "<article",
                        "Lavrov: Complete Iranian withdrawal from Syria unrealistic",
                        "<time datetime=",
                        "The Ledger",
                        "Wire Desk")
                .doesNotContain("PPIO");
        Files.createDirectories(SHOTS);
        Path shot = SHOTS.resolve("topic-sergei-lavrov.png").toAbsolutePath();
        chromium("--screenshot=" + shot, url);
        assertThat(Files.size(shot)).isGreaterThan(5_000);
    }
}
