package org.feedhub.parse;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCSubject;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jdom2.Element;

/**
 * RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 through Rome, after {@link XmlCleaner}. DOCTYPEs are never
 * resolved.
 */
final class XmlFeedParser {
    static {
        // Resolve Atom's relative links against xml:base (and the feed's own URL), as RFC 4287
        // asks.
        com.rometools.rome.io.impl.Atom10Parser.setResolveURIs(true);
    }

    ParsedFeed parse(String text, String documentUrl) throws ParseException {
        SyndFeed feed;
        String cleaned = XmlCleaner.clean(text);
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            // Off: Rome's healer rewrites entities inside CDATA too; XmlCleaner does it,
            // CDATA-aware.
            input.setXmlHealerOn(false);
            input.setPreserveWireFeed(true); // for Atom 0.3's dates, see item()
            feed = input.build(new StringReader(cleaned));
        } catch (Exception e) {
            throw new ParseException("not a feed Rome can read: " + oneLine(e), e);
        }
        boolean rss = feed.getFeedType() != null && feed.getFeedType().startsWith("rss");
        boolean atom03 = "atom_0.3".equals(feed.getFeedType());
        String feedAuthor = rss ? null : author(feed.getAuthor(), feed.getAuthors());
        List<ParsedItem> items = new ArrayList<>();
        for (SyndEntry e : feed.getEntries()) items.add(item(e, rss, atom03, feedAuthor));
        List<XmlBases.ItemBases> bases = XmlBases.of(cleaned, documentUrl);
        if (bases.size() == items.size()) {
            for (int i = 0; i < items.size(); i++) {
                ParsedItem p = items.get(i);
                XmlBases.ItemBases b = bases.get(i);
                if (b.content() == null && b.summary() == null) continue;
                items.set(
                        i,
                        new ParsedItem(
                                p.guid(),
                                p.link(),
                                p.title(),
                                p.author(),
                                p.published(),
                                p.updated(),
                                XmlBases.absolutize(p.summaryHtml(), b.summary()),
                                XmlBases.absolutize(p.contentHtml(), b.content()),
                                p.categories(),
                                p.media(),
                                p.image()));
            }
        }
        return new ParsedFeed(
                feed.getTitle(),
                siteLink(feed),
                documentUrl,
                items,
                List.of(),
                feedImage(feed),
                links(feed));
    }

    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    /**
     * WebSub's hub and self links: Atom's own links, or {@code atom:link} elements in an RSS
     * channel (Rome's atom-link module reads them; foreign markup where it did not).
     */
    private static FeedLinks links(SyndFeed feed) {
        List<String> hubs = new ArrayList<>();
        String self = null;
        for (SyndLink l : feed.getLinks()) {
            if ("hub".equals(l.getRel())) hubs.add(l.getHref());
            if ("self".equals(l.getRel()) && self == null) self = l.getHref();
        }
        if (feed.originalWireFeed() instanceof com.rometools.rome.feed.atom.Feed atom) {
            for (com.rometools.rome.feed.atom.Link l : atom.getOtherLinks()) {
                if ("hub".equals(l.getRel())) hubs.add(l.getHref());
                if ("self".equals(l.getRel()) && self == null) self = l.getHref();
            }
        }
        if (feed.getModule(ATOM_NS)
                instanceof com.rometools.modules.atom.modules.AtomLinkModule m) {
            for (com.rometools.rome.feed.atom.Link l : m.getLinks()) {
                if ("hub".equals(l.getRel())) hubs.add(l.getHref());
                if ("self".equals(l.getRel()) && self == null) self = l.getHref();
            }
        }
        for (Element el : feed.getForeignMarkup()) {
            if (!el.getName().equals("link") || !ATOM_NS.equals(el.getNamespaceURI())) continue;
            String rel = el.getAttributeValue("rel");
            if ("hub".equals(rel)) hubs.add(el.getAttributeValue("href"));
            if ("self".equals(rel) && self == null) self = el.getAttributeValue("href");
        }
        return new FeedLinks(hubs, self);
    }

    /** RSS {@code <image>}, else Atom's logo, else its icon. */
    private static String feedImage(SyndFeed feed) {
        if (feed.getImage() != null && feed.getImage().getUrl() != null)
            return feed.getImage().getUrl();
        if (feed.originalWireFeed() instanceof com.rometools.rome.feed.atom.Feed atom) {
            if (atom.getLogo() != null) return atom.getLogo();
            if (atom.getIcon() != null) return atom.getIcon();
        }
        if (feed.getIcon() != null && feed.getIcon().getUrl() != null)
            return feed.getIcon().getUrl();
        return null;
    }

    /**
     * The site's home page. Rome 2 puts an Atom feed's rel="self" link (the feed itself) in {@code
     * getLink()} and the home page only when there is no self link, so the alternate link is looked
     * up first.
     */
    private static String siteLink(SyndFeed feed) {
        for (SyndLink l : feed.getLinks()) {
            if (l.getHref() != null && (l.getRel() == null || l.getRel().equals("alternate")))
                return l.getHref();
        }
        return feed.getLink();
    }

    /**
     * @param rss RSS descriptions are HTML in practice whatever the version; Rome labels the RSS
     *     0.91 and 1.0 ones text/plain, which would show their markup as literal tags
     * @param feedAuthor an Atom feed's author, which applies to entries that name none (RFC 4287
     *     4.2.1)
     */
    private static ParsedItem item(SyndEntry e, boolean rss, boolean atom03, String feedAuthor) {
        String content = null;
        for (SyndContent c : e.getContents()) {
            if (c.getValue() != null && !c.getValue().isBlank()) {
                content = rss ? c.getValue() : asHtml(c);
                break;
            }
        }
        String summary =
                e.getDescription() == null
                        ? null
                        : rss ? e.getDescription().getValue() : asHtml(e.getDescription());
        List<String> categories = new ArrayList<>();
        for (SyndCategory c : e.getCategories()) add(categories, c.getName());
        // Rome 2 keeps dc:subject (RSS 1.0's category) in the Dublin Core module only
        if (e.getModule(DCModule.URI) instanceof DCModule dc) {
            for (DCSubject s : dc.getSubjects()) add(categories, s.getValue());
        }
        String author = author(e.getAuthor(), e.getAuthors());
        if (author == null) author = feedAuthor;
        Instant published = instant(e.getPublishedDate()), updated = instant(e.getUpdatedDate());
        if (atom03
                && e.getWireEntry() instanceof com.rometools.rome.feed.atom.Entry a03
                && a03.getIssued() != null) {
            // Atom 0.3: Rome takes <modified> as the publication date; <issued> is, <modified> is
            // the update.
            published = instant(a03.getIssued());
            updated = instant(a03.getModified());
        }
        return new ParsedItem(
                e.getUri(),
                link(e),
                title(e, rss),
                author,
                published,
                updated,
                summary,
                content,
                categories,
                MediaReader.media(e),
                null);
    }

    /**
     * The title as HTML, as the normalizer reads it: an Atom title of type text is escaped, so a
     * literal {@code <template>} in it stays text; RSS titles are left for the normalizer to judge.
     */
    private static String title(SyndEntry e, boolean rss) {
        SyndContent t = e.getTitleEx();
        if (rss || t == null || t.getValue() == null) return e.getTitle();
        String type = t.getType() == null ? "text" : t.getType().toLowerCase(Locale.ROOT);
        if (type.equals("text") || type.equals("text/plain")) {
            return org.jsoup.nodes.Entities.escape(t.getValue());
        }
        return t.getValue();
    }

    /** FeedBurner rewrites links to its tracker and keeps the original in feedburner:origLink. */
    private static String link(SyndEntry e) {
        for (Element el : e.getForeignMarkup()) {
            if (el.getName().equals("origLink") && !el.getTextTrim().isEmpty())
                return el.getTextTrim();
        }
        if (e.getLink() != null) return e.getLink();
        return e.getLinks().isEmpty() ? null : e.getLinks().get(0).getHref();
    }

    private static void add(List<String> categories, String name) {
        if (name != null && !name.isBlank() && !categories.contains(name.trim()))
            categories.add(name.trim());
    }

    /**
     * RSS 2.0's author is an e-mail address, usually with the name in parentheses: the name is
     * kept. Possessive parts, none of which can match what the next one needs, so the match is
     * linear in the length (a greedy {@code \\S+@\\S+} was quadratic on an author made of
     * {@code @}).
     */
    static final java.util.regex.Pattern EMAIL_WITH_NAME =
            java.util.regex.Pattern.compile("[^\\s@]++@[^\\s(]++\\s*+\\((.+)\\)");

    /** The name in "jane@example.com (Jane Roe)", else the author as written (trimmed). */
    static String rssAuthorName(String single) {
        String a = FieldCaps.cut(single.trim(), FieldCaps.AUTHOR);
        java.util.regex.Matcher m = EMAIL_WITH_NAME.matcher(a);
        return m.matches() && !m.group(1).isBlank() ? m.group(1).trim() : a.trim();
    }

    private static String author(String single, List<SyndPerson> people) {
        if (single != null && !single.isBlank()) {
            return rssAuthorName(single);
        }
        for (SyndPerson p : people) {
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
