package org.feedhub.store;

import java.time.Instant;
import java.util.List;
import org.feedhub.parse.Media;

/**
 * A story as the publishers read it, with every source that carried it (first carrier first).
 *
 * @param id the row id (for this site's own URLs)
 * @param entryId the permanent id of its entries in every feed (see {@link EntryIds})
 */
public record StoredStory(
        long id,
        String entryId,
        String canonicalUrl,
        String title,
        String author,
        String summary,
        String contentHtml,
        Instant published,
        Instant updated,
        List<String> tags,
        List<Carrier> carriers,
        List<Media> media,
        String leadImage) {

    /**
     * @param sourceImage the source's own image or icon, may be null
     */
    public record Carrier(
            String sourceId,
            String sourceTitle,
            String feedUrl,
            String siteUrl,
            String link,
            Instant firstSeen,
            String sourceImage) {}
}
