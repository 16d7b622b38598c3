package org.feedhub.config;

import java.time.Duration;
import java.util.List;
import org.feedhub.parse.HtmlSelectors;

/**
 * One entry of {@code sources:}.
 *
 * @param url absolute: http(s) as written, {@code file:} resolved against the folder of feeds.yml
 * @param title null when the feed's own title should be used
 * @param every the effective poll interval (the source's own, else {@code defaults.every})
 * @param tags tags attached to every story of this source (never null)
 * @param html CSS selectors for a page without a feed; null for feeds (and autodiscovered pages)
 * @param fulltext fetch each story's page for its full text; null when off (the default)
 */
public record SourceDef(
        String id,
        String url,
        String title,
        Duration every,
        List<String> tags,
        HtmlSelectors html,
        FullText fulltext) {

    /** A source without full text. */
    public SourceDef(
            String id,
            String url,
            String title,
            Duration every,
            List<String> tags,
            HtmlSelectors html) {
        this(id, url, title, every, tags, html, null);
    }
}
