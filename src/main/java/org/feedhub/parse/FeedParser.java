package org.feedhub.parse;

import java.util.Locale;

/**
 * Reads a fetched document into a {@link ParsedFeed}. The format is detected from the content,
 * never from the URL or Content-Type (servers send feeds as text/html or application/octet-stream
 * every day).
 */
public final class FeedParser {
    private final XmlFeedParser xml = new XmlFeedParser();
    private final JsonFeedParser json = new JsonFeedParser();
    private final HtmlPageParser html = new HtmlPageParser();

    public enum Kind {
        XML_FEED,
        JSON_FEED,
        HTML,
        UNKNOWN
    }

    /**
     * @param selectors the source's {@code html:} block, or null for feeds
     * @throws ParseException with a one-line reason; an HTML page without selectors is reported as
     *     such
     */
    public ParsedFeed parse(byte[] body, String contentType, String url, HtmlSelectors selectors)
            throws ParseException {
        String text = Charsets.decode(body, contentType);
        if (selectors != null) return html.scrape(text, url, selectors);
        return switch (detect(text)) {
            case XML_FEED -> xml.parse(text, url);
            case JSON_FEED -> json.parse(text, url);
            case HTML ->
                    throw new ParseException("an HTML page, not a feed, and it advertises no feed");
            case UNKNOWN ->
                    throw new ParseException(
                            text.isBlank() ? "empty document" : "neither a feed nor a web page");
        };
    }

    /** For a page URL: the feed it advertises with {@code <link rel="alternate">}, else null. */
    public String discoverFeed(byte[] body, String contentType, String url) {
        String text = Charsets.decode(body, contentType);
        return detect(text) == Kind.HTML ? HtmlPageParser.discover(text, url) : null;
    }

    public static Kind detect(String text) {
        String head =
                text.substring(0, Math.min(text.length(), 4096))
                        .stripLeading()
                        .toLowerCase(Locale.ROOT);
        if (head.startsWith("{")) return Kind.JSON_FEED;
        if (!head.startsWith("<")) return Kind.UNKNOWN;
        if (head.startsWith("<!doctype html") || head.startsWith("<html")) return Kind.HTML;
        if (head.contains("<rss")
                || head.contains("<feed")
                || head.contains("<rdf:rdf")
                || head.contains("<channel")) {
            return Kind.XML_FEED;
        }
        if (head.contains("<html") || head.contains("<head") || head.contains("<body"))
            return Kind.HTML;
        return Kind.XML_FEED; // let Rome say what is wrong with it
    }
}
