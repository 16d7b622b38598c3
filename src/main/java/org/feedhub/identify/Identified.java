package org.feedhub.identify;

import java.util.List;
import org.feedhub.normalize.Story;

/**
 * One item of a poll with its identity decided.
 *
 * @param storyId the stored story the item is (UPDATE, UNCHANGED) or joins (MERGE); 0 otherwise
 * @param topics the topics the story joins, filled after enrichment (new and changed items only)
 */
public record Identified(Story story, Decision decision, long storyId, List<String> topics) {

    static Identified of(Story story, Decision decision, long storyId) {
        return new Identified(story, decision, storyId, List.of());
    }

    /** New to this source (NEW or MERGE) or changed: worth full text, enrichment and a write. */
    public boolean needsWork() {
        return decision == Decision.NEW
                || decision == Decision.MERGE
                || decision == Decision.UPDATE;
    }

    /** The same decision for the enriched story and the topics it joins. */
    public Identified enriched(Story enriched, List<String> topicIds) {
        return new Identified(enriched, decision, storyId, List.copyOf(topicIds));
    }

    /** The same decision for another version of the story (completed from its page). */
    public Identified withStory(Story other) {
        return new Identified(other, decision, storyId, topics);
    }

    Identified decided(Decision d, long id) {
        return new Identified(story, d, id, topics);
    }
}
