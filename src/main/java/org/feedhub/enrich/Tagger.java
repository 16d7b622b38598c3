package org.feedhub.enrich;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.feedhub.config.TagDef;
import org.feedhub.text.TextClean;
import org.feedhub.text.TextFold;

/**
 * A story's tags: the source's tags (from feeds.yml), then the feed's own categories, then every
 * vocabulary tag one of whose phrases occurs in the title or text (by exact words, or by stems for
 * a tag with {@code stem}). Tags are compared case- and accent-insensitively ({@link TextFold}), so
 * "World", "world" and "WORLD" are one tag, kept where it first appears. Its spelling: the editor's
 * (a source tag or vocabulary name, the first one), else the spelling the feed's categories use
 * most often (on a tie, the first). Immutable and thread-safe.
 */
public final class Tagger {

    private final PhraseMatcher exact;
    private final PhraseMatcher stemmed;

    /**
     * Phrase as given → the vocabulary tags it stands for (a phrase may serve several tags), per
     * kind of match.
     */
    private final Map<String, List<String>> exactTags = new LinkedHashMap<>();

    private final Map<String, List<String>> stemTags = new LinkedHashMap<>();
    private final List<String> vocabularyTags = new ArrayList<>();

    /**
     * An exact-word vocabulary.
     *
     * @param vocabulary tag → phrases meaning it; a tag with no phrases is matched by its own name
     */
    public Tagger(Map<String, List<String>> vocabulary) {
        this(
                vocabulary == null
                        ? List.of()
                        : vocabulary.entrySet().stream()
                                .map(
                                        e ->
                                                new TagDef(
                                                        e.getKey(),
                                                        e.getValue() == null
                                                                ? List.of()
                                                                : e.getValue(),
                                                        false))
                                .toList());
    }

    /**
     * @param vocabulary the tags of feeds.yml; a tag with no phrases is matched by its own name
     */
    public static Tagger of(List<TagDef> vocabulary) {
        return new Tagger(vocabulary);
    }

    private Tagger(List<TagDef> vocabulary) {
        List<String> exactPhrases = new ArrayList<>();
        List<String> stemPhrases = new ArrayList<>();
        for (TagDef def : vocabulary == null ? List.<TagDef>of() : vocabulary) {
            String tag = TextClean.clean(def.name());
            if (tag.isEmpty()) {
                continue;
            }
            vocabularyTags.add(tag);
            List<String> list =
                    def.phrases() == null || def.phrases().isEmpty() ? List.of(tag) : def.phrases();
            Map<String, List<String>> byPhrase = def.stem() ? stemTags : exactTags;
            List<String> phrases = def.stem() ? stemPhrases : exactPhrases;
            for (String phrase : list) {
                if (phrase == null || phrase.isBlank()) {
                    continue;
                }
                byPhrase.computeIfAbsent(phrase, p -> new ArrayList<>()).add(tag);
                phrases.add(phrase);
            }
        }
        this.exact = PhraseMatcher.of(exactPhrases, false);
        this.stemmed = PhraseMatcher.of(stemPhrases, true);
    }

    /**
     * Tags in order: source tags, feed categories, vocabulary tags (vocabulary order); no repeats.
     */
    public List<String> tags(
            List<String> sourceTags, List<String> feedCategories, String title, String text) {
        return tagsOf(sourceTags, feedCategories, MatchText.of(title), MatchText.of(text));
    }

    /**
     * As {@link #tags(List, List, String, String)}, on a title and text already prepared for
     * matching.
     */
    public List<String> tagsOf(
            List<String> sourceTags, List<String> feedCategories, MatchText title, MatchText text) {
        Spellings spellings = new Spellings();
        spellings.addAll(sourceTags, true);
        spellings.addAll(feedCategories, false);
        Set<String> matched = new HashSet<>();
        collect(matched, exact, exactTags, title, text);
        collect(matched, stemmed, stemTags, title, text);
        for (String tag : vocabularyTags) {
            if (matched.contains(tag)) {
                spellings.add(tag, true);
            }
        }
        return spellings.tags();
    }

    private static void collect(
            Set<String> matched,
            PhraseMatcher matcher,
            Map<String, List<String>> byPhrase,
            MatchText title,
            MatchText text) {
        if (matcher.isEmpty()) {
            return;
        }
        for (String phrase : matcher.occurringIn(title)) {
            matched.addAll(byPhrase.get(phrase));
        }
        for (String phrase : matcher.occurringIn(text)) {
            matched.addAll(byPhrase.get(phrase));
        }
    }

    /** The comparison key of a tag: case- and accent-folded. */
    static String key(String tag) {
        return TextFold.fold(tag);
    }

    /** Tags by key in order of first appearance, with the spellings seen for each. */
    private static final class Spellings {
        private static final class Seen {
            String editor;
            final Map<String, Integer> feed = new LinkedHashMap<>();
        }

        private final Map<String, Seen> byKey = new LinkedHashMap<>();

        void addAll(List<String> tags, boolean editor) {
            if (tags == null) {
                return;
            }
            for (String raw : tags) {
                add(raw, editor);
            }
        }

        void add(String raw, boolean editor) {
            String tag =
                    TextClean.clean(
                            raw); // trims, decodes "Arts &amp; Culture", collapses inner spaces
            if (tag.isEmpty()) {
                return;
            }
            Seen seen = byKey.computeIfAbsent(key(tag), k -> new Seen());
            if (editor) {
                if (seen.editor == null) {
                    seen.editor = tag;
                }
            } else {
                seen.feed.merge(tag, 1, Integer::sum);
            }
        }

        List<String> tags() {
            List<String> out = new ArrayList<>(byKey.size());
            for (Seen seen : byKey.values()) {
                if (seen.editor != null) {
                    out.add(seen.editor);
                    continue;
                }
                String best = null;
                int most = 0;
                for (Map.Entry<String, Integer> e : seen.feed.entrySet()) {
                    if (e.getValue() > most) { // strictly more: on a tie the first spelling stays
                        best = e.getKey();
                        most = e.getValue();
                    }
                }
                out.add(best);
            }
            return List.copyOf(out);
        }
    }
}
