package org.feedhub.publish;

import static org.feedhub.publish.XmlText.clean;
import static org.feedhub.publish.XmlText.escapeHtml;
import static org.feedhub.publish.XmlText.isBlank;

import com.rometools.modules.atom.modules.AtomLinkModule;
import com.rometools.modules.atom.modules.AtomLinkModuleImpl;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Content;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.rss.Source;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.feedhub.publish.FeedView.CarrierView;
import org.feedhub.publish.FeedView.EntryView;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a topic's {@link FeedView} as RSS 2.0, Atom 1.0 and JSON Feed 1.1, all UTF-8.
 *
 * <p>Pure and thread-safe: no I/O, no clock, no Spring; the same view always gives the same bytes
 * (so a caller may hash them for an ETag). Every feed names itself ({@code rel="self"}), the hub
 * ({@code rel="hub"}, {@code baseUrl + "/hub"}) and the topic's HTML page.
 */
public class FeedRenderer {

    /** The {@code generator} of every feed. */
    public static final String GENERATOR = "feedhub";

    static final String JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

    private final JsonMapper json = JsonMapper.builder().build();

    /** {@code baseUrl + "/topics/" + topicId}: the topic's HTML page. */
    public static String topicPageUrl(String baseUrl, String topicId) {
        return trimBase(baseUrl) + "/topics/" + topicId;
    }

    /** {@code baseUrl + "/hub"}: the WebSub hub every feed advertises. */
    public static String hubUrl(String baseUrl) {
        return trimBase(baseUrl) + "/hub";
    }

    /** {@code baseUrl + "/topics/" + topicId + ".rss|.atom|.json"}. */
    public static String feedUrl(String baseUrl, String topicId, FeedFormat format) {
        return format.feedUrl(trimBase(baseUrl), topicId);
    }

    // ---------------------------------------------------------------- RSS 2.0

    public byte[] rss(FeedView view) {
        String base = trimBase(view.baseUrl());
        String id = view.topic().id();
        Channel channel = new Channel("rss_2.0");
        channel.setEncoding("UTF-8");
        channel.setTitle(clean(view.topic().title()));
        channel.setLink(topicPageUrl(base, id));
        String description =
                isBlank(view.topic().description())
                        ? view.topic().title()
                        : view.topic().description();
        channel.setDescription(clean(description));
        channel.setLastBuildDate(date(feedUpdated(view)));
        channel.setGenerator(GENERATOR);
        channel.setDocs("https://www.rssboard.org/rss-specification");

        AtomLinkModule atomLinks = new AtomLinkModuleImpl();
        atomLinks.setLinks(
                List.of(
                        atomLink(
                                "self",
                                feedUrl(base, id, FeedFormat.RSS),
                                FeedFormat.RSS.mimeType(),
                                null),
                        atomLink("hub", hubUrl(base), null, null)));
        channel.setModules(new ArrayList<>(List.of(atomLinks)));

        List<Item> items = new ArrayList<>();
        for (EntryView e : view.entries()) {
            items.add(rssItem(e));
        }
        channel.setItems(items);
        return write(channel);
    }

    private static Item rssItem(EntryView e) {
        Item item = new Item();
        item.setTitle(clean(e.title()));
        item.setLink(clean(e.link()));
        Guid guid = new Guid();
        guid.setPermaLink(false);
        guid.setValue(clean(e.id()));
        item.setGuid(guid);
        Instant published = e.published() != null ? e.published() : e.updated();
        if (published != null) {
            item.setPubDate(date(published));
        }
        String description = rssDescription(e);
        if (description != null) {
            Description d = new Description();
            d.setType("text/html");
            d.setValue(clean(description));
            item.setDescription(d);
        }
        if (!isBlank(e.contentHtml())) {
            Content content = new Content();
            content.setType(Content.HTML);
            content.setValue(clean(e.contentHtml()));
            item.setContent(content); // written as content:encoded
        }
        List<Category> categories = new ArrayList<>();
        for (String tag : tags(e)) {
            Category c = new Category();
            c.setValue(clean(tag));
            categories.add(c);
        }
        item.setCategories(categories);
        List<Module> modules = new ArrayList<>();
        if (!isBlank(e.author())) {
            // RSS's own <author> must be an e-mail address; Dublin Core's creator is a name.
            DCModuleImpl dc = new DCModuleImpl();
            dc.setCreator(clean(e.author()));
            modules.add(dc);
        }
        MediaOut.rss(e, item, modules);
        item.setModules(modules);
        CarrierView first = firstCarrier(e);
        if (first != null && !isBlank(first.feedUrl())) {
            Source source = new Source();
            source.setUrl(clean(first.feedUrl()));
            source.setValue(clean(sourceName(first)));
            item.setSource(source);
        }
        return item;
    }

