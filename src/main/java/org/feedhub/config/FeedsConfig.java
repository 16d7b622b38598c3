package org.feedhub.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated content of feeds.yml. Built only by {@link FeedsConfigLoader}; every list is immutable.
 *
 * @param file    the feeds.yml this came from (absolute); {@code file:} source URLs were resolved against its folder
 * @param tags    the tag vocabulary: tag name to the phrases that mean it, in file order
 */
public record FeedsConfig(Path file, Defaults defaults, List<SourceDef> sources, List<TopicDef> topics,
                          Map<String, List<String>> tags) {

    public Optional<SourceDef> source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<TopicDef> topic(String id) {
        return topics.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The sources a topic draws from: the listed ones, or all sources when it lists none. */
    public List<SourceDef> sourcesOf(TopicDef topic) {
        if (topic.sources() == null || topic.sources().isEmpty()) return sources;
        return sources.stream().filter(s -> topic.sources().contains(s.id())).toList();
    }
}
