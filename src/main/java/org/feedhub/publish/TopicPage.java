package org.feedhub.publish;

import java.util.Objects;

/** A topic's page: its stories (summaries, never the stories' HTML) and its subscribe links. */
public record TopicPage(String siteTitle, FeedView feed, LinkStyle linkStyle) {

    public TopicPage {
        siteTitle = siteTitle == null || siteTitle.isBlank() ? "feedhub" : siteTitle;
        Objects.requireNonNull(feed, "feed");
        linkStyle = linkStyle == null ? LinkStyle.SERVER : linkStyle;
    }

    public TopicPage(FeedView feed, LinkStyle linkStyle) {
        this(null, feed, linkStyle);
    }

    /** Links as seen from this page. */
    public PageLinks links() {
        return linkStyle.fromTopicPage();
    }
}
