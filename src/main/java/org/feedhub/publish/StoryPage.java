package org.feedhub.publish;

import java.time.Instant;
import java.util.Objects;
import org.feedhub.publish.FeedView.EntryView;

/**
 * A story's own page ({@code /stories/ID}): the story, every source that carried it and their
 * links. Feeds link an entry here when the story has no safe link of its own. {@code now} is the
 * render time, which relative times count from.
 */
public record StoryPage(String siteTitle, EntryView story, Instant now) {

    public StoryPage {
        siteTitle = siteTitle == null || siteTitle.isBlank() ? "feedhub" : siteTitle;
        Objects.requireNonNull(story, "story");
        now = now == null ? Instant.now() : now;
    }

    public StoryPage(String siteTitle, EntryView story) {
        this(siteTitle, story, null);
    }

    /** Links as seen from this page (served at {@code /stories/ID}). */
    public PageLinks links() {
        return PageLinks.SERVER;
    }
}