    /**
     * The item's description as RSS readers expect it: HTML. The plain-text summary is escaped;
     * when more than one source carried the story, the others (the first is in {@code <source>})
     * are named after it.
     */
    static String rssDescription(EntryView e) {
        List<CarrierView> carriers = e.carriers() == null ? List.of() : e.carriers();
        String summary = isBlank(e.summary()) ? null : escapeHtml(e.summary());
        if (carriers.size() < 2) {
            return summary;
        }
        StringBuilder b = new StringBuilder();
        if (summary != null) {
            b.append("<p>").append(summary).append("</p>");
        }
        b.append("<p>Also carried by: ");
        for (int i = 1; i < carriers.size(); i++) {
            CarrierView c = carriers.get(i);
            if (i > 1) {
                b.append(", ");
            }
            String href = webUrl(c.link());
            if (href != null) {
                b.append("<a href=\"")
                        .append(escapeHtml(href))
                        .append("\">")
                        .append(escapeHtml(sourceName(c)))
                        .append("</a>");
            } else {
                b.append(escapeHtml(sourceName(c)));
            }
        }
        return b.append("</p>").toString();
    }

    // ---------------------------------------------------------------- Atom 1.0

    public byte[] atom(FeedView view) {
        return atom(view, null);
    }

    /**
     * RFC 5005 paging of a topic's Atom feed. For the live feed only {@code prevArchive} is set
     * (the newest archive page); an archive page has its own {@code self}, {@code current} (the
     * live feed), and links to its older and newer neighbours, and is marked {@code <fh:archive/>}.
     */
    public record Paging(String self, String prevArchive, String nextArchive, boolean archive) {}

    static final org.jdom2.Namespace FH =
            org.jdom2.Namespace.getNamespace("fh", "http://purl.org/syndication/history/1.0");

    public byte[] atom(FeedView view, Paging paging) {
        String base = trimBase(view.baseUrl());
        String id = view.topic().id();
        Feed feed = new Feed("atom_1.0");
        feed.setEncoding("UTF-8");
        feed.setId(topicPageUrl(base, id));
        feed.setTitleEx(text(view.topic().title()));
        if (!isBlank(view.topic().description())) {
            feed.setSubtitle(text(view.topic().description()));
        }
        feed.setUpdated(date(feedUpdated(view)));
        feed.setAlternateLinks(
                new ArrayList<>(
                        List.of(atomLink("alternate", topicPageUrl(base, id), "text/html", null))));
        String live = feedUrl(base, id, FeedFormat.ATOM);
        List<Link> links = new ArrayList<>();
        links.add(
                atomLink(
                        "self",
                        paging != null && paging.self() != null ? paging.self() : live,
                        FeedFormat.ATOM.mimeType(),
                        null));
        links.add(atomLink("hub", hubUrl(base), null, null));
        if (paging != null) {
            if (paging.archive())
                links.add(atomLink("current", live, FeedFormat.ATOM.mimeType(), null));
            if (paging.prevArchive() != null)
                links.add(
                        atomLink(
                                "prev-archive",
                                paging.prevArchive(),
                                FeedFormat.ATOM.mimeType(),
                                null));
            if (paging.nextArchive() != null)
                links.add(
                        atomLink(
                                "next-archive",
                                paging.nextArchive(),
                                FeedFormat.ATOM.mimeType(),
                                null));
            if (paging.archive()) {
                feed.setForeignMarkup(
                        new ArrayList<>(List.of(new org.jdom2.Element("archive", FH))));
            }
        }
        feed.setOtherLinks(links);
        com.rometools.rome.feed.atom.Generator generator =
                new com.rometools.rome.feed.atom.Generator();
        generator.setValue(GENERATOR);
        feed.setGenerator(generator);
        // RFC 4287 4.1.1: a feed needs an author unless every entry has one; entries without a
        // known
        // author then show the aggregator, not nothing.
        feed.setAuthors(new ArrayList<>(List.of(person(GENERATOR, base))));

        Instant updated = feedUpdated(view);
        List<Entry> entries = new ArrayList<>();
        for (EntryView e : view.entries()) {
            entries.add(atomEntry(e, updated));
        }
        feed.setEntries(entries);
        return write(feed);
    }

