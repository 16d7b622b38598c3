package org.feedhub.parse;

import java.time.Instant;
import java.util.List;

/**
 * One item of a source as parsed. {@code contentHtml} is the fullest body the item had ({@code
 * content:encoded} / Atom content before description / summary); {@code summaryHtml} the short one.
 *
 * @param media the files that came with it (enclosures, Media RSS, attachments), in document order
 * @param image the picture the feed gives for the item (JSON Feed {@code image}), may be null
 *     <p>Every field is held to its {@link FieldCaps} cap here, before anything downstream reads
 *     it.
 */
public record ParsedItem(
        String guid,
        String link,
        String title,
        String author,
        Instant published,
        Instant updated,
        String summaryHtml,
        String contentHtml,
        List<String> categories,
        List<Media> media,
        String image) {

    public ParsedItem {
        guid = FieldCaps.dropIfLonger(guid, FieldCaps.LINK);
        link = FieldCaps.dropIfLonger(link, FieldCaps.LINK);
        image = FieldCaps.dropIfLonger(image, FieldCaps.LINK);
        title = FieldCaps.cut(title, FieldCaps.TITLE);
        author = FieldCaps.cut(author, FieldCaps.AUTHOR);
        summaryHtml = FieldCaps.cut(summaryHtml, FieldCaps.SUMMARY);
        if (categories != null) {
            categories =
                    categories.stream()
                            .limit(FieldCaps.CATEGORIES)
                            .map(c -> FieldCaps.cut(c, FieldCaps.CATEGORY))
                            .toList();
        }
    }

    /** An item without media. */
    public ParsedItem(
            String guid,
            String link,
            String title,
            String author,
            Instant published,
            Instant updated,
            String summaryHtml,
            String contentHtml,
            List<String> categories) {
        this(
                guid,
                link,
                title,
                author,
                published,
                updated,
                summaryHtml,
                contentHtml,
                categories,
                List.of(),
                null);
    }
}
