package org.feedhub.parse;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Selector;

/**
 * Pages without a feed: stories picked out with the editor's CSS selectors ({@code html:} in
 * feeds.yml), and feed autodiscovery ({@code <link rel="alternate">}) for a page URL given without
 * selectors.
 */
final class HtmlPageParser {

    ParsedFeed scrape(String html, String pageUrl, HtmlSelectors sel) throws ParseException {
        try {
            return scrapeOrThrow(html, pageUrl, sel);
        } catch (Selector.SelectorParseException e) {
            throw new ParseException("bad selector: " + e.getMessage(), e);
        }
    }

    private ParsedFeed scrapeOrThrow(String html, String pageUrl, HtmlSelectors sel)
            throws ParseException {
        Document doc = Jsoup.parse(html, pageUrl);
        List<Element> found = doc.select(sel.item());
        if (found.isEmpty())
            throw new ParseException(
                    "selector item '" + sel.item() + "' matched nothing on the page");
        ZoneId zone = pageZone(doc);
        List<ParsedItem> items = new ArrayList<>();
        int skipped = 0;
        int titles = 0, links = 0, summaries = 0, dates = 0, unreadDates = 0;
        String unreadExample = null;
        for (Element el : found) {
            String title = value(el, sel.title(), false);
            String link = value(el, sel.link(), true);
            if (title != null) titles++;
            if (link != null) links++;
            String summary = sel.summary() == null ? null : value(el, sel.summary(), false);
            if (summary != null) summaries++;
            String date = sel.date() == null ? null : dateValue(el, sel.date());
            Instant published = LooseDates.parse(date, itemZone(el, zone));
            if (date != null) {
                dates++;
                if (published == null && unreadExample == null) unreadExample = date;
                if (published == null) unreadDates++;
            }
            if (title == null || link == null) {
                skipped++;
                continue;
            }
            items.add(
                    new ParsedItem(
                            null,
                            link,
                            title,
                            null,
                            published,
                            null,
                            summary == null ? null : org.jsoup.nodes.Entities.escape(summary),
                            null,
                            List.of()));
        }
        int n = found.size();
        if (items.isEmpty()) {
            if (titles == 0) throw new ParseException(nothing("title", sel.title(), n));
            if (links == 0) throw new ParseException(nothing("link", sel.link(), n));
            throw new ParseException(
                    "no item had both a title ('"
                            + sel.title()
                            + "') and a link ('"
                            + sel.link()
                            + "')");
        }
        List<String> warnings = new ArrayList<>();
        if (skipped > 0)
            warnings.add(skipped + " of " + n + " items had no title or link and were skipped");
        if (sel.summary() != null && summaries == 0)
            warnings.add(nothing("summary", sel.summary(), n));
        if (sel.date() != null && dates == 0) {
            warnings.add(nothing("date", sel.date(), n) + "; stories are dated when first seen");
        } else if (unreadDates > 0) {
            warnings.add(
                    unreadDates
                            + " of "
                            + dates
                            + " dates could not be read (such as '"
                            + shorten(unreadExample)
                            + "'); those stories are dated when first seen");
        }
        return new ParsedFeed(doc.title(), pageUrl, pageUrl, items, warnings);
    }

    private static String nothing(String field, String selector, int items) {
        return "selector "
                + field
                + " '"
                + selector
                + "' matched nothing in "
                + (items == 1 ? "the item" : "any of the " + items + " items");
    }

