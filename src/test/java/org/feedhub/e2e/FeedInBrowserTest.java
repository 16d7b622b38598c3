package org.feedhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A topic's RSS and Atom feeds opened in Chromium: the feed names /feed.xsl, and the browser shows
 * a page with the address to copy into a feed reader and the stories, not raw XML.
 */
@FeedhubE2E
class FeedInBrowserTest {
    /** The shipped demo: its feeds.yml and the sample feeds it reads. */
    @FeedhubE2E.BeforeContext
    static void demo(E2E e2e) {
        e2e.writeDemo();
    }

    @Test
    void rssAndAtomReadAsAPageWithTheSubscribeAddress(E2E e2e) throws Exception {
        e2e.runPass();
        String base = e2e.appBase();
        HttpResponse<String> xsl = e2e.request("/feed.xsl");
        assertThat(xsl.statusCode()).isEqualTo(200);
        assumeTrue(Chromium.installed(), "needs Debian's chromium");
        for (String ext : new String[] {"rss", "atom"}) {
            String url = base + "/topics/sergei-lavrov." + ext;
            String dom = Chromium.dom(url);
            assertThat(dom)
                    .as(ext)
                    .contains(
                            "This is a feed. Copy its address into your feed reader",
                            "value=\"" + url + "\"",
                            "<h1>Sergei Lavrov</h1>",
                            "Lavrov: Complete Iranian withdrawal from Syria unrealistic")
                    .doesNotContain("<rss", "<feed");
            assertThat(Chromium.screenshot(url, "feed-" + ext + ".png", 390)).isRegularFile();
        }
    }
}