    private static Entry atomEntry(EntryView e, Instant fallbackUpdated) {
        Entry entry = new Entry();
        entry.setId(clean(e.id()));
        entry.setTitleEx(text(e.title()));
        if (!isBlank(e.link())) {
            entry.setAlternateLinks(
                    new ArrayList<>(List.of(atomLink("alternate", e.link(), null, null))));
        }
        if (e.published() != null) {
            entry.setPublished(date(e.published()));
        }
        Instant updated =
                e.updated() != null
                        ? e.updated()
                        : e.published() != null ? e.published() : fallbackUpdated;
        entry.setUpdated(date(updated));
        if (!isBlank(e.author())) {
            entry.setAuthors(new ArrayList<>(List.of(person(e.author(), null))));
        }
        if (!isBlank(e.summary())) {
            entry.setSummary(text(e.summary()));
        }
        if (!isBlank(e.contentHtml())) {
            com.rometools.rome.feed.atom.Content content =
                    new com.rometools.rome.feed.atom.Content();
            content.setType(com.rometools.rome.feed.atom.Content.HTML);
            content.setValue(clean(e.contentHtml()));
            entry.setContents(new ArrayList<>(List.of(content)));
        }
        List<com.rometools.rome.feed.atom.Category> categories = new ArrayList<>();
        for (String tag : tags(e)) {
            com.rometools.rome.feed.atom.Category c = new com.rometools.rome.feed.atom.Category();
            c.setTerm(clean(tag));
            categories.add(c);
        }
        entry.setCategories(categories);

        List<CarrierView> carriers = e.carriers() == null ? List.of() : e.carriers();
        CarrierView first = firstCarrier(e);
        if (first != null) {
            entry.setSource(atomSource(first));
        }
        List<Link> via = new ArrayList<>();
        for (int i = 1; i < carriers.size(); i++) {
            CarrierView c = carriers.get(i);
            String href = firstNonBlank(c.link(), c.siteUrl(), c.feedUrl());
            if (href != null) {
                via.add(atomLink("via", href, null, sourceName(c)));
            }
        }
        via.addAll(MediaOut.atomEnclosures(e));
        entry.setOtherLinks(via);
        return entry;
    }

    /** RFC 4287 4.2.11: the metadata of the feed the entry was copied from. */
    private static Feed atomSource(CarrierView carrier) {
        Feed source = new Feed();
        String sourceId = firstNonBlank(carrier.feedUrl(), carrier.siteUrl());
        if (sourceId != null) {
            source.setId(clean(sourceId));
        }
        source.setTitleEx(text(sourceName(carrier)));
        List<Link> alternate = new ArrayList<>();
        if (!isBlank(carrier.siteUrl())) {
            alternate.add(atomLink("alternate", carrier.siteUrl(), null, null));
        }
        source.setAlternateLinks(alternate);
        List<Link> other = new ArrayList<>();
        if (!isBlank(carrier.feedUrl())) {
            other.add(atomLink("self", carrier.feedUrl(), null, null));
        }
        source.setOtherLinks(other);
        if (!isBlank(carrier.image())) source.setIcon(clean(carrier.image()));
        return source;
    }

    // ---------------------------------------------------------------- JSON Feed 1.1

