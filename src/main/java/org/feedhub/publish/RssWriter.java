package org.feedhub.publish;

import static org.feedhub.publish.FeedWriting.atomLink;
import static org.feedhub.publish.FeedWriting.date;
import static org.feedhub.publish.FeedWriting.firstCarrier;
import static org.feedhub.publish.FeedWriting.sourceName;
import static org.feedhub.publish.FeedWriting.tags;
import static org.feedhub.publish.FeedWriting.webUrl;
import static org.feedhub.publish.XmlText.clean;
import static org.feedhub.publish.XmlText.escapeHtml;
import static org.feedhub.publish.XmlText.isBlank;

import com.rometools.modules.atom.modules.AtomLinkModule;
import com.rometools.modules.atom.modules.AtomLinkModuleImpl;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.feedhub.publish.FeedView.CarrierView;
import org.feedhub.publish.FeedView.EntryView;

/** Writes a topic's {@link FeedView} as RSS 2.0 (UTF-8). Pure: the same view, the same bytes. */
final class RssWriter {
    private RssWriter() {}

    static byte[] write(FeedView view) {
        String base = FeedUrls.trimBase(view.baseUrl());
        String id = view.topic().id();
        Channel channel = new Channel("rss_2.0");
        channel.setEncoding("UTF-8");
        channel.setTitle(clean(view.topic().title()));
        channel.setLink(FeedUrls.topicPage(base, id));
        String description =
                isBlank(view.topic().description())
                        ? view.topic().title()
                        : view.topic().description();
        channel.setDescription(clean(description));
        if (!isBlank(view.topic().language())) {
            channel.setLanguage(view.topic().language());
        }
        channel.setLastBuildDate(date(FeedWriting.feedUpdated(view)));
        channel.setGenerator(FeedWriting.GENERATOR);
        channel.setDocs("https://www.rssboard.org/rss-specification");

        AtomLinkModule atomLinks = new AtomLinkModuleImpl();
        List<Link> links = new ArrayList<>();
        links.add(
                atomLink(
                        "self",
                        FeedUrls.feed(base, id, FeedFormat.RSS),
                        FeedFormat.RSS.mimeType(),
                        null));
        if (view.hubUrl() != null) {
            links.add(atomLink("hub", view.hubUrl(), null, null));
        }
        atomLinks.setLinks(links);
        channel.setModules(new ArrayList<>(List.of(atomLinks)));

        List<Item> items = new ArrayList<>();
        for (EntryView e : view.entries()) {
            items.add(item(e));
        }
        channel.setItems(items);
        return FeedWriting.write(channel);
    }

    private static Item item(EntryView e) {
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
        String description = description(e);
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
        String author = FeedWriting.author(e);
        if (!isBlank(author)) {
            // RSS's own <author> must be an e-mail address; Dublin Core's creator is a name.
            DCModuleImpl dc = new DCModuleImpl();
            dc.setCreator(clean(author));
            modules.add(dc);
        }
        MediaOut.rss(e, item, modules);
        item.setModules(modules);
        CarrierView first = firstCarrier(e);
        if (first != null && webUrl(first.feedUrl()) != null) {
            Source source = new Source();
            source.setUrl(clean(webUrl(first.feedUrl())));
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
    static String description(EntryView e) {
        List<CarrierView> carriers = FeedWriting.carriers(e);
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
}
