package org.feedhub.parse;

import java.util.List;

/**
 * What a parser found in a source document, before normalization. Values are raw (HTML may be
 * dirty, links may be relative to {@code baseUrl}); nulls mean absent.
 *
 * @param baseUrl the URL to resolve relative links against (the document URL, or xml:base where the
 *     feed set one)
 * @param image the feed's own image, icon or logo, may be null
 * @param links the WebSub hubs and self URL the document announces (never null)
 */
public record ParsedFeed(
        String title,
        String siteLink,
        String baseUrl,
        List<ParsedItem> items,
        List<String> warnings,
        String image,
        FeedLinks links) {

    public ParsedFeed {
        if (links == null) links = FeedLinks.NONE;
    }

    public ParsedFeed(
            String title,
            String siteLink,
            String baseUrl,
            List<ParsedItem> items,
            List<String> warnings,
            String image) {
        this(title, siteLink, baseUrl, items, warnings, image, FeedLinks.NONE);
    }

    /** The same feed with other items and warnings. */
    public ParsedFeed withItems(List<ParsedItem> items, List<String> warnings) {
        return new ParsedFeed(title, siteLink, baseUrl, items, warnings, image, links);
    }

    public ParsedFeed(
            String title,
            String siteLink,
            String baseUrl,
            List<ParsedItem> items,
            List<String> warnings) {
        this(title, siteLink, baseUrl, items, warnings, null, FeedLinks.NONE);
    }
}
