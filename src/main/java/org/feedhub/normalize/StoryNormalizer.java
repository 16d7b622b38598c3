package org.feedhub.normalize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.feedhub.parse.Media;
import org.feedhub.parse.ParsedFeed;
import org.feedhub.parse.ParsedItem;
import org.feedhub.text.TextClean;

/**
 * Parsed items into clean stories: absolute canonical links, sanitized HTML, plain-text titles, UTC
 * dates, and the visible text. Items with neither a title nor any text are dropped (nothing to
 * show).
 */
public final class StoryNormalizer {
    private static final org.jsoup.select.Evaluator IMG_WITH_SRC =
            org.jsoup.select.Selector.evaluatorOf("img[src]"); // compiled once, thread-safe

    private final Set<String> stripParams;

    /** With only the built-in tracking parameters removed from links. */
    public StoryNormalizer() {
        this(Set.of());
    }

    /**
     * @param stripParams query parameters removed from links besides the built-in ones ({@code
     *     feedhub.normalize.strip-params})
     */
    public StoryNormalizer(Collection<String> stripParams) {
        this.stripParams = stripParams == null ? Set.of() : Set.copyOf(stripParams);
    }

    /**
     * @param now the time of this fetch: the date of items that carry none
     */
    public List<Story> normalize(ParsedFeed feed, Instant now) {
        List<Story> out = new ArrayList<>();
        for (ParsedItem item : feed.items()) {
            Story s = normalize(item, feed.baseUrl(), now);
            if (s != null) out.add(s);
        }
        return out;
    }

    /** One item, or null when it has neither a title nor any text. */
    public Story normalize(ParsedItem item, String baseUrl, Instant now) {
        String link = item.link() == null ? null : absolute(item.link().trim(), baseUrl);
        String canonical = link == null ? null : CanonicalUrl.canonicalize(link, null, stripParams);
        if (canonical != null && canonical.length() > 2000)
            canonical = null; // too long to be a key
        String bodyBase = link != null ? link : baseUrl;
        String rawBody =
                item.contentHtml() != null && !item.contentHtml().isBlank()
                        ? item.contentHtml()
                        : item.summaryHtml();
        HtmlSanitizer.Sanitized sanitized = HtmlSanitizer.clean(rawBody, bodyBase);
        String html = sanitized.html();
        List<String> paragraphs = html.isEmpty() ? List.of() : HtmlText.paragraphs(sanitized);
        String title = TitleText.of(item.title());
        if (title.isEmpty()) title = firstWords(paragraphs);
        if (title.isEmpty()) title = TitleText.fromLink(canonical != null ? canonical : link);
        if (title.isEmpty()) return null;
        Instant published = first(item.published(), item.updated(), now);
        Instant updated = first(item.updated(), published, now);
        if (updated.isBefore(published)) updated = published;
        if (published.isAfter(now.plusSeconds(86_400)))
            published = now; // a date far in the future is a typo
        String text = String.join("\n", paragraphs);
        String key = ItemKeys.of(item.guid(), canonical, title, text);
        String hash = ItemKeys.sha256(title + "\n" + text);
        List<Media> media = media(item.media(), bodyBase);
        return new Story(
                key,
                item.guid(),
                canonical,
                link,
                title,
                clean(item.author()),
                published,
                updated,
                html,
                paragraphs,
                item.categories(),
                hash,
                List.of(),
                null,
                media,
                leadImage(item.image(), media, sanitized, bodyBase));
    }

    private static String absolute(String raw, String base) {
        try {
            java.net.URI u =
                    base == null
                            ? new java.net.URI(raw)
                            : new java.net.URI(base).resolve(new java.net.URI(raw));
            String scheme =
                    u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https")
                    ? u.toString()
                    : null; // never publish file: or javascript: links
        } catch (Exception e) {
            return CanonicalUrl.canonicalize(
                    raw, base); // not a strict URI (spaces, unicode): let the lenient path try
        }
    }

    /** Media with absolute http(s) URLs (tracking parameters removed); anything else is dropped. */
    private static List<Media> media(List<Media> raw, String base) {
        List<Media> out = new ArrayList<>();
        for (Media m : raw) {
            String url = CanonicalUrl.canonicalize(m.url(), base);
            if (url == null || url.length() > 2000) continue;
            out.add(
                    new Media(
                            url,
                            m.type(),
                            m.length() != null && m.length() > 0 ? m.length() : null,
                            m.medium(),
                            m.title() == null ? null : TextClean.clean(m.title()),
                            m.thumbnail()));
        }
        return List.copyOf(out);
    }

    /**
     * The feed's own picture for the item, else a thumbnail, else the first image file, else the
     * first img.
     */
    private static String leadImage(
            String declared, List<Media> media, HtmlSanitizer.Sanitized sanitized, String base) {
        String image = declared == null ? null : CanonicalUrl.canonicalize(declared, base);
        if (image != null) return image;
        for (Media m : media) if (m.thumbnail()) return m.url();
        for (Media m : media) if (m.isImage()) return m.url();
        // the sanitizer writes tags in lower case: no "<img", no image
        if (!sanitized.html().contains("<img")) return null;
        org.jsoup.nodes.Element img = sanitized.body().selectFirst(IMG_WITH_SRC);
        return img == null ? null : CanonicalUrl.canonicalize(img.attr("src"), base);
    }

    private static String firstWords(List<String> paragraphs) {
        if (paragraphs.isEmpty()) return "";
        String p = paragraphs.get(0);
        if (p.length() <= 80) return p;
        int cut = p.lastIndexOf(' ', 80);
        return p.substring(0, cut > 20 ? cut : 80) + "…";
    }

    private static String clean(String s) {
        if (s == null) return null;
        String c = TextClean.clean(s);
        return c.isEmpty() ? null : c;
    }

    private static Instant first(Instant... candidates) {
        for (Instant i : candidates) if (i != null) return i;
        throw new IllegalArgumentException("no instant");
    }
}
