package org.feedhub.publish;

import java.time.Instant;

/**
 * One topic on the index page.
 *
 * @param description may be null
 * @param lastUpdate the newest story's time, or null when the topic has no story yet
 */
public record TopicCard(
        String id, String title, String description, long storyCount, Instant lastUpdate) {}
