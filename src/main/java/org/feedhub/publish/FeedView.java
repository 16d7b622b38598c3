package org.feedhub.publish;

import java.time.Instant;
import java.util.List;
import org.feedhub.parse.Media;

/**
 * Everything a renderer needs for one topic feed, already read from the store: renderers do no I/O.
 *
 * @param baseUrl absolute URL of the feedhub site without trailing slash, e.g. {@code
 *     http://localhost:8080}; self, hub and page links are built from it
 * @param updated the newest entry's updated time, or the topic's last change when it has no entries
 * @param entries newest first, already cut to the topic's limit
 * @param hubUrl the WebSub hub the feed names, or null to name none (a static export without a hub)
 */
public record FeedView(
        String baseUrl, TopicView topic, Instant updated, List<EntryView> entries, String hubUrl) {

    /** A feed naming this site's own hub, {@code baseUrl + "/hub"}. */
    public FeedView(String baseUrl, TopicView topic, Instant updated, List<EntryView> entries) {
        this(baseUrl, topic, updated, entries, FeedUrls.hub(baseUrl));
    }

    /** The same feed naming another hub (or none). */
    public FeedView withHub(String hub) {
        return new FeedView(baseUrl, topic, updated, entries, hub);
    }

    /**
     * The topic as feeds.yml describes it. {@code description} and {@code language} (a BCP 47 tag
     * such as {@code en} or {@code ru}) may be null.
     */
    public record TopicView(String id, String title, String description, String language) {
        public TopicView(String id, String title, String description) {
            this(id, title, description, null);
        }
    }

    /**
     * One story of the feed.
     *
     * @param id permanent, unique everywhere: an absolute URI (a {@code tag:} URI, RFC 4151)
     * @param link the story's canonical URL (absolute http(s)), else its page on this site
     * @param author may be null
     * @param summary plain text, may be null
     * @param contentHtml sanitized HTML, may be null
     * @param tags categories, never null
     * @param carriers every source that carried the story, first carrier first, never empty
     * @param media enclosures and Media RSS files, never null
     * @param image the story's lead image, may be null
     */
    public record EntryView(
            String id,
            String title,
            String link,
            Instant published,
            Instant updated,
            String author,
            String summary,
            String contentHtml,
            List<String> tags,
            List<CarrierView> carriers,
            List<Media> media,
            String image) {

        /** An entry without media. */
        public EntryView(
                String id,
                String title,
                String link,
                Instant published,
                Instant updated,
                String author,
                String summary,
                String contentHtml,
                List<String> tags,
                List<CarrierView> carriers) {
            this(
                    id,
                    title,
                    link,
                    published,
                    updated,
                    author,
                    summary,
                    contentHtml,
                    tags,
                    carriers,
                    List.of(),
                    null);
        }
    }

    /**
     * A source that carried a story.
     *
     * @param feedUrl the source's feed URL (as polled)
     * @param siteUrl the source's home page where known, else null
     * @param link the story's link in that source
     * @param image the source's own image, logo or icon, may be null
     */
    public record CarrierView(
            String sourceId,
            String sourceTitle,
            String feedUrl,
            String siteUrl,
            String link,
            String image) {

        public CarrierView(
                String sourceId, String sourceTitle, String feedUrl, String siteUrl, String link) {
            this(sourceId, sourceTitle, feedUrl, siteUrl, link, null);
        }
    }
}