    private static String shorten(String s) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() <= 40 ? t : t.substring(0, 40) + "…";
    }

    private static final java.util.regex.Pattern HAS_OFFSET =
            java.util.regex.Pattern.compile(
                    "\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})$");

    /**
     * The time zone the page writes its times in, for dates that name none: a {@code <meta
     * name="timezone">} (a region such as Europe/Moscow, or an offset), else the offset of the
     * page's own date ({@code article:published_time} and the like), else UTC.
     */
    static ZoneId pageZone(Document doc) {
        for (Element meta : doc.select("meta[content]")) {
            String name =
                    (meta.attr("name") + meta.attr("property") + meta.attr("http-equiv"))
                            .toLowerCase(Locale.ROOT);
            if (name.equals("timezone")
                    || name.equals("time-zone")
                    || name.equals("tz")
                    || name.equals("date.timezone")
                    || name.equals("article:timezone")
                    || name.equals("og:timezone")) {
                ZoneId z = LooseDates.zoneOf(meta.attr("content"));
                if (z != null) return z;
            }
        }
        ZoneId z =
                offsetOf(
                        doc.select(
                                "meta[property=article:published_time], meta[property=article:modified_time], "
                                        + "meta[itemprop=datePublished], meta[itemprop=dateModified]"),
                        "content");
        return z != null ? z : ZoneOffset.UTC;
    }

    /**
     * An item whose {@code <time datetime>} has an offset writes its other times in that offset
     * too.
     */
    static ZoneId itemZone(Element item, ZoneId pageZone) {
        ZoneId z = offsetOf(item.select("[datetime]"), "datetime");
        return z != null ? z : pageZone;
    }

    private static ZoneId offsetOf(List<Element> elements, String attr) {
        for (Element e : elements) {
            java.util.regex.Matcher m = HAS_OFFSET.matcher(e.attr(attr).strip());
            if (m.find()) {
                ZoneId z = m.group(1).equals("Z") ? ZoneOffset.UTC : LooseDates.zoneOf(m.group(1));
                if (z != null) return z;
            }
        }
        return null;
    }

    /**
     * The first feed the page advertises, absolute, or null. A web page may only point at http(s)
     * feeds: a {@code file:} link on it must not make feedhub read a local file (a local sample
     * page may, though).
     */
    static String discover(String html, String pageUrl) {
        Document doc = Jsoup.parse(html, pageUrl);
        boolean localPage = pageUrl != null && pageUrl.regionMatches(true, 0, "file:", 0, 5);
        for (Element l : doc.select("link[rel~=(?i)alternate][href]")) {
            String type = l.attr("type").toLowerCase(java.util.Locale.ROOT);
            if (type.contains("rss")
                    || type.contains("atom")
                    || type.contains("feed+json")
                    || type.equals("application/json")) {
                String href = l.absUrl("href");
                String lower = href.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("http://")
                        || lower.startsWith("https://")
                        || (localPage && lower.startsWith("file:"))) {
                    return href;
                }
            }
        }
        return null;
    }

    /**
     * Text of the first match, or an attribute with {@code selector@attr}; links are made absolute.
     * The value is split as the config splits it ({@link SelectorSpec}): an '@' inside {@code
     * [href*="/@"]} is not an attribute.
     */
    private static String value(Element item, String spec, boolean isLink) {
        SelectorSpec split = SelectorSpec.of(spec);
        String css = split.css();
        String attr = split.attr() != null ? split.attr() : (isLink ? "href" : null);
        Element el = css.isEmpty() ? item : item.selectFirst(css);
        if (el == null) return null;
        String v =
                attr == null
                        ? el.text()
                        : (isLink || attr.equals("src") ? el.absUrl(attr) : el.attr(attr));
        if (isLink && (v == null || v.isEmpty()) && attr != null && !el.hasAttr(attr)) {
            Element a =
                    el.selectFirst("a[href]"); // "h2.headline" pointing at the heading, not its <a>
            v = a == null ? null : a.absUrl("href");
        }
        if (v == null || v.isBlank()) return null;
        return isLink && !webLink(v.trim(), item.baseUri()) ? null : v.trim();
    }

    /**
     * A story link must lead to a web page: javascript:, mailto: or data: links count as no link.
     */
    private static boolean webLink(String url, String pageUrl) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) return true;
        return lower.startsWith("file:")
                && pageUrl != null
                && pageUrl.regionMatches(true, 0, "file:", 0, 5);
    }

    private static String dateValue(Element item, String spec) {
        if (SelectorSpec.of(spec).attr() != null) return value(item, spec, false);
        Element el = item.selectFirst(spec);
        if (el == null) return null;
        return el.hasAttr("datetime") ? el.attr("datetime") : el.text();
    }
}
