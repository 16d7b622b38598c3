package org.feedhub.identify;

import java.util.Map;
import java.util.Optional;

/**
 * What storage knows that identification asks about. Read before any expensive work on a poll: one
 * source's memory in one query, the rest only for items that are new to the source.
 */
public interface KnownItems {

    /** A stored story a source carries, with the hash of the text it was stored with. */
    record Known(long storyId, String contentHash) {}

    /**
     * What one source carries.
     *
     * @param identifiesByLink the source was switched to identifying its items by link
     * @param byItemKey its items by item key
     * @param byLink its items by the story's canonical URL
     */
    record SourceMemory(
            boolean identifiesByLink, Map<String, Known> byItemKey, Map<String, Known> byLink) {
        public static final SourceMemory EMPTY = new SourceMemory(false, Map.of(), Map.of());
    }

    SourceMemory carriedBy(String sourceId);

    /** Whether retention purged this item of this source (it is not stored again). */
    boolean tombstoned(String sourceId, String itemKey);

    /** The stored story with this canonical URL, whichever source carries it. */
    Optional<Long> storyWithUrl(String canonicalUrl);

    /** Nothing stored (previews). */
    KnownItems NOTHING =
            new KnownItems() {
                @Override
                public SourceMemory carriedBy(String sourceId) {
                    return SourceMemory.EMPTY;
                }

                @Override
                public boolean tombstoned(String sourceId, String itemKey) {
                    return false;
                }

                @Override
                public Optional<Long> storyWithUrl(String canonicalUrl) {
                    return Optional.empty();
                }
            };
}
