package org.feedhub.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.feedhub.config.ConfigException;
import org.feedhub.config.FeedsConfig;
import org.feedhub.config.FeedsConfigLoader;
import org.feedhub.config.SourceDef;
import org.feedhub.enrich.Enricher;
import org.feedhub.enrich.TopicMatcher;
import org.feedhub.normalize.ItemKeys;
import org.feedhub.store.SourceStore;
import org.feedhub.store.TopicIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feeds.yml in force. Loaded at start-up (an invalid file stops start-up), re-read when the
 * file changes; an invalid edit is refused, logged and kept visible in {@link #lastError()}, and
 * the last good one stays.
 */
public class LiveConfig {
    private static final Logger log = LoggerFactory.getLogger(LiveConfig.class);

    /** A config with everything derived from it, swapped as a whole so readers never see a mix. */
    public record Snapshot(
            FeedsConfig config, Enricher enricher, TopicMatcher matcher, String topicRulesKey) {}

    private final Path path;
    private final SourceStore sources;
    private final TopicIndex topicIndex;
    private final Clock clock;
    private final boolean entityTags;
    private volatile Snapshot current;
    private volatile String lastError;
    private String lastText;

    public LiveConfig(Path path, SourceStore sources, TopicIndex topicIndex, Clock clock) {
        this(path, sources, topicIndex, clock, false);
    }

    /**
     * @param entityTags {@code feedhub.tags.entities}: recurring names become tags
     */
    public LiveConfig(
            Path path,
            SourceStore sources,
            TopicIndex topicIndex,
            Clock clock,
            boolean entityTags) {
        this.path = path;
        this.sources = sources;
        this.topicIndex = topicIndex;
        this.clock = clock;
        this.entityTags = entityTags;
        String text = read();
        apply(FeedsConfigLoader.parse(text == null ? "" : text, path), text);
    }

    public Snapshot current() {
        return current;
    }

    public FeedsConfig config() {
        return current.config();
    }

    /**
     * The reason the last edit of feeds.yml was refused, or null when the file in force is the file
     * on disk.
     */
    public String lastError() {
        return lastError;
    }

    /** Re-reads feeds.yml if its content changed. @return true when a new config took effect */
    public synchronized boolean reloadIfChanged() {
        String text = read();
        if (text == null || text.equals(lastText)) return false;
        try {
            FeedsConfig next = FeedsConfigLoader.parse(text, path);
            FeedsConfig before = current.config();
            java.util.Map<String, Long> filedBefore = topicIndex.counts();
            apply(next, text);
            lastError = null;
            log.info(
                    "feeds.yml changed: {}{}",
                    org.feedhub.config.ConfigDiff.describe(before, next),
                    refiled(filedBefore, topicIndex.counts()));
            return true;
        } catch (RuntimeException e) {
            // Whatever the cause (a ConfigException, or the database refusing what the file
            // defines), the edit is refused and polling goes on with the last good file.
            String reason =
                    e instanceof ConfigException
                            ? e.getMessage()
                            : "could not apply it: " + rootMessage(e);
            if (!reason.equals(lastError))
                log.warn("feeds.yml edit refused, the last good one stays: {}", reason);
            lastError = reason;
            lastText = text; // report once per edit, not every tick
            return false;
        }
    }

    private void apply(FeedsConfig config, String text) {
        Snapshot next =
                new Snapshot(
                        config,
                        new Enricher(config, entityTags),
                        new TopicMatcher(config),
                        topicRulesKey(config));
        sources.sync(config.sources(), clock.instant());
        topicIndex.reindexIfChanged(
                next.topicRulesKey(),
                config.topics().stream()
                        .map(t -> t.id())
                        .collect(java.util.stream.Collectors.toSet()),
                next.matcher()::topicsFor,
                clock.instant());
        current = next;
        lastText = text;
    }

    /** {@code ; re-filed: space 10 → 12 stories}, or nothing when no topic's count moved. */
    static String refiled(java.util.Map<String, Long> before, java.util.Map<String, Long> after) {
        java.util.Set<String> topics = new java.util.TreeSet<>(before.keySet());
        topics.addAll(after.keySet());
        java.util.List<String> moved = new java.util.ArrayList<>();
        for (String t : topics) {
            long b = before.getOrDefault(t, 0L);
            long a = after.getOrDefault(t, 0L);
            if (a != b) moved.add(t + " " + b + " → " + a + (a == 1 ? " story" : " stories"));
        }
        return moved.isEmpty() ? "" : "; re-filed: " + String.join(", ", moved);
    }

    /** Changes whenever something that decides topic membership changes. */
    private static String topicRulesKey(FeedsConfig c) {
        return ItemKeys.sha256(
                c.topics().toString() + "|" + c.sources().stream().map(SourceDef::id).toList());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private String read() {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
