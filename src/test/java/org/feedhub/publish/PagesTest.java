package org.feedhub.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import org.feedhub.publish.FeedView.EntryView;
import org.feedhub.publish.FeedView.TopicView;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class PagesTest {

    private static final String HOSTILE_TITLE = "<script>alert('topic')</script> Evil & Co";

    private final Pages pages = new Pages();

    private static List<TopicCard> cards() {
        return List.of(
                new TopicCard(
                        "sergei-lavrov",
                        "Sergei Lavrov — Лавров",
                        "Russia's foreign minister & co",
                        42,
                        Instant.parse("2024-05-03T11:00:00Z")),
                new TopicCard("evil", HOSTILE_TITLE, "<img src=x onerror=alert(1)>", 1, null));
    }

    // ------------------------------------------------------------------ index

    @Test
    void indexOnTheServerLinksEveryTopicAndFeedWithAbsolutePaths() {
        String html = pages.index(new IndexPage("My hub <b>", cards(), LinkStyle.SERVER));
        Document doc = Jsoup.parse(html);

        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(doc.title()).isEqualTo("My hub <b>");
        assertThat(doc.selectFirst("h1").text()).isEqualTo("My hub <b>");
        assertThat(doc.select("main")).hasSize(1);
        assertThat(doc.select("main article")).hasSize(2);

        assertThat(doc.select("head link[rel=alternate]"))
                .extracting(e -> e.attr("type"), e -> e.attr("href"), e -> e.attr("title"))
                .containsExactly(
                        tuple(
                                "application/rss+xml",
                                "/topics/sergei-lavrov.rss",
                                "Sergei Lavrov — Лавров (RSS)"),
                        tuple(
                                "application/atom+xml",
                                "/topics/sergei-lavrov.atom",
                                "Sergei Lavrov — Лавров (Atom)"),
                        tuple(
                                "application/feed+json",
                                "/topics/sergei-lavrov.json",
                                "Sergei Lavrov — Лавров (JSON Feed)"),
                        tuple("application/rss+xml", "/topics/evil.rss", HOSTILE_TITLE + " (RSS)"),
                        tuple(
                                "application/atom+xml",
                                "/topics/evil.atom",
                                HOSTILE_TITLE + " (Atom)"),
                        tuple(
                                "application/feed+json",
                                "/topics/evil.json",
                                HOSTILE_TITLE + " (JSON Feed)"));

        Element first = doc.select("main article").get(0);
        assertThat(first.selectFirst("h2 a").attr("href")).isEqualTo("/topics/sergei-lavrov");
        assertThat(first.selectFirst("h2 a").text()).isEqualTo("Sergei Lavrov — Лавров");
        assertThat(first.text()).contains("Russia's foreign minister & co").contains("42 stories");
        assertThat(first.selectFirst("time").attr("datetime")).isEqualTo("2024-05-03T11:00:00Z");
        assertThat(first.selectFirst("time").attr("title")).isEqualTo("3 May 2024, 11:00 UTC");
        assertThat(first.selectFirst("time").text())
                .as("rendered long after: the date")
                .isEqualTo("3 May 2024");
        assertThat(first.select(".subscribe a"))
                .extracting(e -> e.attr("href"), Element::text)
                .containsExactly(
                        tuple("/topics/sergei-lavrov.rss", "RSS"),
                        tuple("/topics/sergei-lavrov.atom", "Atom"),
                        tuple("/topics/sergei-lavrov.json", "JSON Feed"));

        Element second = doc.select("main article").get(1);
        assertThat(second.text()).contains("1 story").doesNotContain("last update");
        assertThat(second.select("time")).isEmpty();

        assertThat(doc.select("a[href=/topics.opml]")).hasSize(1);
        assertThat(doc.select("a[href=/sources.opml]")).hasSize(1);
        assertThat(doc.select("head link[rel=outline]").attr("href")).isEqualTo("/topics.opml");
        assertNothingHostile(doc, html);
        assertThat(second.selectFirst("h2").text()).isEqualTo(HOSTILE_TITLE);
        assertThat(second.select("img")).isEmpty();
    }

    @Test
    void indexInAStaticExportUsesLinksRelativeToIndexHtml() {
        Document doc = Jsoup.parse(pages.index(new IndexPage("Export", cards(), LinkStyle.STATIC)));

        assertThat(doc.select("head link[rel=alternate]"))
                .extracting(e -> e.attr("href"))
                .containsExactly(
                        "topics/sergei-lavrov.rss",
                        "topics/sergei-lavrov.atom",
                        "topics/sergei-lavrov.json",
                        "topics/evil.rss",
                        "topics/evil.atom",
                        "topics/evil.json");
        assertThat(doc.select("main article h2 a"))
                .extracting(e -> e.attr("href"))
                .containsExactly("topics/sergei-lavrov.html", "topics/evil.html");
        assertThat(doc.select("a[href=topics.opml]")).hasSize(1);
        assertThat(doc.select("a[href=sources.opml]")).hasSize(1);
        assertThat(doc.select("a[href^=/]")).as("no site-absolute links in an export").isEmpty();
        assertThat(LinkStyle.staticTopicPagePath("evil")).isEqualTo("topics/evil.html");
    }

    @Test
    void indexWithoutTopicsSaysSo() {
        Document doc = Jsoup.parse(pages.index(new IndexPage(null, List.of(), LinkStyle.SERVER)));
        assertThat(doc.title()).isEqualTo("feedhub");
        assertThat(doc.select("head link[rel=alternate]")).isEmpty();
        assertThat(doc.selectFirst("main").text()).contains("No topics");
    }

    // ------------------------------------------------------------------ topic page

    @Test
    void topicPageOnTheServerShowsEveryStoryWithItsCarriersDateSummaryAndTags() {
        String html = pages.topic(new TopicPage("My hub", Fixtures.feed(), LinkStyle.SERVER));
        Document doc = Jsoup.parse(html);

        assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(doc.title()).isEqualTo(Fixtures.TOPIC_TITLE + " — My hub");
        assertThat(doc.selectFirst("h1").text()).isEqualTo(Fixtures.TOPIC_TITLE);
        assertThat(doc.selectFirst("header").text()).contains(Fixtures.TOPIC_DESCRIPTION);
        assertThat(doc.selectFirst("nav a").attr("href")).isEqualTo("/");
        assertThat(doc.select("head link[rel=alternate]"))
                .extracting(e -> e.attr("type"), e -> e.attr("href"))
                .containsExactly(
                        tuple("application/rss+xml", "/topics/sergei-lavrov.rss"),
                        tuple("application/atom+xml", "/topics/sergei-lavrov.atom"),
                        tuple("application/feed+json", "/topics/sergei-lavrov.json"));
        assertThat(doc.select("header .subscribe a"))
                .extracting(e -> e.attr("href"))
                .containsExactly(
                        "/topics/sergei-lavrov.rss",
                        "/topics/sergei-lavrov.atom",
                        "/topics/sergei-lavrov.json");

        List<Element> stories = doc.select("main article");
        assertThat(stories).hasSize(3);

        Element full = stories.get(0);
        Element headline = full.selectFirst("h2 a");
        assertThat(headline.attr("href")).isEqualTo(Fixtures.FULL.link());
        assertThat(headline.text()).isEqualTo(Fixtures.FULL.title());
        assertThat(full.selectFirst("time").attr("datetime")).isEqualTo("2024-05-03T10:15:30Z");
        assertThat(full.select(".meta a"))
                .extracting(e -> e.attr("href"), Element::text)
                .containsExactly(
                        tuple(Fixtures.WIRE.link(), "Wire Desk"),
                        tuple(Fixtures.LEDGER.link(), "The Ledger & <Co>"));
        assertThat(full.selectFirst(".meta").text())
                .contains("by Анна Иванова")
                .contains("via Wire Desk, The Ledger");
        assertThat(full.select("p").eachText()).contains(Fixtures.FULL.summary());
        assertThat(full.select(".tags li"))
                .extracting(Element::text)
                .containsExactly("Russia", "Дипломатия");
        assertThat(full.text()).as("content_html is never rendered").doesNotContain("Полный");
        assertThat(full.select("b")).isEmpty();

        Element bare = stories.get(1);
        assertThat(bare.selectFirst(".meta").text())
                .doesNotContain("by ")
                .contains("via Агентство");
        assertThat(bare.select(".tags")).isEmpty();

        Element hostile = stories.get(2);
        assertThat(hostile.selectFirst("h2").text()).isEqualTo(Fixtures.HOSTILE.title());
        assertThat(hostile.selectFirst("time").attr("datetime"))
                .as("updated when never published")
                .isEqualTo("2024-04-30T23:59:59Z");
        assertThat(hostile.text())
                .contains(Fixtures.HOSTILE.summary())
                .contains("<img src=x onerror=alert(1)>");
        assertThat(hostile.select(".tags li").text()).isEqualTo("<b>tag</b>");
        assertNothingHostile(doc, html);
    }

    @Test
    void topicPageInAStaticExportLinksRelativeToTopicsDirectory() {
        Document doc = Jsoup.parse(pages.topic(new TopicPage(Fixtures.feed(), LinkStyle.STATIC)));

        assertThat(doc.select("head link[rel=alternate]"))
                .extracting(e -> e.attr("href"))
                .containsExactly("sergei-lavrov.rss", "sergei-lavrov.atom", "sergei-lavrov.json");
        assertThat(doc.selectFirst("nav a").attr("href")).isEqualTo("../index.html");
        assertThat(doc.selectFirst("nav a").text()).isEqualTo("feedhub");
        assertThat(doc.select("a[href^=/]")).isEmpty();
        assertThat(doc.select("main article h2 a").first().attr("href"))
                .isEqualTo(Fixtures.FULL.link());
    }

    @Test
    void topicPageLinksOnlyToWebUrlsAndCopesWithAnEmptyTopic() {
        EntryView sneaky =
                new EntryView(
                        "urn:feedhub:story:7",
                        null,
                        "javascript:alert(1)",
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        List.of(
                                new FeedView.CarrierView(
                                        "s",
                                        null,
                                        "https://s.example/f",
                                        null,
                                        "JavaScript:alert(2)")));
        FeedView feed =
                new FeedView(
                        Fixtures.BASE,
                        new TopicView("t", "T", null),
                        Instant.EPOCH,
                        List.of(sneaky));
        String html = pages.topic(new TopicPage(feed, LinkStyle.SERVER));
        Document doc = Jsoup.parse(html);
        assertThat(html).doesNotContainIgnoringCase("javascript:");
        assertThat(doc.selectFirst("main article h2").text()).isEqualTo("(untitled)");
        assertThat(doc.select("main article a")).isEmpty();
        assertThat(doc.selectFirst("main article .meta").text()).contains("via s");

        Document empty =
                Jsoup.parse(pages.topic(new TopicPage(Fixtures.empty(), LinkStyle.SERVER)));
        assertThat(empty.select("main article")).isEmpty();
        assertThat(empty.selectFirst("main").text()).contains("No stories yet");
        assertThat(empty.select("head link[rel=alternate]")).hasSize(3);
    }

    private static void assertNothingHostile(Document doc, String html) {
        // the one script is the layout's own, which refreshes relative times
        assertThat(doc.select("script")).hasSize(1);
        assertThat(doc.selectFirst("script").data()).contains("time[data-relative]");
        assertThat(doc.select("script[src]")).isEmpty();
        assertThat(doc.select("[onerror]")).isEmpty();
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img");
    }

    // ------------------------------------------------------------------ times and tags

    private static final Instant RENDERED = Instant.parse("2024-05-03T13:20:00Z");

    @Test
    void aStoryShowsItsTimeRelativeToTheRenderWithTheExactTimeOnHover() {
        Document doc =
                Jsoup.parse(
                        pages.topic(
                                new TopicPage(
                                        null, Fixtures.feed(), LinkStyle.SERVER, null, RENDERED)));
        List<Element> times = doc.select("main article .meta time");
        assertThat(times)
                .extracting(e -> e.attr("datetime"), e -> e.attr("title"), Element::text)
                .containsExactly(
                        tuple("2024-05-03T10:15:30Z", "3 May 2024, 10:15 UTC", "3 hours ago"),
                        tuple("2024-05-02T08:00:00Z", "2 May 2024, 08:00 UTC", "yesterday"),
                        tuple("2024-04-30T23:59:59Z", "30 Apr 2024, 23:59 UTC", "2 days ago"));
        assertThat(times).allMatch(e -> e.hasAttr("data-relative"));
        assertThat(doc.selectFirst("footer time").text()).isEqualTo("2 hours ago");
    }

    @Test
    void theIndexAndAStoryPageShowRelativeTimesToo() {
        Document index =
                Jsoup.parse(pages.index(new IndexPage(null, cards(), LinkStyle.SERVER, RENDERED)));
        Element updated = index.selectFirst("main article time");
        assertThat(updated.text()).isEqualTo("2 hours ago");
        assertThat(updated.attr("title")).isEqualTo("3 May 2024, 11:00 UTC");
        Document story = Jsoup.parse(pages.story(new StoryPage(null, Fixtures.FULL, RENDERED)));
        assertThat(story.selectFirst("header time").text()).isEqualTo("3 hours ago");
        assertThat(story.selectFirst("header time").attr("title"))
                .isEqualTo("3 May 2024, 10:15 UTC");
    }

    @Test
    void onTheServerEachTagLinksToTheTopicsStoriesWithThatTag() {
        Document doc = Jsoup.parse(pages.topic(new TopicPage(Fixtures.feed(), LinkStyle.SERVER)));
        assertThat(doc.select("main article .tags a"))
                .extracting(e -> e.attr("href"), Element::text, e -> e.attr("rel"))
                .containsExactly(
                        tuple("/topics/sergei-lavrov?tag=Russia", "Russia", "tag"),
                        tuple(
                                "/topics/sergei-lavrov?tag=%D0%94%D0%B8%D0%BF%D0%BB%D0%BE%D0%BC%D0%B0%D1%82%D0%B8%D1%8F",
                                "Дипломатия", "tag"),
                        tuple(
                                "/topics/sergei-lavrov?tag=%3Cb%3Etag%3C%2Fb%3E",
                                "<b>tag</b>", "tag"));
        assertThat(doc.select(".tags a[aria-current]")).isEmpty();
    }

    @Test
    void inAStaticExportEachTagLinksToItsOwnFile() {
        Document doc = Jsoup.parse(pages.topic(new TopicPage(Fixtures.feed(), LinkStyle.STATIC)));
        assertThat(doc.select("main article .tags a"))
                .extracting(e -> e.attr("href"))
                .containsExactly(
                        "sergei-lavrov/tags/" + TagSlug.of("Russia") + ".html",
                        "sergei-lavrov/tags/" + TagSlug.of("Дипломатия") + ".html",
                        "sergei-lavrov/tags/" + TagSlug.of("<b>tag</b>") + ".html");
        assertThat(LinkStyle.staticTagPagePath("sergei-lavrov", "Russia"))
                .isEqualTo("topics/sergei-lavrov/tags/" + TagSlug.of("Russia") + ".html");
    }

    @Test
    void aTagPageNamesTheTagLinksBackToTheTopicAndMarksTheTag() {
        FeedView tagged =
                new FeedView(
                        Fixtures.BASE,
                        Fixtures.feed().topic(),
                        Fixtures.UPDATED,
                        List.of(Fixtures.FULL));
        String html =
                pages.topic(new TopicPage(null, tagged, LinkStyle.SERVER, "Russia", RENDERED));
        Document doc = Jsoup.parse(html);
        assertThat(doc.selectFirst("h1").text())
                .isEqualTo(Fixtures.TOPIC_TITLE + ": tagged “Russia”");
        assertThat(doc.select("nav a"))
                .extracting(e -> e.attr("href"))
                .containsExactly("/", "/topics/sergei-lavrov");
        assertThat(doc.selectFirst("header .meta").text()).startsWith("1 story of ");
        assertThat(doc.select("main article")).hasSize(1);
        assertThat(doc.select(".tags a[aria-current=page]").text()).isEqualTo("Russia");
        assertThat(doc.select("head link[rel=alternate]")).hasSize(3);
    }

    @Test
    void aTagPageWithNoStoriesSaysSoKindlyAndEscapesTheTag() {
        FeedView none =
                new FeedView(Fixtures.BASE, Fixtures.feed().topic(), Instant.EPOCH, List.of());
        String tag = "<script>alert('tag')</script>";
        String html = pages.topic(new TopicPage(null, none, LinkStyle.SERVER, tag, RENDERED));
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("main article")).isEmpty();
        assertThat(doc.selectFirst("main p").text())
                .contains("has the tag “" + tag + "” now")
                .contains("See all of its stories");
        assertThat(doc.selectFirst("main p a").attr("href")).isEqualTo("/topics/sergei-lavrov");
        assertThat(doc.selectFirst("footer").text())
                .as("no 'Updated 1 Jan 1970' without a time")
                .isEqualTo("Made by feedhub.");
        assertNothingHostile(doc, html);
    }

    @Test
    void anExportedTagPageLinksRelativeToTopicsIdTags() {
        String html =
                pages.topic(
                        new TopicPage(null, Fixtures.feed(), LinkStyle.STATIC, "Russia", RENDERED));
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("nav a"))
                .extracting(e -> e.attr("href"))
                .containsExactly("../../../index.html", "../../sergei-lavrov.html");
        assertThat(doc.select("head link[rel=alternate]").first().attr("href"))
                .isEqualTo("../../sergei-lavrov.rss");
        assertThat(doc.select(".tags a").first().attr("href"))
                .isEqualTo("../../sergei-lavrov/tags/" + TagSlug.of("Russia") + ".html");
        assertThat(doc.select("a[href^=/]")).isEmpty();
    }
}
