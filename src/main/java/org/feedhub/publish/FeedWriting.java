package org.feedhub.publish;

import static org.feedhub.publish.XmlText.clean;
import static org.feedhub.publish.XmlText.isBlank;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.feedhub.publish.FeedView.CarrierView;
import org.feedhub.publish.FeedView.EntryView;

/** What the three feed writers share: dates, links, names and the fallbacks of an entry. */
final class FeedWriting {
    /** The {@code generator} of every feed. */
    static final String GENERATOR = "feedhub";

    private FeedWriting() {}

    /** Browsers show a feed as a page through /feed.xsl; feed readers ignore this line. */
    static final String STYLESHEET = "<?xml-stylesheet type=\"text/xsl\" href=\"/feed.xsl\"?>";

    static byte[] write(WireFeed feed) {
        try {
            return styled(new WireFeedOutput().outputString(feed, false));
        } catch (FeedException e) {
            throw new IllegalStateException(
                    "cannot write " + feed.getFeedType() + " feed: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a feed whose root element carries {@code xml:lang} (Rome's Atom writer does not write
     * it from the feed's language).
     */
    static byte[] write(WireFeed feed, String xmlLang) {
        if (xmlLang == null || xmlLang.isBlank()) return write(feed);
        try {
            org.jdom2.Document doc = new WireFeedOutput().outputJDom(feed);
            doc.getRootElement().setAttribute("lang", xmlLang, org.jdom2.Namespace.XML_NAMESPACE);
            org.jdom2.output.Format format = org.jdom2.output.Format.getRawFormat();
            format.setEncoding("UTF-8");
            return styled(new org.jdom2.output.XMLOutputter(format).outputString(doc));
        } catch (FeedException e) {
            throw new IllegalStateException(
                    "cannot write " + feed.getFeedType() + " feed: " + e.getMessage(), e);
        }
    }

    /**
     * The feed with its stylesheet line pointing at {@code href} instead (a static export points at
     * its own copy, relative to the feed); a body without that line (JSON Feed) as it is.
     */
    static byte[] restyled(byte[] body, String href) {
        String xml = new String(body, StandardCharsets.UTF_8);
        int at = xml.indexOf(STYLESHEET);
        if (at < 0 || at > 200) return body;
        return (xml.substring(0, at)
                        + STYLESHEET.replace("\"/feed.xsl\"", "\"" + href + "\"")
                        + xml.substring(at + STYLESHEET.length()))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The XML with the stylesheet line right after its prolog. */
    private static byte[] styled(String xml) {
        int prolog = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
        return (xml.substring(0, prolog) + "\n" + STYLESHEET + xml.substring(prolog))
                .getBytes(StandardCharsets.UTF_8);
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

    static Date date(Instant t) {
        return Date.from(t.truncatedTo(ChronoUnit.SECONDS));
    }

    static Link atomLink(String rel, String href, String type, String title) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(clean(href));
        link.setType(type);
        link.setTitle(clean(title));
        return link;
    }

    static CarrierView firstCarrier(EntryView e) {
        return e.carriers() == null || e.carriers().isEmpty() ? null : e.carriers().get(0);
    }

    static List<CarrierView> carriers(EntryView e) {
        return e.carriers() == null ? List.of() : e.carriers();
    }

    static List<String> tags(EntryView e) {
        if (e.tags() == null) {
            return List.of();
        }
        return e.tags().stream().filter(t -> !isBlank(t)).toList();
    }

    static String sourceName(CarrierView c) {
        return isBlank(c.sourceTitle()) ? c.sourceId() : c.sourceTitle();
    }

    /**
     * Who to name as the entry's author: the story's own author, else the source that first carried
     * it (many readers show no {@code <source>}, only the author).
     */
    static String author(EntryView e) {
        if (!isBlank(e.author())) {
            return e.author();
        }
        CarrierView first = firstCarrier(e);
        return first == null ? null : sourceName(first);
    }

    /** The URL when it is an absolute http(s) URL, else null. */
    static String webUrl(String url) {
        if (url == null) {
            return null;
        }
        String trimmed = url.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        return (lower.startsWith("http://") || lower.startsWith("https://"))
                        && trimmed.length() > 8
                        && trimmed.chars().noneMatch(ch -> ch <= ' ')
                ? trimmed
                : null;
    }

    static String firstNonBlank(String... values) {
        for (String v : values) {
            if (!isBlank(v)) {
                return v;
            }
        }
        return null;
    }
}
