package org.feedhub.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an edit of feeds.yml changed, as one log line: {@code +2 sources: a, b; −1 source: c; source
 * d: url changed; topic space: match changed; tags changed}.
 */
public final class ConfigDiff {
    private static final int MAX_IDS = 5;

    private ConfigDiff() {}

    public static String describe(FeedsConfig before, FeedsConfig after) {
        List<String> parts = new ArrayList<>();
        Map<String, SourceDef> oldSources = bySource(before);
        Map<String, SourceDef> newSources = bySource(after);
        added(parts, "+", "source", newSources.keySet(), oldSources.keySet());
        added(parts, "−", "source", oldSources.keySet(), newSources.keySet());
        for (SourceDef s : after.sources()) {
            SourceDef old = oldSources.get(s.id());
            if (old == null || old.equals(s)) continue;
            List<String> what = new ArrayList<>();
            if (!old.url().equals(s.url())) what.add("url");
            if (!old.every().equals(s.every())) what.add("every");
            if (!old.tags().equals(s.tags())) what.add("tags");
            if (!Objects.equals(old.title(), s.title())) what.add("title");
            if (!Objects.equals(old.html(), s.html())) what.add("html");
            if (!Objects.equals(old.fulltext(), s.fulltext())) what.add("fulltext");
            parts.add(
                    "source "
                            + s.id()
                            + ": "
                            + (what.isEmpty() ? "changed" : String.join(", ", what) + " changed"));
        }
        Map<String, TopicDef> oldTopics = byTopic(before);
        Map<String, TopicDef> newTopics = byTopic(after);
        added(parts, "+", "topic", newTopics.keySet(), oldTopics.keySet());
        added(parts, "−", "topic", oldTopics.keySet(), newTopics.keySet());
        for (TopicDef t : after.topics()) {
            TopicDef old = oldTopics.get(t.id());
            if (old == null || old.equals(t)) continue;
            List<String> what = new ArrayList<>();
            if (!old.match().equals(t.match())) what.add("match");
            if (!old.sources().equals(t.sources())) what.add("sources");
            if (!Objects.equals(old.title(), t.title())
                    || !Objects.equals(old.description(), t.description())) what.add("title");
            if (old.limit() != t.limit()) what.add("limit");
            parts.add("topic " + t.id() + ": " + String.join(", ", what) + " changed");
        }
        if (!before.tags().equals(after.tags())) parts.add("tag vocabulary changed");
        if (!before.defaults().equals(after.defaults())) parts.add("defaults changed");
        return parts.isEmpty()
                ? "no change that matters (comments or layout)"
                : String.join("; ", parts);
    }

    private static void added(
            List<String> parts,
            String sign,
            String what,
            java.util.Set<String> in,
            java.util.Set<String> notIn) {
        List<String> ids = in.stream().filter(id -> !notIn.contains(id)).toList();
        if (ids.isEmpty()) return;
        String names =
                ids.size() <= MAX_IDS
                        ? String.join(", ", ids)
                        : String.join(", ", ids.subList(0, MAX_IDS))
                                + " and "
                                + (ids.size() - MAX_IDS)
                                + " more";
        parts.add(sign + ids.size() + " " + what + (ids.size() == 1 ? "" : "s") + ": " + names);
    }

    private static Map<String, SourceDef> bySource(FeedsConfig c) {
        Map<String, SourceDef> m = new LinkedHashMap<>();
        c.sources().forEach(s -> m.put(s.id(), s));
        return m;
    }

    private static Map<String, TopicDef> byTopic(FeedsConfig c) {
        Map<String, TopicDef> m = new LinkedHashMap<>();
        c.topics().forEach(t -> m.put(t.id(), t));
        return m;
    }
}
