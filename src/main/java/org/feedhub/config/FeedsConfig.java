package org.feedhub.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated content of feeds.yml. Built only by {@link FeedsConfigLoader}; every list is
 * immutable.
 *
 * @param file the feeds.yml this came from (absolute); {@code file:} source URLs were resolved
 *     against its folder
 * @param vocabulary the tag vocabulary ({@code tags:}), in file order
 */
public record FeedsConfig(
        Path file,
        Defaults defaults,
        List<SourceDef> sources,
        List<TopicDef> topics,
        List<TagDef> vocabulary) {

    /** A config whose vocabulary matches exact words: tag name to phrases. */
    public FeedsConfig(
            Path file,
            Defaults defaults,
            List<SourceDef> sources,
            List<TopicDef> topics,
            Map<String, List<String>> tags) {
        this(
                file,
                defaults,
                sources,
                topics,
                tags.entrySet().stream()
                        .map(e -> new TagDef(e.getKey(), List.copyOf(e.getValue()), false))
                        .toList());
    }

    /** The tag vocabulary as tag name to the phrases that mean it, in file order (unmodifiable). */
    public Map<String, List<String>> tags() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (TagDef t : vocabulary) map.put(t.name(), t.phrases());
        return Collections.unmodifiableMap(map);
    }

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
