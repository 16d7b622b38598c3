package org.feedhub.parse;

import java.util.List;

/**
 * What a parser found in a source document, before normalization. Values are raw (HTML may be
 * dirty, links may be relative to {@code baseUrl}); nulls mean absent.
 *
 * @param baseUrl the URL to resolve relative links against (the document URL, or xml:base where the
 *     feed set one)
 * @param image the feed's own image, icon or logo, may be null
 */
public record ParsedFeed(
        String title,
        String siteLink,
        String baseUrl,
        List<ParsedItem> items,
        List<String> warnings,
        String image) {

    public ParsedFeed(
            String title,
            String siteLink,
            String baseUrl,
            List<ParsedItem> items,
            List<String> warnings) {
        this(title, siteLink, baseUrl, items, warnings, null);
    }
}
