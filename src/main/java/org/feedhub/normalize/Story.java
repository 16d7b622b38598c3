package org.feedhub.normalize;

import java.time.Instant;
import java.util.List;
import org.feedhub.parse.Media;

/**
 * One item of a source after normalization (and, once {@link #enriched} ran, with tags and
 * summary): what the store keeps and the topic feeds publish.
 *
 * @param itemKey identity of the item within its source (see {@code dedup.ItemKeys})
 * @param guid the source's own id for the item, if it had one
 * @param canonicalUrl the story URL without tracking parameters or fragment; null when the item had
 *     no usable link
 * @param link the item's link, absolute (before canonicalization)
 * @param title plain text, never blank (falls back to the first words of the text)
 * @param published UTC; the item's date, else the time it was first seen
 * @param updated UTC; never before {@code published}
 * @param contentHtml sanitized HTML (the fullest body the item had), may be empty
 * @param paragraphs the visible text of the body, paragraph by paragraph, for matching and
 *     summaries
 * @param categories the feed's own categories for the item
 * @param contentHash hash of title + text: tells a changed story from an unchanged one
 * @param tags filled by enrich
 * @param summary plain text, filled by enrich
 * @param media enclosures, attachments and Media RSS files, absolute http(s) URLs only
 * @param leadImage the one picture for the story: the feed's thumbnail or image, else the first
 *     image enclosure, else the first {@code <img>} of the content; may be null
 */
public record Story(
        String itemKey,
        String guid,
        String canonicalUrl,
        String link,
        String title,
        String author,
        Instant published,
        Instant updated,
        String contentHtml,
        List<String> paragraphs,
        List<String> categories,
        String contentHash,
        List<String> tags,
        String summary,
        List<Media> media,
        String leadImage) {

    /** A story without media. */
    public Story(
            String itemKey,
            String guid,
            String canonicalUrl,
            String link,
            String title,
            String author,
            Instant published,
            Instant updated,
            String contentHtml,
            List<String> paragraphs,
            List<String> categories,
            String contentHash,
            List<String> tags,
            String summary) {
        this(
                itemKey,
                guid,
                canonicalUrl,
                link,
                title,
                author,
                published,
                updated,
                contentHtml,
                paragraphs,
                categories,
                contentHash,
                tags,
                summary,
                List.of(),
                null);
    }

    /** The story's visible text, paragraphs joined by newlines. */
    public String text() {
        return String.join("\n", paragraphs);
    }

    public Story enriched(List<String> newTags, String newSummary) {
        return new Story(
                itemKey,
                guid,
                canonicalUrl,
                link,
                title,
                author,
                published,
                updated,
                contentHtml,
                paragraphs,
                categories,
                contentHash,
                List.copyOf(newTags),
                newSummary,
                media,
                leadImage);
    }

    /** The same story under another identity (item key and content hash). */
    public Story withKeys(String newItemKey, String newContentHash) {
        return new Story(
                newItemKey,
                guid,
                canonicalUrl,
                link,
                title,
                author,
                published,
                updated,
                contentHtml,
                paragraphs,
                categories,
                newContentHash,
                tags,
                summary,
                media,
                leadImage);
    }
}
