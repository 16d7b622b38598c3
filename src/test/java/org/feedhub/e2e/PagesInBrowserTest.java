package org.feedhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pages as a reader sees them: Debian's headless Chromium (installed by .ci/run) loads {@code
 * /} and a topic page of the shipped demo at a phone's width; the rendered DOM is checked and
 * screenshots are kept in {@code target/screenshots/}. Skipped where no Chromium is installed. The
 * demo's feeds.yml and samples are copied beside each other into the test's own folder.
 */
@FeedhubE2E
class PagesInBrowserTest {
    /** The shipped demo: its feeds.yml and the sample feeds it reads (file: URLs beside it). */
    @FeedhubE2E.BeforeContext
    static void demo(E2E e2e) {
        e2e.writeDemo();
    }

    String base;

    @BeforeEach
    void demoStories(E2E e2e) {
        assumeTrue(
                Chromium.installed(),
                "needs Debian's chromium (apt-get install chromium; .ci/run does)");
        e2e.runPass();
        base = e2e.appBase();
    }

    @Test
    void theIndexListsEveryTopicWithSubscribeLinksAtPhoneWidth() throws Exception {
        String url = base + "/";
        String dom = Chromium.dom(url);
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
        Path shot = Chromium.screenshot(url, "index.png", 390);
        assertThat(shot).isRegularFile();
        assertThat(Files.size(shot)).isGreaterThan(5_000);
    }

    @Test
    void aTopicPageShowsItsStoriesWithSummariesAndCarriers() throws Exception {
        String url = base + "/topics/sergei-lavrov";
        String dom = Chromium.dom(url);
        assertThat(dom)
                .contains(
                        "<article",
                        "Lavrov: Complete Iranian withdrawal from Syria unrealistic",
                        "<time datetime=",
                        "The Ledger",
                        "Wire Desk")
                .doesNotContain("PPIO");
        Path shot = Chromium.screenshot(url, "topic-sergei-lavrov.png", 390);
        assertThat(Files.size(shot)).isGreaterThan(5_000);
    }
}
