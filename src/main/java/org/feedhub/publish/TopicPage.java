package org.feedhub.publish;

import java.time.Instant;
import java.util.Objects;

/**
 * A topic's page: its stories (summaries, never the stories' HTML) and its subscribe links; with a
 * {@code tag}, only the topic's stories with that tag.
 *
 * @param tag null for the whole topic
 * @param now the render time, which relative times count from
 */
public record TopicPage(
        String siteTitle, FeedView feed, LinkStyle linkStyle, String tag, Instant now) {

    public TopicPage {
        siteTitle = siteTitle == null || siteTitle.isBlank() ? "feedhub" : siteTitle;
        Objects.requireNonNull(feed, "feed");
        linkStyle = linkStyle == null ? LinkStyle.SERVER : linkStyle;
        now = now == null ? Instant.now() : now;
    }

    public TopicPage(String siteTitle, FeedView feed, LinkStyle linkStyle) {
        this(siteTitle, feed, linkStyle, null, null);
    }

    public TopicPage(FeedView feed, LinkStyle linkStyle) {
        this(null, feed, linkStyle, null, null);
    }

    /** Links as seen from this page. */
    public PageLinks links() {
        return tag == null ? linkStyle.fromTopicPage() : linkStyle.fromTagPage();
    }
}
