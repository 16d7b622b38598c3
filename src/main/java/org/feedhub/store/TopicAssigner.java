package org.feedhub.store;

import java.util.List;
import org.feedhub.normalize.Story;

/** Decides which topics a story joins when a given source carries it. */
@FunctionalInterface
public interface TopicAssigner {
    List<String> topicsFor(String sourceId, Story story);
}
