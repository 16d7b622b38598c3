package org.feedhub.publish;

import static org.feedhub.publish.FeedWriting.rfc3339;
import static org.feedhub.publish.FeedWriting.tags;
import static org.feedhub.publish.FeedWriting.webUrl;
import static org.feedhub.publish.XmlText.isBlank;

import java.util.List;
import org.feedhub.publish.FeedView.CarrierView;
import org.feedhub.publish.FeedView.EntryView;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a topic's {@link FeedView} as JSON Feed 1.1 (UTF-8). Pure: the same view, the same bytes.
 */
final class JsonFeedWriter {
    static final String VERSION = "https://jsonfeed.org/version/1.1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonFeedWriter() {}

    static byte[] write(FeedView view) {
        String base = FeedUrls.trimBase(view.baseUrl());
        String id = view.topic().id();
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("title", view.topic().title());
        root.put("home_page_url", FeedUrls.topicPage(base, id));
        root.put("feed_url", FeedUrls.feed(base, id, FeedFormat.JSON));
        if (!isBlank(view.topic().description())) {
            root.put("description", view.topic().description());
        }
        if (!isBlank(view.topic().language())) {
            root.put("language", view.topic().language());
        }
        if (view.hubUrl() != null) {
            ObjectNode hub = root.putArray("hubs").addObject();
            hub.put("type", "WebSub");
            hub.put("url", view.hubUrl());
        }
        ArrayNode items = root.putArray("items");
        for (EntryView e : view.entries()) {
            item(items.addObject(), e);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    private static void item(ObjectNode item, EntryView e) {
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
        String author = FeedWriting.author(e);
        if (!isBlank(author)) {
            item.putArray("authors").addObject().put("name", author);
        }
        List<String> tags = tags(e);
        if (!tags.isEmpty()) {
            ArrayNode tagArray = item.putArray("tags");
            tags.forEach(tagArray::add);
        }
        MediaOut.json(e, item);
        ArrayNode carriers = item.putObject("_feedhub").putArray("carriers");
        for (CarrierView c : FeedWriting.carriers(e)) {
            ObjectNode carrier = carriers.addObject();
            carrier.put("source_id", c.sourceId());
            putIfPresent(carrier, "source_title", c.sourceTitle());
            putIfPresent(carrier, "feed_url", webUrl(c.feedUrl()));
            putIfPresent(carrier, "site_url", webUrl(c.siteUrl()));
            putIfPresent(carrier, "link", webUrl(c.link()));
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
