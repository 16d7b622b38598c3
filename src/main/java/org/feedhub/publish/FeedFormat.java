package org.feedhub.publish;

import java.util.Locale;
import java.util.Optional;

/**
 * The three syndication formats a topic is published in, with what HTTP and a static export need to
 * know.
 */
public enum FeedFormat {
    RSS("rss", "application/rss+xml", "RSS"),
    ATOM("atom", "application/atom+xml", "Atom"),
    JSON("json", "application/feed+json", "JSON Feed");

    private final String extension;
    private final String mimeType;
    private final String label;

    FeedFormat(String extension, String mimeType, String label) {
        this.extension = extension;
        this.mimeType = mimeType;
        this.label = label;
    }

    /** File extension without the dot: {@code rss}, {@code atom}, {@code json}. */
    public String extension() {
        return extension;
    }

    /** The Content-Type to send, with charset, e.g. {@code application/rss+xml; charset=utf-8}. */
    public String mediaType() {
        return mimeType + "; charset=utf-8";
    }

    /**
     * The bare MIME type, e.g. {@code application/rss+xml}: the {@code type} of autodiscovery
     * links.
     */
    public String mimeType() {
        return mimeType;
    }

    /** A short human name: {@code RSS}, {@code Atom}, {@code JSON Feed}. */
    public String label() {
        return label;
    }

    /** The feed's URL under a site: {@code baseUrl + "/topics/" + topicId + "." + extension}. */
    public String feedUrl(String baseUrl, String topicId) {
        return baseUrl + "/topics/" + topicId + "." + extension;
    }

    public byte[] render(FeedRenderer renderer, FeedView feed) {
        return switch (this) {
            case RSS -> renderer.rss(feed);
            case ATOM -> renderer.atom(feed);
            case JSON -> renderer.json(feed);
        };
    }

    /**
     * The format whose extension this is ({@code rss}, {@code atom}, {@code json};
     * case-insensitive).
     */
    public static Optional<FeedFormat> fromExtension(String extension) {
        if (extension == null) {
            return Optional.empty();
        }
        String ext = extension.startsWith(".") ? extension.substring(1) : extension;
        for (FeedFormat format : values()) {
            if (format.extension.equals(ext.toLowerCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
