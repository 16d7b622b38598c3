package org.feedhub.parse;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;

import org.jdom2.Element;

/** RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 through Rome, after {@link XmlCleaner}. DOCTYPEs are never resolved. */
final class XmlFeedParser {
    static {
        // Resolve Atom's relative links against xml:base (and the feed's own URL), as RFC 4287 asks.
        com.rometools.rome.io.impl.Atom10Parser.setResolveURIs(true);
    }

    ParsedFeed parse(String text, String documentUrl) throws ParseException {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            input.setXmlHealerOn(true);
            feed = input.build(new StringReader(XmlCleaner.clean(text)));
        } catch (Exception e) {
            throw new ParseException("not a feed Rome can read: " + oneLine(e), e);
        }
        String siteLink = feed.getLink();
        List<ParsedItem> items = new ArrayList<>();
        for (SyndEntry e : feed.getEntries()) items.add(item(e));
        return new ParsedFeed(feed.getTitle(), siteLink, documentUrl, items, List.of());
    }

    private static ParsedItem item(SyndEntry e) {
        String content = null;
        for (SyndContent c : e.getContents()) {
            if (c.getValue() != null && !c.getValue().isBlank()) {
                content = asHtml(c);
                break;
            }
        }
        String summary = e.getDescription() == null ? null : asHtml(e.getDescription());
        List<String> categories = new ArrayList<>();
        for (SyndCategory c : e.getCategories()) {
            if (c.getName() != null && !c.getName().isBlank()) categories.add(c.getName().trim());
        }
        return new ParsedItem(e.getUri(), link(e), e.getTitle(), author(e), instant(e.getPublishedDate()),
                instant(e.getUpdatedDate()), summary, content, categories);
    }

    /** FeedBurner rewrites links to its tracker and keeps the original in feedburner:origLink. */
    private static String link(SyndEntry e) {
        for (Element el : e.getForeignMarkup()) {
            if (el.getName().equals("origLink") && !el.getTextTrim().isEmpty()) return el.getTextTrim();
        }
        if (e.getLink() != null) return e.getLink();
        return e.getLinks().isEmpty() ? null : e.getLinks().get(0).getHref();
    }

    private static String author(SyndEntry e) {
        if (e.getAuthor() != null && !e.getAuthor().isBlank()) return e.getAuthor().trim();
        for (SyndPerson p : e.getAuthors()) {
            if (p.getName() != null && !p.getName().isBlank()) return p.getName().trim();
        }
        return null;
    }

    /** Plain-text bodies are escaped so that everything downstream can treat the value as HTML. */
    private static String asHtml(SyndContent c) {
        String type = c.getType();
        if (type != null && (type.equals("text") || type.equals("text/plain"))) {
            return org.jsoup.nodes.Entities.escape(c.getValue());
        }
        return c.getValue();
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replaceAll("\\s+", " ").trim();
    }
}
