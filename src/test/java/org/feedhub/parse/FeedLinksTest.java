package org.feedhub.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WebSub discovery: the hub and self links of each kind of document, and of a Link header. */
class FeedLinksTest {
    final FeedParser parser = new FeedParser();

    FeedLinks links(String doc, String type) throws Exception {
        return parser.parse(
                        doc.getBytes(StandardCharsets.UTF_8),
                        type,
                        "https://pub.example/feed",
                        null)
                .links();
    }

    @Test
    void atomHubAndSelf() throws Exception {
        FeedLinks l =
                links(
                        """
                        <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>x</id>
                        <link rel="hub" href="https://hub.example/"/>
                        <link rel="self" href="https://pub.example/feed.atom"/>
                        <link rel="alternate" href="https://pub.example/"/>
                        <updated>2024-01-01T00:00:00Z</updated></feed>
                        """,
                        "application/atom+xml");
        assertThat(l.hubs()).containsExactly("https://hub.example/");
        assertThat(l.self()).isEqualTo("https://pub.example/feed.atom");
    }

    @Test
    void rssWithAtomLinks() throws Exception {
        FeedLinks l =
                links(
                        """
                        <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>t</title>
                        <link>https://pub.example/</link><description>d</description>
                        <atom:link rel="hub" href="https://pubsubhubbub.appspot.com/"/>
                        <atom:link rel="self" type="application/rss+xml" href="https://pub.example/rss"/>
                        </channel></rss>
                        """,
                        "application/rss+xml");
        assertThat(l.hubs()).containsExactly("https://pubsubhubbub.appspot.com/");
        assertThat(l.self()).isEqualTo("https://pub.example/rss");
    }

    @Test
    void rssWithoutHub() throws Exception {
        FeedLinks l =
                links(
                        "<rss version=\"2.0\"><channel><title>t</title><link>https://pub.example/</link>"
                                + "<description>d</description></channel></rss>",
                        "application/rss+xml");
        assertThat(l.hasHub()).isFalse();
    }

    @Test
    void jsonFeedHubs() throws Exception {
        FeedLinks l =
                links(
                        """
                        {"version":"https://jsonfeed.org/version/1.1","title":"t",
                         "feed_url":"https://pub.example/feed.json",
                         "hubs":[{"type":"rssCloud","url":"https://cloud.example/"},
                                 {"type":"WebSub","url":"https://hub.example/"}],
                         "items":[]}
                        """,
                        "application/feed+json");
        assertThat(l.hubs()).containsExactly("https://hub.example/");
        assertThat(l.self()).isEqualTo("https://pub.example/feed.json");
    }

    @Test
    void linkHeaderWithQuotedAndBareRels() {
        FeedLinks l =
                FeedLinks.fromHeader(
                        "<https://hub.example/>; rel=\"hub\", <https://pub.example/f>; rel=self,"
                                + " <https://pub.example/>; rel=\"alternate\"");
        assertThat(l.hubs()).containsExactly("https://hub.example/");
        assertThat(l.self()).isEqualTo("https://pub.example/f");
    }

    @Test
    void linkHeaderWithSeveralRelsInOne() {
        assertThat(FeedLinks.fromHeader("<https://h.example/>; rel=\"self hub\"").hubs())
                .containsExactly("https://h.example/");
    }

    @Test
    void malformedLinkHeadersGiveNothing() {
        assertThat(FeedLinks.fromHeader("<https://h.example/; rel=hub").hasHub()).isFalse();
        assertThat(FeedLinks.fromHeader("rel=hub").hasHub()).isFalse();
        assertThat(FeedLinks.fromHeader(null)).isEqualTo(FeedLinks.NONE);
    }

    @Test
    void onlyHttpUrlsAFewHubsAndNoDuplicates() {
        FeedLinks l =
                new FeedLinks(
                        List.of(
                                "javascript:alert(1)",
                                "https://a.example/",
                                "https://a.example/",
                                "https://b.example/",
                                "https://c.example/",
                                "https://d.example/",
                                "https://e.example/",
                                "https://x.example/" + "a".repeat(3000)),
                        "file:///etc/passwd");
        assertThat(l.hubs())
                .containsExactly(
                        "https://a.example/",
                        "https://b.example/",
                        "https://c.example/",
                        "https://d.example/");
        assertThat(l.self()).isNull();
    }

    @Test
    void aHugeHeaderIsReadInOnePassUpToItsCap() {
        String h = "<https://h.example/>; rel=hub, " + "<x>; rel=a, ".repeat(200_000);
        assertThat(FeedLinks.fromHeader(h).hubs()).containsExactly("https://h.example/");
    }

    @Test
    void theDocumentWinsOverTheHeader() {
        FeedLinks doc = new FeedLinks(List.of(), "https://pub.example/self");
        FeedLinks merged =
                doc.orElse(new FeedLinks(List.of("https://hub.example/"), "https://other/"));
        assertThat(merged.hubs()).containsExactly("https://hub.example/");
        assertThat(merged.self()).isEqualTo("https://pub.example/self");
    }
}
