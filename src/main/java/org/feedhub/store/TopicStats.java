package org.feedhub.store;

import java.time.Instant;

/**
 * @param version bumped whenever a pass changes the topic's stories; 0 before any
 */
public record TopicStats(String topicId, long storyCount, Instant lastChange, long version) {}
