package org.feedhub.config;

/**
 * {@code fulltext:} of a source: fetch each new story's page and keep its article body instead of
 * the feed's short text. {@code fulltext: true} finds the body by itself (readability-style
 * extraction); {@code fulltext: .story-body} takes what that CSS selector matches.
 *
 * @param selector null for automatic extraction
 */
public record FullText(String selector) {
    public static final FullText AUTO = new FullText(null);

    public boolean automatic() {
        return selector == null;
    }

    /** "automatic" or the selector, as {@code check} prints it. */
    public String describe() {
        return selector == null ? "automatic (main content of the page)" : "selector " + selector;
    }
}
