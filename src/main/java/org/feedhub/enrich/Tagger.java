package org.feedhub.enrich;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.feedhub.normalize.TextClean;

/**
 * A story's tags: the source's tags (from feeds.yml), then the feed's own categories, then every vocabulary tag
 * one of whose phrases occurs in the title or text. Tags that differ only in case are one tag; the first
 * spelling wins. Immutable and thread-safe.
 */
public final class Tagger {

    private final PhraseMatcher matcher;
    /** Phrase as given → the vocabulary tags it stands for (a phrase may serve several tags). */
    private final Map<String, List<String>> tagsByPhrase = new LinkedHashMap<>();
    private final List<String> vocabularyTags = new ArrayList<>();

    /**
     * @param vocabulary tag → phrases meaning it; a tag with no phrases is matched by its own name
     */
    public Tagger(Map<String, List<String>> vocabulary) {
        List<String> phrases = new ArrayList<>();
        if (vocabulary != null) {
            vocabulary.forEach((rawTag, rawPhrases) -> {
                String tag = TextClean.clean(rawTag);
                if (tag.isEmpty()) {
                    return;
                }
                vocabularyTags.add(tag);
                List<String> list = rawPhrases == null || rawPhrases.isEmpty() ? List.of(tag) : rawPhrases;
                for (String phrase : list) {
                    if (phrase == null || phrase.isBlank()) {
                        continue;
                    }
                    tagsByPhrase.computeIfAbsent(phrase, p -> new ArrayList<>()).add(tag);
                    phrases.add(phrase);
                }
            });
        }
        this.matcher = PhraseMatcher.of(phrases);
    }

    /** Tags in order: source tags, feed categories, vocabulary tags (vocabulary order); no case-insensitive repeats. */
    public List<String> tags(List<String> sourceTags, List<String> feedCategories, String title, String text) {
        Map<String, String> byKey = new LinkedHashMap<>();
        addAll(byKey, sourceTags);
        addAll(byKey, feedCategories);
        Set<String> matched = new LinkedHashSet<>();
        for (String phrase : matcher.matching(title)) {
            matched.addAll(tagsByPhrase.get(phrase));
        }
        for (String phrase : matcher.matching(text)) {
            matched.addAll(tagsByPhrase.get(phrase));
        }
        for (String tag : vocabularyTags) {
            if (matched.contains(tag)) {
                byKey.putIfAbsent(key(tag), tag);
            }
        }
        return List.copyOf(byKey.values());
    }

    private static void addAll(Map<String, String> byKey, List<String> tags) {
        if (tags == null) {
            return;
        }
        for (String raw : tags) {
            String tag = TextClean.clean(raw); // trims, decodes "Arts &amp; Culture", collapses inner spaces
            if (!tag.isEmpty()) {
                byKey.putIfAbsent(key(tag), tag);
            }
        }
    }

    private static String key(String tag) {
        return tag.toLowerCase(Locale.ROOT);
    }
}
