package org.feedhub.parse;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON Feed 1.0 and 1.1 (jsonfeed.org) into the same model Rome's output maps to. */
final class JsonFeedParser {
    /** Built on the first JSON feed: most sets have none, and Jackson is hundreds of classes. */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder().build();
    }

    ParsedFeed parse(String text, String documentUrl) throws ParseException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new ParseException("invalid JSON: " + XmlFeedParser.oneLine(e), e);
        }
        if (!root.isObject()
                || !root.path("version").asString("").startsWith("https://jsonfeed.org/version/")) {
            throw new ParseException("JSON but not a JSON Feed (no jsonfeed.org version)");
        }
        String feedAuthor =
                author(root); // JSON Feed: the feed's authors apply to items that name none
        List<ParsedItem> items = new ArrayList<>();
        for (JsonNode i : root.path("items")) {
            String html = str(i, "content_html");
            if (html == null && str(i, "content_text") != null)
                html = org.jsoup.nodes.Entities.escape(str(i, "content_text"));
            String summary = str(i, "summary");
            List<String> tags = new ArrayList<>();
            for (JsonNode t : i.path("tags"))
                if (t.isString() && !t.asString().isBlank()) tags.add(t.asString().trim());
            String link = str(i, "url") != null ? str(i, "url") : str(i, "external_url");
            String author = author(i);
            List<Media> media = new ArrayList<>();
            for (JsonNode a : i.path("attachments")) {
                String url = str(a, "url");
                if (url == null) continue;
                String type = str(a, "mime_type");
                Long size =
                        a.path("size_in_bytes").isNumber()
                                ? a.path("size_in_bytes").asLong()
                                : null;
                media.add(
                        new Media(
                                url,
                                type,
                                size,
                                Media.mediumOf(null, type),
                                str(a, "title"),
                                false));
            }
            String image = str(i, "image") != null ? str(i, "image") : str(i, "banner_image");
            items.add(
                    new ParsedItem(
                            str(i, "id"),
                            link,
                            str(i, "title"),
                            author != null ? author : feedAuthor,
                            date(i, "date_published"),
                            date(i, "date_modified"),
                            summary == null ? null : org.jsoup.nodes.Entities.escape(summary),
                            html,
                            tags,
                            media,
                            image));
        }
        String feedImage = str(root, "icon") != null ? str(root, "icon") : str(root, "favicon");
        return new ParsedFeed(
                str(root, "title"),
                str(root, "home_page_url"),
                documentUrl,
                items,
                List.of(),
                feedImage,
                new FeedLinks(hubs(root), str(root, "feed_url")));
    }

    /** JSON Feed's {@code hubs}: objects with {@code type} (WebSub) and {@code url}. */
    private static List<String> hubs(JsonNode root) {
        List<String> out = new ArrayList<>();
        for (JsonNode h : root.path("hubs")) {
            String type = str(h, "type");
            if (out.size() < FeedLinks.MAX_HUBS
                    && (type == null || type.equalsIgnoreCase("websub"))
                    && str(h, "url") != null) out.add(str(h, "url"));
        }
        return out;
    }

    private static String author(JsonNode item) {
        for (JsonNode a : item.path("authors")) {
            if (str(a, "name") != null) return str(a, "name");
        }
        return str(item.path("author"), "name"); // JSON Feed 1.0
    }

    private static Instant date(JsonNode n, String field) {
        String s = str(n, field);
        if (s == null) return null;
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (Exception e) {
            return null;
        }
    }

    private static String str(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        String s = v.isString() ? v.asString() : v.toString();
        return s.isBlank() ? null : s.trim();
    }
}
