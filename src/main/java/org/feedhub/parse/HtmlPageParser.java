package org.feedhub.parse;

import java.util.ArrayList;
import java.util.List;

import org.feedhub.config.HtmlSelectors;
import org.feedhub.config.SelectorSpec;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Selector;

/**
 * Pages without a feed: stories picked out with the editor's CSS selectors ({@code html:} in feeds.yml),
 * and feed autodiscovery ({@code <link rel="alternate">}) for a page URL given without selectors.
 */
final class HtmlPageParser {

    ParsedFeed scrape(String html, String pageUrl, HtmlSelectors sel) throws ParseException {
        try {
            return scrapeOrThrow(html, pageUrl, sel);
        } catch (Selector.SelectorParseException e) {
            throw new ParseException("bad selector: " + e.getMessage(), e);
        }
    }

    private ParsedFeed scrapeOrThrow(String html, String pageUrl, HtmlSelectors sel) throws ParseException {
        Document doc = Jsoup.parse(html, pageUrl);
        List<Element> found = doc.select(sel.item());
        if (found.isEmpty()) throw new ParseException("selector item '" + sel.item() + "' matched nothing on the page");
        List<ParsedItem> items = new ArrayList<>();
        int skipped = 0;
        for (Element el : found) {
            String title = value(el, sel.title(), false);
            String link = value(el, sel.link(), true);
            if (title == null || link == null) {
                skipped++;
                continue;
            }
            String summary = sel.summary() == null ? null : value(el, sel.summary(), false);
            String date = sel.date() == null ? null : dateValue(el, sel.date());
            items.add(new ParsedItem(null, link, title, null, LooseDates.parse(date), null,
                    summary == null ? null : org.jsoup.nodes.Entities.escape(summary), null, List.of()));
        }
        List<String> warnings = new ArrayList<>();
        if (skipped > 0) warnings.add(skipped + " of " + found.size() + " items had no title or link and were skipped");
        if (items.isEmpty()) throw new ParseException("no item had both a title ('" + sel.title() + "') and a link ('" + sel.link() + "')");
        return new ParsedFeed(doc.title(), pageUrl, pageUrl, items, warnings);
    }

    /**
     * The first feed the page advertises, absolute, or null. A web page may only point at http(s) feeds: a
     * {@code file:} link on it must not make feedhub read a local file (a local sample page may, though).
     */
    static String discover(String html, String pageUrl) {
        Document doc = Jsoup.parse(html, pageUrl);
        boolean localPage = pageUrl != null && pageUrl.regionMatches(true, 0, "file:", 0, 5);
        for (Element l : doc.select("link[rel~=(?i)alternate][href]")) {
            String type = l.attr("type").toLowerCase(java.util.Locale.ROOT);
            if (type.contains("rss") || type.contains("atom") || type.contains("feed+json") || type.equals("application/json")) {
                String href = l.absUrl("href");
                String lower = href.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("http://") || lower.startsWith("https://") || (localPage && lower.startsWith("file:"))) {
                    return href;
                }
            }
        }
        return null;
    }

    /**
     * Text of the first match, or an attribute with {@code selector@attr}; links are made absolute. The value is
     * split as the config splits it ({@link SelectorSpec}): an '@' inside {@code [href*="/@"]} is not an attribute.
     */
    private static String value(Element item, String spec, boolean isLink) {
        SelectorSpec split = SelectorSpec.of(spec);
        String css = split.css();
        String attr = split.attr() != null ? split.attr() : (isLink ? "href" : null);
        Element el = css.isEmpty() ? item : item.selectFirst(css);
        if (el == null) return null;
        String v = attr == null ? el.text() : (isLink || attr.equals("src") ? el.absUrl(attr) : el.attr(attr));
        if (isLink && (v == null || v.isEmpty()) && attr != null && !el.hasAttr(attr)) {
            Element a = el.selectFirst("a[href]");   // "h2.headline" pointing at the heading, not its <a>
            v = a == null ? null : a.absUrl("href");
        }
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String dateValue(Element item, String spec) {
        if (SelectorSpec.of(spec).attr() != null) return value(item, spec, false);
        Element el = item.selectFirst(spec);
        if (el == null) return null;
        return el.hasAttr("datetime") ? el.attr("datetime") : el.text();
    }
}
