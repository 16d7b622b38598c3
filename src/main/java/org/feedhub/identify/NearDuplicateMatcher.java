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

    /** Makes a newly stored story findable (called by the store once the story has its id). */
    void remember(long storyId, Story story);

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
