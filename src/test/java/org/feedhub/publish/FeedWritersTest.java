package org.feedhub.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.feedhub.publish.Fixtures.BARE;
import static org.feedhub.publish.Fixtures.BASE;
import static org.feedhub.publish.Fixtures.FULL;
import static org.feedhub.publish.Fixtures.HOSTILE;
import static org.feedhub.publish.Fixtures.TOPIC_DESCRIPTION;
import static org.feedhub.publish.Fixtures.TOPIC_ID;
import static org.feedhub.publish.Fixtures.TOPIC_TITLE;
import static org.feedhub.publish.Fixtures.UPDATED;

import com.rometools.modules.atom.modules.AtomLinkModule;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.StreamSupport;
import javax.xml.parsers.DocumentBuilderFactory;
import org.feedhub.publish.FeedView.EntryView;
import org.feedhub.publish.FeedView.TopicView;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FeedWritersTest {

    private final FeedRenderer renderer = new FeedRenderer();

    private static final String RSS_URL = BASE + "/topics/" + TOPIC_ID + ".rss";
    private static final String ATOM_URL = BASE + "/topics/" + TOPIC_ID + ".atom";
    private static final String JSON_URL = BASE + "/topics/" + TOPIC_ID + ".json";
    private static final String PAGE_URL = BASE + "/topics/" + TOPIC_ID;
    private static final String HUB_URL = BASE + "/hub";

    // ------------------------------------------------------------------ RSS

    @Test
    void rssParsesBackWithEveryField() throws Exception {
        byte[] rss = renderer.rss(Fixtures.feed());
        SyndFeed feed = new SyndFeedInput().build(source(rss));

        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getTitle()).isEqualTo(TOPIC_TITLE);
        assertThat(feed.getLink()).isEqualTo(PAGE_URL);
        assertThat(feed.getDescription()).isEqualTo(TOPIC_DESCRIPTION);
        assertThat(feed.getEntries()).hasSize(3);

        SyndEntry full = feed.getEntries().get(0);
        assertThat(full.getUri()).isEqualTo(FULL.id());
        assertThat(full.getTitle()).isEqualTo(FULL.title());
        assertThat(full.getLink()).isEqualTo(FULL.link());
        assertThat(full.getPublishedDate()).isEqualTo(Date.from(FULL.published()));
        assertThat(full.getAuthor()).isEqualTo("Анна Иванова");
        assertThat(full.getCategories())
                .extracting(SyndCategory::getName)
                .containsExactly("Russia", "Дипломатия");
        assertThat(full.getContents())
                .extracting(SyndContent::getValue)
                .contains(FULL.contentHtml());
        // description is HTML: the escaped summary, then the other carriers
        Document description = Jsoup.parseBodyFragment(full.getDescription().getValue());
        assertThat(description.select("p").eachText())
                .containsExactly(FULL.summary(), "Also carried by: The Ledger & <Co>");
        assertThat(description.select("a").attr("href")).isEqualTo(Fixtures.LEDGER.link());

        SyndEntry bare = feed.getEntries().get(1);
        assertThat(bare.getUri()).isEqualTo(BARE.id());
        // no author of its own: the source that carried it is named instead
        assertThat(bare.getAuthor()).isEqualTo("Агентство");
        assertThat(bare.getContents()).isEmpty();
        assertThat(bare.getCategories()).isEmpty();
        assertThat(bare.getDescription().getValue())
                .isEqualTo(BARE.summary())
                .doesNotContain("Also carried by");

        SyndEntry hostile = feed.getEntries().get(2);
        assertThat(hostile.getUri()).isEqualTo(HOSTILE.id());
        assertThat(hostile.getTitle()).isEqualTo(HOSTILE.title());
        // no published date: the updated date stands in as pubDate
        assertThat(hostile.getPublishedDate()).isEqualTo(Date.from(HOSTILE.updated()));
        assertThat(Jsoup.parseBodyFragment(hostile.getDescription().getValue()).text())
                .isEqualTo(HOSTILE.summary());
        assertThat(Jsoup.parseBodyFragment(hostile.getDescription().getValue()).select("script"))
                .isEmpty();
    }

    @Test
    void rssChannelHasSelfHubGeneratorGuidsAndSources() throws Exception {
        byte[] rss = renderer.rss(Fixtures.feed());
        Channel channel = (Channel) new WireFeedInput().build(source(rss));

        assertThat(channel.getLastBuildDate()).isEqualTo(Date.from(UPDATED));
        assertThat(channel.getGenerator()).isEqualTo("feedhub");
        AtomLinkModule atom = (AtomLinkModule) channel.getModule(AtomLinkModule.URI);
        assertThat(atom).isNotNull();
        assertThat(atom.getLinks())
                .extracting(Link::getRel, Link::getHref)
                .containsExactlyInAnyOrder(tuple("self", RSS_URL), tuple("hub", HUB_URL));

        List<Item> items = channel.getItems();
        assertThat(items)
                .extracting(i -> i.getGuid().getValue())
                .containsExactly(FULL.id(), BARE.id(), HOSTILE.id());
        assertThat(items).allSatisfy(i -> assertThat(i.getGuid().isPermaLink()).isFalse());
        assertThat(items)
                .extracting(i -> i.getSource().getUrl(), i -> i.getSource().getValue())
                .containsExactly(
                        tuple("https://wire.example/world.rss", "Wire Desk"),
                        tuple("https://agency.example/feed.atom", "Агентство"),
                        tuple("https://ledger.example/tag/sergei-lavrov", "The Ledger & <Co>"));
        assertThat(items.get(0).getAuthor()).as("RSS <author> is for e-mail addresses").isNull();

        String xml = new String(rss, StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(xml)
                .containsPattern("<atom:link [^>]*rel=\"self\"[^>]*/>")
                .contains("href=\"" + RSS_URL + "\"");
        assertThat(xml)
                .containsPattern("<atom:link [^>]*rel=\"hub\"[^>]*/>")
                .contains("href=\"" + HUB_URL + "\"");
        assertThat(xml).contains("<pubDate>Fri, 03 May 2024 10:15:30 GMT</pubDate>");
        assertThat(xml).contains("<lastBuildDate>Fri, 03 May 2024 11:00:00 GMT</lastBuildDate>");
        assertThat(xml).contains("<dc:creator>Анна Иванова</dc:creator>");
        assertThat(xml).contains("<content:encoded>");
        assertThat(xml).as("raw non-ASCII, not character references").contains("Лавров встретился");
        assertThat(xml).doesNotContain("<script>");
    }

    // ------------------------------------------------------------------ Atom

    @Test
    void atomParsesBackWithEveryField() throws Exception {
        byte[] atom = renderer.atom(Fixtures.feed());
        SyndFeed feed = new SyndFeedInput().build(source(atom));

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getUri()).isEqualTo(PAGE_URL);
        assertThat(feed.getTitle()).isEqualTo(TOPIC_TITLE);
        assertThat(feed.getDescription()).isEqualTo(TOPIC_DESCRIPTION);
        // (Rome 2.1 makes SyndFeed.getLink() the self link when there is one; the alternate is in
        // getLinks())
        assertThat(feed.getLinks())
                .extracting(SyndLink::getRel, SyndLink::getHref)
                .contains(
                        tuple("self", ATOM_URL),
                        tuple("hub", HUB_URL),
                        tuple("alternate", PAGE_URL));
        assertThat(feed.getEntries()).hasSize(3);

        SyndEntry full = feed.getEntries().get(0);
        assertThat(full.getUri()).isEqualTo(FULL.id());
        assertThat(full.getTitle()).isEqualTo(FULL.title());
        assertThat(full.getLink()).isEqualTo(FULL.link());
        assertThat(full.getPublishedDate()).isEqualTo(Date.from(FULL.published()));
        assertThat(full.getUpdatedDate()).isEqualTo(Date.from(FULL.updated()));
        assertThat(full.getAuthor()).isEqualTo("Анна Иванова");
        assertThat(full.getDescription().getType()).isEqualTo("text");
        assertThat(full.getDescription().getValue()).isEqualTo(FULL.summary());
        assertThat(full.getContents())
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.getType()).isEqualTo("html");
                            assertThat(c.getValue()).isEqualTo(FULL.contentHtml());
                        });
        assertThat(full.getCategories())
                .extracting(SyndCategory::getName)
                .containsExactly("Russia", "Дипломатия");
        assertThat(full.getLinks())
                .extracting(SyndLink::getRel, SyndLink::getHref)
                .contains(tuple("via", Fixtures.LEDGER.link()));
        SyndFeed origin = full.getSource();
        assertThat(origin).isNotNull();
        assertThat(origin.getTitle()).isEqualTo("Wire Desk");
        assertThat(origin.getUri()).isEqualTo("https://wire.example/world.rss");
        assertThat(origin.getLinks())
                .extracting(SyndLink::getRel, SyndLink::getHref)
                .containsExactlyInAnyOrder(
                        tuple("alternate", "https://wire.example/"),
                        tuple("self", "https://wire.example/world.rss"));

        SyndEntry bare = feed.getEntries().get(1);
        assertThat(bare.getUri()).isEqualTo(BARE.id());
        assertThat(bare.getContents()).isEmpty();
        assertThat(bare.getCategories()).isEmpty();
        assertThat(bare.getLinks()).extracting(SyndLink::getRel).doesNotContain("via");
        assertThat(bare.getSource().getTitle()).isEqualTo("Агентство");

        SyndEntry hostile = feed.getEntries().get(2);
        assertThat(hostile.getTitle()).isEqualTo(HOSTILE.title());
        assertThat(hostile.getPublishedDate()).isNull();
        assertThat(hostile.getUpdatedDate()).isEqualTo(Date.from(HOSTILE.updated()));
        assertThat(hostile.getCategories())
                .extracting(SyndCategory::getName)
                .containsExactly("<b>tag</b>");
    }

    @Test
    void atomRawXmlHasSourceViaSelfHubAndAFeedAuthorForAuthorlessEntries() throws Exception {
        byte[] atom = renderer.atom(Fixtures.feed());
        Feed feed = (Feed) new WireFeedInput().build(source(atom));
        assertThat(feed.getAuthors()).extracting(p -> p.getName()).containsExactly("feedhub");
        assertThat(feed.getGenerator().getValue()).isEqualTo("feedhub");
        assertThat(feed.getAlternateLinks())
                .extracting(Link::getHref, Link::getType)
                .containsExactly(tuple(PAGE_URL, "text/html"));
        Entry full = feed.getEntries().get(0);
        assertThat(full.getSource().getOtherLinks())
                .extracting(Link::getRel, Link::getHref)
                .containsExactly(tuple("self", "https://wire.example/world.rss"));
        assertThat(full.getOtherLinks())
                .extracting(Link::getRel, Link::getHref, Link::getTitle)
                .containsExactly(tuple("via", Fixtures.LEDGER.link(), "The Ledger & <Co>"));

        String xml = new String(atom, StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(xml)
                .contains(
                        "<link rel=\"self\" type=\"application/atom+xml\" href=\""
                                + ATOM_URL
                                + "\"");
        assertThat(xml).contains("<link rel=\"hub\" href=\"" + HUB_URL + "\"");
        assertThat(xml).contains("<updated>2024-05-03T11:00:00Z</updated>");
        assertThat(xml).contains("<published>2024-05-03T10:15:30Z</published>");
        assertThat(xml)
                .containsPattern(
                        "<source>(?:(?!</source>).)*<id>https://wire\\.example/world\\.rss</id>")
                .containsPattern(
                        "<source>(?:(?!</source>).)*<title type=\"text\">Wire Desk</title>");
        assertThat(xml).contains("rel=\"via\"");
        assertThat(xml).doesNotContain("<script>");
    }

    // ------------------------------------------------------------------ JSON Feed

    @Test
    void jsonFeedHasTheRequiredFieldsAndTheCarriers() {
        JsonNode root = JsonMapper.builder().build().readTree(renderer.json(Fixtures.feed()));

        assertThat(root.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(root.get("title").asString()).isEqualTo(TOPIC_TITLE);
        assertThat(root.get("home_page_url").asString()).isEqualTo(PAGE_URL);
        assertThat(root.get("feed_url").asString()).isEqualTo(JSON_URL);
        assertThat(root.get("description").asString()).isEqualTo(TOPIC_DESCRIPTION);
        assertThat(root.get("hubs")).hasSize(1);
        assertThat(root.get("hubs").get(0).get("type").asString()).isEqualTo("WebSub");
        assertThat(root.get("hubs").get(0).get("url").asString()).isEqualTo(HUB_URL);

        JsonNode items = root.get("items");
        assertThat(items.isArray()).isTrue();
        assertThat(items).hasSize(3);
        for (JsonNode item : items) {
            assertThat(item.get("id").isString()).isTrue();
            assertThat(item.has("content_html") || item.has("content_text"))
                    .as("JSON Feed: content_html or content_text must be present")
                    .isTrue();
        }

        JsonNode full = items.get(0);
        assertThat(full.get("id").asString()).isEqualTo(FULL.id());
        assertThat(full.get("url").asString()).isEqualTo(FULL.link());
        assertThat(full.get("title").asString()).isEqualTo(FULL.title());
        assertThat(full.get("content_html").asString()).isEqualTo(FULL.contentHtml());
        assertThat(full.has("content_text")).isFalse();
        assertThat(full.get("summary").asString()).isEqualTo(FULL.summary());
        assertThat(full.get("date_published").asString()).isEqualTo("2024-05-03T10:15:30Z");
        assertThat(full.get("date_modified").asString()).isEqualTo("2024-05-03T11:00:00Z");
        assertThat(full.get("authors").get(0).get("name").asString()).isEqualTo("Анна Иванова");
        assertThat(texts(full.get("tags"))).containsExactly("Russia", "Дипломатия");
        JsonNode carriers = full.get("_feedhub").get("carriers");
        assertThat(carriers).hasSize(2);
        assertThat(carriers.get(0).get("source_id").asString()).isEqualTo("wire-world");
        assertThat(carriers.get(0).get("source_title").asString()).isEqualTo("Wire Desk");
        assertThat(carriers.get(0).get("feed_url").asString())
                .isEqualTo("https://wire.example/world.rss");
        assertThat(carriers.get(0).get("link").asString())
                .isEqualTo("https://wire.example/world/lavrov-meets");
        assertThat(carriers.get(1).get("source_title").asString()).isEqualTo("The Ledger & <Co>");
        assertThat(carriers.get(1).has("site_url")).isFalse();

        JsonNode bare = items.get(1);
        assertThat(bare.has("content_html")).isFalse();
        assertThat(bare.get("content_text").asString()).isEqualTo(BARE.summary());
        assertThat(bare.get("authors").get(0).get("name").asString()).isEqualTo("Агентство");
        assertThat(bare.has("tags")).isFalse();

        JsonNode hostile = items.get(2);
        assertThat(hostile.has("date_published")).isFalse();
        assertThat(hostile.get("date_modified").asString()).isEqualTo("2024-04-30T23:59:59Z");
    }

    // ------------------------------------------------------------------ edge cases

    @Test
    void anEmptyFeedIsStillAValidDocumentInEveryFormat() throws Exception {
        FeedView empty = Fixtures.empty();

        SyndFeed rss = new SyndFeedInput().build(source(renderer.rss(empty)));
        assertThat(rss.getEntries()).isEmpty();
        assertThat(rss.getTitle()).isEqualTo("Quiet topic");
        assertThat(rss.getDescription()).as("falls back to the title").isEqualTo("Quiet topic");
        assertThat(new String(renderer.rss(empty), StandardCharsets.UTF_8))
                .contains("href=\"" + BASE + "/topics/quiet.rss\"");

        SyndFeed atom = new SyndFeedInput().build(source(renderer.atom(empty)));
        assertThat(atom.getEntries()).isEmpty();
        assertThat(atom.getUri()).isEqualTo(BASE + "/topics/quiet");
        assertThat(atom.getPublishedDate())
                .isEqualTo(Date.from(Instant.parse("2024-01-01T00:00:00Z")));
        assertThat(new String(renderer.atom(empty), StandardCharsets.UTF_8))
                .doesNotContain("<subtitle");

        JsonNode json = JsonMapper.builder().build().readTree(renderer.json(empty));
        assertThat(json.get("items").isArray()).isTrue();
        assertThat(json.get("items")).isEmpty();
        assertThat(json.has("description")).isFalse();
    }

    @Test
    void controlCharactersThatXmlCannotCarryAreDroppedNotFatal() throws Exception {
        EntryView bad =
                new EntryView(
                        "urn:feedhub:story:9",
                        "Bell\u0007 and\u0000 null",
                        "https://x.example/a",
                        Instant.parse("2024-01-01T00:00:00Z"),
                        null,
                        null,
                        "Form\u000Cfeed",
                        null,
                        List.of(),
                        List.of(Fixtures.WIRE));
        FeedView view = new FeedView(BASE + "/", new TopicView("t", "T", null), null, List.of(bad));

        SyndFeed rss = new SyndFeedInput().build(source(renderer.rss(view)));
        assertThat(rss.getEntries().get(0).getTitle()).isEqualTo("Bell and null");
        assertThat(rss.getLink())
                .as("a trailing slash on baseUrl is not doubled")
                .isEqualTo(BASE + "/topics/t");
        SyndFeed atom = new SyndFeedInput().build(source(renderer.atom(view)));
        assertThat(atom.getEntries().get(0).getDescription().getValue()).isEqualTo("Formfeed");
        assertThat(atom.getPublishedDate())
                .as("feed updated falls back to the newest entry")
                .isEqualTo(Date.from(Instant.parse("2024-01-01T00:00:00Z")));
    }

    @Test
    void renderingIsDeterministicSoTheBytesCanBeHashedForAnETag() {
        FeedView feed = Fixtures.feed();
        for (FeedFormat format : FeedFormat.values()) {
            assertThat(format.render(renderer, feed))
                    .isEqualTo(format.render(new FeedRenderer(), feed));
        }
    }

    @Test
    void feedFormatsKnowTheirExtensionMediaTypeAndRenderer() {
        assertThat(FeedFormat.RSS.mediaType()).isEqualTo("application/rss+xml; charset=utf-8");
        assertThat(FeedFormat.ATOM.mediaType()).isEqualTo("application/atom+xml; charset=utf-8");
        assertThat(FeedFormat.JSON.mediaType()).isEqualTo("application/feed+json; charset=utf-8");
        assertThat(FeedFormat.values())
                .extracting(FeedFormat::extension)
                .containsExactly("rss", "atom", "json");
        assertThat(FeedFormat.fromExtension("ATOM")).contains(FeedFormat.ATOM);
        assertThat(FeedFormat.fromExtension(".json")).contains(FeedFormat.JSON);
        assertThat(FeedFormat.fromExtension("xml")).isEmpty();
        assertThat(FeedFormat.fromExtension(null)).isEmpty();

        FeedView feed = Fixtures.feed();
        assertThat(FeedFormat.RSS.render(renderer, feed)).isEqualTo(renderer.rss(feed));
        assertThat(FeedFormat.ATOM.render(renderer, feed)).isEqualTo(renderer.atom(feed));
        assertThat(FeedFormat.JSON.render(renderer, feed)).isEqualTo(renderer.json(feed));
        assertThat(FeedUrls.feed(BASE + "/", "x", FeedFormat.ATOM))
                .isEqualTo(BASE + "/topics/x.atom");
    }

    @Test
    void xmlFeedsAreWellFormedForAStrictParser() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (byte[] doc : List.of(renderer.rss(Fixtures.feed()), renderer.atom(Fixtures.feed()))) {
            org.w3c.dom.Document parsed =
                    factory.newDocumentBuilder().parse(new ByteArrayInputStream(doc));
            assertThat(parsed.getDocumentElement().getLocalName()).isIn("rss", "feed");
        }
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }

    private static InputSource source(byte[] bytes) {
        return new InputSource(new ByteArrayInputStream(bytes));
    }
}