    public byte[] json(FeedView view) {
        String base = trimBase(view.baseUrl());
        String id = view.topic().id();
        ObjectNode root = json.createObjectNode();
        root.put("version", JSON_FEED_VERSION);
        root.put("title", view.topic().title());
        root.put("home_page_url", topicPageUrl(base, id));
        root.put("feed_url", feedUrl(base, id, FeedFormat.JSON));
        if (!isBlank(view.topic().description())) {
            root.put("description", view.topic().description());
        }
        ObjectNode hub = root.putArray("hubs").addObject();
        hub.put("type", "WebSub");
        hub.put("url", hubUrl(base));
        ArrayNode items = root.putArray("items");
        for (EntryView e : view.entries()) {
            ObjectNode item = items.addObject();
            item.put("id", e.id());
            putIfPresent(item, "url", e.link());
            putIfPresent(item, "title", e.title());
            if (!isBlank(e.contentHtml())) {
                item.put("content_html", e.contentHtml());
            } else {
                // JSON Feed 1.1: content_html or content_text must be present.
                item.put("content_text", e.summary() == null ? "" : e.summary());
            }
            putIfPresent(item, "summary", e.summary());
            if (e.published() != null) {
                item.put("date_published", rfc3339(e.published()));
            }
            if (e.updated() != null) {
                item.put("date_modified", rfc3339(e.updated()));
            }
            if (!isBlank(e.author())) {
                item.putArray("authors").addObject().put("name", e.author());
            }
            List<String> tags = tags(e);
            if (!tags.isEmpty()) {
                ArrayNode tagArray = item.putArray("tags");
                tags.forEach(tagArray::add);
            }
            MediaOut.json(e, item);
            ArrayNode carriers = item.putObject("_feedhub").putArray("carriers");
            for (CarrierView c : e.carriers() == null ? List.<CarrierView>of() : e.carriers()) {
                ObjectNode carrier = carriers.addObject();
                carrier.put("source_id", c.sourceId());
                putIfPresent(carrier, "source_title", c.sourceTitle());
                putIfPresent(carrier, "feed_url", c.feedUrl());
                putIfPresent(carrier, "site_url", c.siteUrl());
                putIfPresent(carrier, "link", c.link());
            }
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    // ---------------------------------------------------------------- helpers

    static final String STYLESHEET = "<?xml-stylesheet type=\"text/xsl\" href=\"/feed.xsl\"?>";

    private static byte[] write(WireFeed feed) {
        try {
            String xml = new WireFeedOutput().outputString(feed, false);
            // Browsers show the feed as a page through /feed.xsl; feed readers ignore this line.
            int prolog = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
            xml = xml.substring(0, prolog) + "\n" + STYLESHEET + xml.substring(prolog);
            return xml.getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException(
                    "cannot write " + feed.getFeedType() + " feed: " + e.getMessage(), e);
        }
    }

    /**
     * The feed's updated time: the view's, else the newest entry date, else the epoch
     * (deterministic).
     */
    static Instant feedUpdated(FeedView view) {
        if (view.updated() != null) {
            return view.updated();
        }
        Instant newest = null;
        for (EntryView e : view.entries()) {
            for (Instant t : new Instant[] {e.updated(), e.published()}) {
                if (t != null && (newest == null || t.isAfter(newest))) {
                    newest = t;
                }
            }
        }
        return newest != null ? newest : Instant.EPOCH;
    }

    /** RFC 3339 in UTC to the second, e.g. {@code 2024-05-01T12:30:00Z}. */
    static String rfc3339(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    private static Date date(Instant t) {
        return Date.from(t.truncatedTo(ChronoUnit.SECONDS));
    }

    private static com.rometools.rome.feed.atom.Content text(String value) {
        com.rometools.rome.feed.atom.Content c = new com.rometools.rome.feed.atom.Content();
        c.setType(com.rometools.rome.feed.atom.Content.TEXT);
        c.setValue(clean(value == null ? "" : value));
        return c;
    }

    private static Link atomLink(String rel, String href, String type, String title) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(clean(href));
        link.setType(type);
        link.setTitle(clean(title));
        return link;
    }

    private static SyndPerson person(String name, String uri) {
        SyndPersonImpl p = new SyndPersonImpl();
        p.setName(clean(name));
        p.setUri(clean(uri));
        return p;
    }

    private static CarrierView firstCarrier(EntryView e) {
        return e.carriers() == null || e.carriers().isEmpty() ? null : e.carriers().get(0);
    }

    private static List<String> tags(EntryView e) {
        if (e.tags() == null) {
            return List.of();
        }
        return e.tags().stream().filter(t -> !isBlank(t)).toList();
    }

    static String sourceName(CarrierView c) {
        return isBlank(c.sourceTitle()) ? c.sourceId() : c.sourceTitle();
    }

    /** The URL when it is an absolute http(s) URL, else null. */
    static String webUrl(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.trim().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? url.trim() : null;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (!isBlank(v)) {
                return v;
            }
        }
        return null;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String trimBase(String baseUrl) {
        if (baseUrl == null) {
            return "";
        }
        String b = baseUrl;
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return b;
    }
}
