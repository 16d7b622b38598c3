package org.feedhub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.feedhub.app.LiveConfig;
import org.feedhub.batch.PassRunner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * RFC 5005 archives that lose nothing, with {@code limit: 3}: stories that arrive late with old
 * dates, and a topic-rule edit, never leave a story out of both the live feed and the archive, and
 * never put one on two archive pages; a page that changes gets a new ETag and a short max-age.
 */
@FeedhubE2E
class ArchiveCompletenessTest {
    /** One source, no stories stubbed yet: the test serves them pass by pass. */
    @FeedhubE2E.BeforeContext
    static void sources(E2E e2e) {
        e2e.writeFeeds(feedsYml(e2e.wiremock().port(), ""));
    }

    static String feedsYml(int port, String match) {
        return """
                sources:
                  - id: news
                    url: http://localhost:%d/feed.rss
                topics:
                  - id: all
                    title: All
                    limit: 3
                %s
                """
                .formatted(port, match);
    }

    /** Story n dated day n of January 2018; {@code old} ones dated December 2017. */
    static void serve(WireMockServer wire, int upTo, Set<Integer> old) {
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= upTo; i++) {
            String date =
                    old.contains(i)
                            ? String.format("%02d Dec 2017 10:00:00 GMT", i)
                            : String.format("%02d Jan 2018 10:00:00 GMT", i);
            items.append(
                    ("<item><title>Story %d</title><link>https://news.test/%d</link><guid>g%d</guid>"
                                    + "<pubDate>Mon, %s</pubDate><description>Text %d.</description></item>")
                            .formatted(i, i, i, date, i));
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
    }

    @LocalServerPort int port;
    @Autowired PassRunner passes;
    @Autowired LiveConfig live;

    HttpResponse<String> fetch(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    record Page(String url, List<String> titles, String etag, String cacheControl) {}

    /** The live feed, then every archive page from the newest, following prev-archive. */
    List<Page> walk() throws Exception {
        List<Page> pages = new ArrayList<>();
        String url = "http://localhost:" + port + "/topics/all.atom";
        Set<String> seen = new HashSet<>();
        while (url != null && seen.add(url)) {
            HttpResponse<String> r = fetch(url);
            assertThat(r.statusCode()).as(url).isEqualTo(200);
            SyndFeed feed = new SyndFeedInput().build(new StringReader(r.body()));
            List<String> titles = new ArrayList<>();
            for (SyndEntry e : feed.getEntries()) titles.add(e.getTitle());
            pages.add(
                    new Page(
                            url,
                            titles,
                            r.headers().firstValue("ETag").orElseThrow(),
                            r.headers().firstValue("Cache-Control").orElseThrow()));
            url = null;
            for (SyndLink l : feed.getLinks()) {
                if ("prev-archive".equals(l.getRel())) url = l.getHref();
            }
        }
        return pages;
    }

    static void assertCompleteAndDisjoint(List<Page> pages, Set<String> expected) {
        Set<String> everywhere = new HashSet<>(pages.get(0).titles());
        Set<String> archived = new HashSet<>();
        for (Page p : pages.subList(1, pages.size())) {
            for (String t : p.titles()) {
                assertThat(archived.add(t)).as(t + " on two archive pages").isTrue();
                everywhere.add(t);
            }
        }
        assertThat(everywhere).containsExactlyInAnyOrderElementsOf(expected);
    }

    static Set<String> stories(int... n) {
        Set<String> out = new HashSet<>();
        for (int i : n) out.add("Story " + i);
        return out;
    }

    @Test
    void everyStoryIsInTheLiveFeedOrOnExactlyOneArchivePageAcrossLateStoriesAndARuleEdit(E2E e2e)
            throws Exception {
        WireMockServer wire = e2e.wiremock();
        serve(wire, 7, Set.of());
        passes.run(true);
        List<Page> first = walk();
        assertThat(first.get(0).titles()).containsExactly("Story 7", "Story 6", "Story 5");
        assertCompleteAndDisjoint(first, stories(1, 2, 3, 4, 5, 6, 7));

        // Three more: one new, two late with dates older than everything stored.
        serve(wire, 10, Set.of(9, 10));
        passes.run(true);
        List<Page> second = walk();
        assertThat(second.get(0).titles()).containsExactly("Story 8", "Story 7", "Story 6");
        assertCompleteAndDisjoint(second, stories(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        // Pages are 1-3, 4-6, 7-9 and the last, incomplete one holding story 10 (not in the live
        // feed, so it must be archived somewhere).
        assertThat(second).hasSize(5);
        assertThat(second.get(1).url()).endsWith("/topics/all/archive/4.atom");
        assertThat(second.get(1).titles()).containsExactly("Story 10");
        Map<String, Page> before = byUrl(second);
        // Pages that were complete before the late stories came kept their stories (the newest
        // of them only gained its next-archive link).
        assertThat(before.get(url(1)).etag()).isEqualTo(byUrl(first).get(url(1)).etag());
        assertThat(before.get(url(2)).titles()).isEqualTo(byUrl(first).get(url(2)).titles());

        // An editor keeps story 5 out of the topic.
        e2e.writeFeeds(feedsYml(wire.port(), "    match: {none: [text 5]}"));
        assertThat(live.reloadIfChanged()).isTrue();
        List<Page> third = walk();
        assertCompleteAndDisjoint(third, stories(1, 2, 3, 4, 6, 7, 8, 9, 10));
        Map<String, Page> after = byUrl(third);
        assertThat(after.get(url(2)).titles()).containsExactly("Story 6", "Story 4");
        assertThat(after.get(url(2)).etag()).isNotEqualTo(before.get(url(2)).etag());
        assertThat(maxAge(after.get(url(2)))).isLessThanOrEqualTo(3600);
        assertThat(after.get(url(1)).etag()).isEqualTo(before.get(url(1)).etag());
        assertThat(after.get(url(3)).titles()).isEqualTo(before.get(url(3)).titles());

        // The rule is undone: story 5 comes back, on one page only.
        e2e.writeFeeds(feedsYml(wire.port(), ""));
        assertThat(live.reloadIfChanged()).isTrue();
        assertCompleteAndDisjoint(walk(), stories(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    }

    String url(int n) {
        return "http://localhost:" + port + "/topics/all/archive/" + n + ".atom";
    }

    static Map<String, Page> byUrl(List<Page> pages) {
        Map<String, Page> out = new LinkedHashMap<>();
        for (Page p : pages) out.put(p.url(), p);
        return out;
    }

    static long maxAge(Page p) {
        for (String part : p.cacheControl().split(",")) {
            String s = part.trim();
            if (s.startsWith("max-age=")) return Long.parseLong(s.substring(8));
        }
        throw new AssertionError("no max-age in " + p.cacheControl());
    }
}
