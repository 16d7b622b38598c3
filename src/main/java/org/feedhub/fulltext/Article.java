package org.feedhub.fulltext;

import java.time.Instant;
import java.util.List;

/**
 * What an article page yields: its body and the metadata the page states about itself.
 *
 * @param contentHtml the article body, HTML with absolute URLs but not yet sanitized; "" when none
 *     was found
 * @param title og:title, the JSON-LD headline, the page's single h1, else its title; null when none
 * @param description og:description or the meta description; null when none
 * @param canonicalUrl {@code <link rel="canonical">}, else og:url; absolute http(s), or null
 * @param published article:published_time, JSON-LD datePublished and the like; null when none
 * @param author the meta author or JSON-LD author name; null when none
 * @param warnings what an editor should know (a selector that matched nothing …)
 */
public record Article(
        String contentHtml,
        String title,
        String description,
        String canonicalUrl,
        Instant published,
        String author,
        List<String> warnings) {}
