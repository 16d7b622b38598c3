package org.feedhub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 5005 paging: 5 stories, limit 2 → a live feed of 2 and two full archive pages linked both
 * ways.
 */
@FeedhubE2E
class ArchivePagingTest {

    @FeedhubE2E.BeforeContext
    static void sources(E2E e2e) {
        WireMockServer wire = e2e.wiremock();
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            items.append("<item><title>Story ")
                    .append(i)
                    .append("</title><link>https://news.test/")
                    .append(i)
                    .append("</link><guid>g")
                    .append(i)
                    .append("</guid><pubDate>Mon, 0")
                    .append(i)
                    .append(" Jan 2018 10:00:00 GMT</pubDate><description>Text ")
                    .append(i)
                    .append(".</description></item>");
        }
        wire.stubFor(
                get("/feed.rss")
                        .willReturn(
                                aResponse()
                                        .withBody(
                                                "<rss version=\"2.0\"><channel><title>T</title>"
                                                        + "<link>https://news.test/</link><description>d</description>"
                                                        + items
                                                        + "</channel></rss>")));
        e2e.writeFeeds(
                """
                    sources:
                      - id: news
                        url: http://localhost:%d/feed.rss
                    topics:
                      - id: all
                        title: All
                        limit: 2
                    """
                        .formatted(wire.port()));
    }

    static List<String> titles(String atom) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile(
                                "<entry>.*?<title[^>]*>(.*?)</title>",
                                java.util.regex.Pattern.DOTALL)
                        .matcher(atom);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void liveFeedAndFullArchivePagesCoverEveryStoryAndLinkEachOther(E2E e2e) throws Exception {
        e2e.runPass();
        String base = e2e.appBase();
        String live = e2e.request("/topics/all.atom").body();
        assertThat(titles(live)).containsExactly("Story 5", "Story 4");
        assertThat(live)
                .contains("rel=\"prev-archive\"", base + "/topics/all/archive/2.atom")
                .doesNotContain("fh:archive");

        HttpResponse<String> page2 = e2e.request("/topics/all/archive/2.atom");
        assertThat(page2.statusCode()).isEqualTo(200);
        assertThat(titles(page2.body())).containsExactly("Story 4", "Story 3");
        assertThat(page2.body())
                .contains(
                        "<fh:archive",
                        "rel=\"current\"",
                        base + "/topics/all/archive/1.atom",
                        "rel=\"self\"",
                        base + "/topics/all/archive/2.atom")
                .doesNotContain("next-archive");

        String page1 = e2e.request("/topics/all/archive/1.atom").body();
        assertThat(titles(page1)).containsExactly("Story 2", "Story 1");
        assertThat(page1).contains("rel=\"next-archive\"").doesNotContain("prev-archive");

        assertThat(e2e.request("/topics/all/archive/3.atom").statusCode()).isEqualTo(404);
        assertThat(e2e.request("/topics/all/archive/0.atom").statusCode()).isEqualTo(404);
        assertThat(e2e.request("/topics/nope/archive/1.atom").statusCode()).isEqualTo(404);
        assertThat(page2.headers().firstValue("ETag")).isPresent();
    }
}
