package org.feedhub.dedup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The labelled corpus in src/test/resources/dedup/corpus (format and split: its README), as items
 * and pairs of one half.
 */
final class DupCorpus {

    record Item(
            String id,
            String group,
            String event,
            String lang,
            String kind,
            Instant published,
            String title,
            String text) {}

    enum Label {
        DUP,
        HARD_NEGATIVE,
        EASY_NEGATIVE
    }

    record Pair(Item a, Item b, Label label) {
        boolean dup() {
            return label == Label.DUP;
        }
    }

    /**
     * Cross-group pairs sampled per item (easy negatives; same language, same kind of news first).
     */
    static final int EASY_PER_ITEM = 4;

    final List<Item> items;
    final Map<String, String> halfOfGroup;

    private DupCorpus(List<Item> items, Map<String, String> halfOfGroup) {
        this.items = items;
        this.halfOfGroup = halfOfGroup;
    }

    static DupCorpus load() {
        JsonMapper json = JsonMapper.builder().build();
        List<Item> items = new ArrayList<>();
        for (String f : List.of("en.jsonl", "ru.jsonl")) {
            for (String line : lines("/dedup/corpus/" + f)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                items.add(
                        new Item(
                                n.get("id").asString(),
                                n.get("group").asString(),
                                n.get("event").asString(),
                                n.get("lang").asString(),
                                n.get("kind").asString(),
                                Instant.parse(n.get("published").asString()),
                                n.get("title").asString(),
                                n.get("text").asString()));
            }
        }
        Map<String, String> half = new HashMap<>();
        for (String line : lines("/dedup/corpus/split.txt")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.trim().split("\\s+");
            half.put(p[0], p[1]);
        }
        return new DupCorpus(items, half);
    }

    private static List<String> lines(String resource) {
        try (InputStream in = DupCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader r =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The items of one half ("tuning" or "held-out"), oldest first. */
    List<Item> half(String half) {
        return items.stream()
                .filter(i -> half.equals(halfOfGroup.get(i.group())))
                .sorted(Comparator.comparing(Item::published).thenComparing(Item::id))
                .toList();
    }

    /**
     * Every same-event pair, every different-event pair of a group, and {@link #EASY_PER_ITEM}
     * cross-group pairs per item chosen by a hash of the ids (deterministic).
     */
    static List<Pair> pairs(List<Item> items) {
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item a = items.get(i);
            List<Item> others = new ArrayList<>();
            for (int j = 0; j < items.size(); j++) {
                Item b = items.get(j);
                if (j > i && a.group().equals(b.group())) {
                    out.add(
                            new Pair(
                                    a,
                                    b,
                                    a.event().equals(b.event()) ? Label.DUP : Label.HARD_NEGATIVE));
                } else if (j > i && a.lang().equals(b.lang())) {
                    others.add(b);
                }
            }
            others.sort(Comparator.comparingLong(b -> Fingerprint.hash64(a.id() + "|" + b.id())));
            for (int k = 0; k < Math.min(EASY_PER_ITEM, others.size()); k++) {
                out.add(new Pair(a, others.get(k), Label.EASY_NEGATIVE));
            }
        }
        return out;
    }
}
