package org.feedhub.fulltext;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.feedhub.parse.LooseDates;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an article page says about itself: Open Graph and article: meta tags, {@code <link
 * rel="canonical">}, schema.org JSON-LD ({@code NewsArticle}, {@code BlogPosting} …), and the plain
 * HTML fallbacks.
 */
final class PageMeta {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> ARTICLE_TYPES =
            List.of(
                    "article",
                    "newsarticle",
                    "blogposting",
                    "reportagenewsarticle",
                    "analysisnewsarticle",
                    "opinionnewsarticle",
                    "backgroundnewsarticle",
                    "scholarlyarticle",
                    "techarticle",
                    "liveblogposting",
                    "socialmediaposting");

    final String title;
    final String description;
    final String canonicalUrl;
    final Instant published;
    final String author;

    private PageMeta(
            String title,
            String description,
            String canonicalUrl,
            Instant published,
            String author) {
        this.title = title;
        this.description = description;
        this.canonicalUrl = canonicalUrl;
        this.published = published;
        this.author = author;
    }

    /** Read before the page is cleaned up: JSON-LD lives in script elements. */
    static PageMeta of(Document doc) {
        JsonNode ld = jsonLdArticle(doc);
        String title =
                first(
                        meta(doc, "og:title"),
                        meta(doc, "twitter:title"),
                        text(ld, "headline"),
                        singleH1(doc),
                        doc.title());
        String description =
                first(
                        meta(doc, "og:description"),
                        meta(doc, "twitter:description"),
                        meta(doc, "description"),
                        text(ld, "description"));
        String canonical =
                httpUrl(
                        doc.select("link[rel~=(?i)^canonical$][href]").stream()
                                .map(l -> l.absUrl("href"))
                                .filter(u -> !u.isEmpty())
                                .findFirst()
                                .orElse(null));
        if (canonical == null) {
            Element og =
                    doc.selectFirst("meta[property=og:url][content], meta[name=og:url][content]");
            canonical = og == null ? null : httpUrl(og.absUrl("content"));
        }
        ZoneId zone = zone(doc);
        Instant published = null;
        for (String raw : dateCandidates(doc, ld)) {
            published = LooseDates.parse(raw, zone);
            if (published != null) break;
        }
        String author =
                first(
                        nonUrl(meta(doc, "author")),
                        nonUrl(meta(doc, "article:author")),
                        ldAuthor(ld),
                        nonUrl(meta(doc, "byl")),
                        doc
                                .select(
                                        "[itemprop=author] [itemprop=name], [rel=author], [itemprop=author], .vcard .fn, .author-name, .byline-name")
                                .stream()
                                .map(Element::text)
                                .filter(t -> !t.isBlank() && t.length() < 100)
                                .findFirst()
                                .orElse(null));
        if (author != null) author = author.replaceFirst("(?i)^by\\s+", "").strip();
        return new PageMeta(title, description, canonical, published, author);
    }

    private static List<String> dateCandidates(Document doc, JsonNode ld) {
        List<String> out = new ArrayList<>();
        out.add(meta(doc, "article:published_time"));
        out.add(text(ld, "datePublished"));
        for (Element m : doc.select("meta[itemprop=datePublished][content]"))
            out.add(m.attr("content"));
        for (String name :
                List.of(
                        "pubdate",
                        "publishdate",
                        "publish-date",
                        "publish_date",
                        "date",
                        "dc.date.issued",
                        "dcterms.created",
                        "dc.date",
                        "sailthru.date",
                        "parsely-pub-date",
                        "og:published_time")) {
            out.add(meta(doc, name));
        }
        for (Element t :
                doc.select(
                        "time[itemprop=datePublished][datetime], time[pubdate][datetime], "
                                + "article time[datetime], time[datetime]")) {
            out.add(t.attr("datetime"));
        }
        out.add(meta(doc, "article:modified_time"));
        out.add(text(ld, "dateModified"));
        out.removeIf(s -> s == null || s.isBlank());
        return out;
    }

    private static ZoneId zone(Document doc) {
        for (Element meta : doc.select("meta[name][content]")) {
            String name = meta.attr("name").toLowerCase(Locale.ROOT);
            if (name.equals("timezone") || name.equals("time-zone") || name.equals("tz")) {
                ZoneId z = LooseDates.zoneOf(meta.attr("content"));
                if (z != null) return z;
            }
        }
        return ZoneOffset.UTC;
    }

    /**
     * The content of {@code <meta property=NAME>} or {@code <meta name=NAME>}, case-insensitive;
     * null when absent.
     */
    static String meta(Document doc, String name) {
        for (Element m : doc.select("meta[content]")) {
            String key =
                    m.hasAttr("property")
                            ? m.attr("property")
                            : m.hasAttr("name") ? m.attr("name") : m.attr("itemprop");
            if (key.equalsIgnoreCase(name) && !m.attr("content").isBlank())
                return m.attr("content").strip();
        }
        return null;
    }

    private static String singleH1(Document doc) {
        List<Element> h1 = doc.select("h1");
        return h1.size() == 1 ? h1.get(0).text() : null;
    }

    /**
     * The first JSON-LD object of an article type, looking into arrays and {@code @graph}; null
     * when none.
     */
    private static JsonNode jsonLdArticle(Document doc) {
        for (Element script : doc.select("script[type~=(?i)application/ld\\+json]")) {
            try {
                JsonNode found = findArticle(JSON.readTree(script.data()), 0);
                if (found != null) return found;
            } catch (RuntimeException e) {
                // broken JSON-LD is common; the meta tags still count
            }
        }
        return null;
    }

    private static JsonNode findArticle(JsonNode n, int depth) {
        if (n == null || depth > 4) return null;
        if (n.isArray()) {
            for (JsonNode c : n) {
                JsonNode f = findArticle(c, depth + 1);
                if (f != null) return f;
            }
            return null;
        }
        if (!n.isObject()) return null;
        JsonNode type = n.get("@type");
        List<String> types = new ArrayList<>();
        if (type != null && type.isArray()) type.forEach(t -> types.add(t.asString("")));
        else if (type != null) types.add(type.asString(""));
        for (String t : types) if (ARTICLE_TYPES.contains(t.toLowerCase(Locale.ROOT))) return n;
        return findArticle(n.get("@graph"), depth + 1);
    }

    private static String text(JsonNode n, String field) {
        if (n == null) return null;
        JsonNode v = n.get(field);
        return v != null && v.isString() && !v.asString().isBlank() ? v.asString().strip() : null;
    }

    private static String ldAuthor(JsonNode ld) {
        if (ld == null) return null;
        JsonNode a = ld.get("author");
        if (a == null) return null;
        if (a.isArray() && !a.isEmpty()) a = a.get(0);
        if (a.isString()) return nonUrl(a.asString());
        return text(a, "name");
    }

    private static String nonUrl(String s) {
        return s == null || s.isBlank() || s.contains("://") ? null : s.strip();
    }

    private static String httpUrl(String u) {
        if (u == null) return null;
        String l = u.toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://") ? u : null;
    }

    private static String first(String... values) {
        for (String v : values)
            if (v != null && !v.isBlank()) return v.strip().replaceAll("\\s+", " ");
        return null;
    }
}
