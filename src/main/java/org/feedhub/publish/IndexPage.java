package org.feedhub.publish;

import java.time.Instant;
import java.util.List;

/** The index page: every topic with its subscribe links; {@code now} is the render time. */
public record IndexPage(
        String siteTitle, List<TopicCard> topics, LinkStyle linkStyle, Instant now) {

    public IndexPage {
        siteTitle = siteTitle == null || siteTitle.isBlank() ? "feedhub" : siteTitle;
        topics = topics == null ? List.of() : List.copyOf(topics);
        linkStyle = linkStyle == null ? LinkStyle.SERVER : linkStyle;
        now = now == null ? Instant.now() : now;
    }

    public IndexPage(String siteTitle, List<TopicCard> topics, LinkStyle linkStyle) {
        this(siteTitle, topics, linkStyle, null);
    }

    /** Links as seen from this page. */
    public PageLinks links() {
        return linkStyle.fromIndex();
    }
}
