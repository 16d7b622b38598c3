package org.feedhub.enrich;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.feedhub.normalize.Words;

/**
 * Finds which of a set of phrases occur in a text as whole words, case- and accent-insensitively, in any script
 * ({@link Words}): "iran" matches "Iran's" and "IRAN", not "Iranian"; "sergei lavrov" matches
 * "Sergei Lavrov", "SERGEI  LAVROV" and "Sergei-Lavrov". Because apostrophes separate words, a possessive
 * ("Lavrov's") matches its name; the flip side is that "lavrov s" would match it too.
 * <p>
 * The text is folded and split into words once; phrases are indexed by their first word, so the cost is one
 * pass over the words plus a check of the few phrases starting with each word. Immutable and thread-safe.
 */
public final class PhraseMatcher {

    private record Phrase(int index, List<String> words) {
    }

    private final List<String> phrases;
    private final Map<String, List<Phrase>> byFirstWord;

    private PhraseMatcher(List<String> phrases, Map<String, List<Phrase>> byFirstWord) {
        this.phrases = phrases;
        this.byFirstWord = byFirstWord;
    }

    /** A matcher for {@code phrases}; phrases without any letter or digit can never match and are ignored. */
    public static PhraseMatcher of(Collection<String> phrases) {
        List<String> list = phrases == null ? List.of() : new ArrayList<>(phrases);
        Map<String, List<Phrase>> index = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            List<String> words = Words.of(list.get(i));
            if (!words.isEmpty()) {
                index.computeIfAbsent(words.get(0), w -> new ArrayList<>()).add(new Phrase(i, List.copyOf(words)));
            }
        }
        return new PhraseMatcher(List.copyOf(list.stream().map(p -> p == null ? "" : p).toList()), index);
    }

    /** Whether any phrase occurs in {@code text}. */
    public boolean matches(String text) {
        return !find(text, true).isEmpty();
    }

    /** The phrases (as given, in the given order, without repeats) that occur in {@code text}. */
    public List<String> matching(String text) {
        return find(text, false);
    }

    /**
     * Whether any phrase occurs in a text already split by {@link Words#of}: lets a caller that tries several
     * matchers on one text fold and split it once.
     */
    public boolean matchesWords(List<String> words) {
        return !byFirstWord.isEmpty() && !find(words, true).isEmpty();
    }

    private List<String> find(String text, boolean firstOnly) {
        if (byFirstWord.isEmpty() || text == null || text.isBlank()) {
            return List.of();
        }
        return find(Words.of(text), firstOnly);
    }

    private List<String> find(List<String> words, boolean firstOnly) {
        boolean[] found = new boolean[phrases.size()];
        boolean any = false;
        for (int i = 0; i < words.size(); i++) {
            List<Phrase> candidates = byFirstWord.get(words.get(i));
            if (candidates == null) {
                continue;
            }
            for (Phrase p : candidates) {
                if (!found[p.index()] && occursAt(words, i, p.words())) {
                    found[p.index()] = true;
                    any = true;
                    if (firstOnly) {
                        return List.of(phrases.get(p.index()));
                    }
                }
            }
        }
        if (!any) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < found.length; i++) {
            if (found[i] && !result.contains(phrases.get(i))) {
                result.add(phrases.get(i));
            }
        }
        return result;
    }

    private static boolean occursAt(List<String> words, int start, List<String> phrase) {
        if (start + phrase.size() > words.size()) {
            return false;
        }
        for (int j = 1; j < phrase.size(); j++) {
            if (!words.get(start + j).equals(phrase.get(j))) {
                return false;
            }
        }
        return true;
    }
}
