package org.feedhub.publish;

import java.time.Instant;

/**
 * A topic's {@link FeedView} in each format: {@link RssWriter}, {@link AtomWriter} and {@link
 * JsonFeedWriter} write the documents, {@link FeedUrls} builds the URLs. Pure and thread-safe: no
 * I/O, no clock; the same view always gives the same bytes (so a caller may hash them for an ETag).
 */
public class FeedRenderer {

    /** The {@code generator} of every feed. */
    public static final String GENERATOR = FeedWriting.GENERATOR;

    /**
     * RFC 5005 paging of a topic's Atom feed. For the live feed only {@code prevArchive} is set
     * (the newest archive page); an archive page has its own {@code self}, {@code current} (the
     * live feed), and links to its older and newer neighbours, and is marked {@code <fh:archive/>}.
     */
    public record Paging(String self, String prevArchive, String nextArchive, boolean archive) {}

    public byte[] rss(FeedView view) {
        return RssWriter.write(view);
    }

    public byte[] atom(FeedView view) {
        return AtomWriter.write(view, null);
    }

    public byte[] atom(FeedView view, Paging paging) {
        return AtomWriter.write(view, paging);
    }

    public byte[] json(FeedView view) {
        return JsonFeedWriter.write(view);
    }

    /** RFC 3339 in UTC to the second, e.g. {@code 2024-05-01T12:30:00Z}. */
    static String rfc3339(Instant t) {
        return FeedWriting.rfc3339(t);
    }
}
