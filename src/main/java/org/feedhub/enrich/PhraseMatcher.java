package org.feedhub.enrich;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.feedhub.text.Stems;
import org.feedhub.text.Words;

/**
 * Finds which of a set of phrases occur in a text as whole words, case- and accent-insensitively,
 * in any script ({@link Words}): "iran" matches "Iran's" and "IRAN", not "Iranian"; "sergei lavrov"
 * matches "Sergei Lavrov", "SERGEI LAVROV" and "Sergei-Lavrov". Because apostrophes separate words,
 * a possessive ("Lavrov's") matches its name; the flip side is that "lavrov s" would match it too.
 *
 * <p>A stem matcher ({@link #of(Collection, boolean)}) compares word stems instead ({@link Stems}):
 * the phrase and the text go through the same analysis, and a phrase matches where its stem
 * sequence occurs in the text's, so "syria" matches "Syrian", "sanctions" matches "sanctioned" and
 * "лавров" matches "Лаврова".
 *
 * <p>The text is folded and split into words once; phrases are indexed by their first word, so the
 * cost is one pass over the words plus a check of the few phrases starting with each word.
 * Immutable and thread-safe.
 */
public final class PhraseMatcher {

    private record Phrase(int index, List<String> words) {}

    private final List<String> phrases;
    private final Map<String, List<Phrase>> byFirstWord;
    private final boolean stem;

    private PhraseMatcher(
            List<String> phrases, Map<String, List<Phrase>> byFirstWord, boolean stem) {
        this.phrases = phrases;
        this.byFirstWord = byFirstWord;
        this.stem = stem;
    }

    /**
     * An exact-word matcher for {@code phrases}; phrases without any letter or digit can never
     * match and are ignored.
     */
    public static PhraseMatcher of(Collection<String> phrases) {
        return of(phrases, false);
    }

    /** A matcher for {@code phrases}, by exact words or, with {@code stem}, by word stems. */
    public static PhraseMatcher of(Collection<String> phrases, boolean stem) {
        List<String> list = phrases == null ? List.of() : new ArrayList<>(phrases);
        Map<String, List<Phrase>> index = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            List<String> words = stem ? Stems.of(list.get(i)) : Words.of(list.get(i));
            if (!words.isEmpty()) {
                index.computeIfAbsent(words.get(0), w -> new ArrayList<>())
                        .add(new Phrase(i, List.copyOf(words)));
            }
        }
        return new PhraseMatcher(
                List.copyOf(list.stream().map(p -> p == null ? "" : p).toList()), index, stem);
    }

    /** Whether this matcher compares stems rather than words. */
    public boolean stem() {
        return stem;
    }

    /** Whether no phrase can ever match (none given, or none with a letter or digit). */
    public boolean isEmpty() {
        return byFirstWord.isEmpty();
    }

    /** Whether any phrase occurs in {@code text}. */
    public boolean matches(String text) {
        return !find(text, true).isEmpty();
    }

    /** The phrases (as given, in the given order, without repeats) that occur in {@code text}. */
    public List<String> matching(String text) {
        return find(text, false);
    }

    /** Whether any phrase occurs in a prepared text (split once for many matchers). */
    public boolean occursIn(MatchText text) {
        return !byFirstWord.isEmpty() && !find(units(text), true).isEmpty();
    }

    /** The phrases that occur in a prepared text, as {@link #matching(String)}. */
    public List<String> occurringIn(MatchText text) {
        return byFirstWord.isEmpty() ? List.of() : find(units(text), false);
    }

    /**
     * Whether any phrase occurs in a text already split by {@link Words#of} (by {@link Stems#of}
     * for a stem matcher): lets a caller that tries several matchers on one text fold and split it
     * once.
     */
    public boolean matchesWords(List<String> words) {
        return !byFirstWord.isEmpty() && !find(words, true).isEmpty();
    }

    private List<String> units(MatchText text) {
        return stem ? text.stems() : text.words();
    }

    private List<String> find(String text, boolean firstOnly) {
        if (byFirstWord.isEmpty() || text == null || text.isBlank()) {
            return List.of();
        }
        return find(stem ? Stems.of(text) : Words.of(text), firstOnly);
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
