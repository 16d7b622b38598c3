package org.feedhub.identify;

import java.util.Optional;
import org.feedhub.normalize.Story;

/**
 * Finds a stored story with nearly the same text: the one call identification makes for
 * near-duplicates, so another matcher can replace the current one.
 */
public interface NearDuplicateMatcher {

    /** The stored story this one is a near duplicate of, if any. */
    Optional<Long> find(Story story);

    /**
     * Makes a newly stored story findable (called by the store once the story has its id). Its row
     * already holds {@link #stored} of it: the store writes that with the story, in one statement.
     */
    void remember(long storyId, Story story);

    /**
     * What the store keeps of a story for finding it again after a restart or from another
     * instance, written with the story's row; null when there is nothing to keep.
     */
    default Stored stored(Story story) {
        return null;
    }

    /** The story's wording sketch (hex) and its encoded traits, as the story table keeps them. */
    record Stored(String fingerprint, String traits) {}

    /**
     * Works out, on the polling thread, what {@link #find} and {@link #remember} will need of this
     * (final) story, so the one writer does not: they run in the store's single write path.
     */
    default void prepare(Story story) {}

    NearDuplicateMatcher NONE =
            new NearDuplicateMatcher() {
                @Override
                public Optional<Long> find(Story story) {
                    return Optional.empty();
                }

                @Override
                public void remember(long storyId, Story story) {}
            };
}
