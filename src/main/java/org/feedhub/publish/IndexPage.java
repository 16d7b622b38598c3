package org.feedhub.publish;

import java.util.List;

/** The index page: every topic with its subscribe links. */
public record IndexPage(String siteTitle, List<TopicCard> topics, LinkStyle linkStyle) {

    public IndexPage {
        siteTitle = siteTitle == null || siteTitle.isBlank() ? "feedhub" : siteTitle;
        topics = topics == null ? List.of() : List.copyOf(topics);
        linkStyle = linkStyle == null ? LinkStyle.SERVER : linkStyle;
    }

    /** Links as seen from this page. */
    public PageLinks links() {
        return linkStyle.fromIndex();
    }
}
