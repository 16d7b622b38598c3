package org.feedhub.publish;

/**
 * How the HTML pages link to each other and to the feeds.
 *
 * <ul>
 *   <li>{@link #SERVER}: site-absolute paths, as the live server serves them: {@code /}, {@code
 *       /topics/ID}, {@code /topics/ID.rss}, {@code /topics.opml}.
 *   <li>{@link #STATIC}: relative links for a static export laid out as {@code index.html}, {@code
 *       topics/ID.html}, {@code topics/ID.rss|.atom|.json}, {@code topics.opml}, {@code
 *       sources.opml}; from {@code index.html} a feed is {@code topics/ID.rss}, from {@code
 *       topics/ID.html} it is {@code ID.rss}; a tag's page is {@code topics/ID/tags/SLUG.html} (on
 *       the server {@code /topics/ID?tag=TAG}). Works from any directory of any static server and
 *       from {@code file:}.
 * </ul>
 */
public enum LinkStyle {
    SERVER,
    STATIC;

    /** Links as seen from the index page ({@code /} or {@code index.html}). */
    public PageLinks fromIndex() {
        return this == SERVER ? PageLinks.SERVER : PageLinks.STATIC_FROM_INDEX;
    }

    /** Links as seen from a topic page ({@code /topics/ID} or {@code topics/ID.html}). */
    public PageLinks fromTopicPage() {
        return this == SERVER ? PageLinks.SERVER : PageLinks.STATIC_FROM_TOPIC;
    }

    /**
     * Links as seen from a topic's page of one tag ({@code /topics/ID?tag=TAG} or {@code
     * topics/ID/tags/SLUG.html}).
     */
    public PageLinks fromTagPage() {
        return this == SERVER ? PageLinks.SERVER : PageLinks.STATIC_FROM_TAG;
    }

    /** Where a static export writes a topic's page of one tag: {@code topics/ID/tags/SLUG.html}. */
    public static String staticTagPagePath(String topicId, String tag) {
        return "topics/" + topicId + "/tags/" + TagSlug.of(tag) + ".html";
    }

    /**
     * Where a static export writes the topic page, relative to the export directory: {@code
     * topics/ID.html}. (The server serves it at {@code /topics/ID}.)
     */
    public static String staticTopicPagePath(String topicId) {
        return "topics/" + topicId + ".html";
    }
}
