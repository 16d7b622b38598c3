package org.feedhub.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.feedhub.text.Stems;

/**
 * The names of a text (people, organisations, places): capitalised words, as stems, so that the
 * case forms of a Russian name meet ({@code Лавров}, {@code Лаврова}, {@code Лавровым} → {@code
 * лавр}, through {@link Stems}). A capitalised word that starts a sentence is a name only if the
 * text also capitalises it elsewhere, mid-sentence; a headline in Title Case tells nothing by its
 * capitals, so its words count only when the text names them. A hand-written scanner: linear time.
 */
final class Names {
    private Names() {}

    /** Capitalised words that are not names of anything that makes an event. */
    private static final Set<String> NOT_NAMES =
            Set.of(
                    "the",
                    "a",
                    "an",
                    "in",
                    "on",
                    "at",
                    "mr",
                    "mrs",
                    "ms",
                    "dr",
                    "monday",
                    "tuesday",
                    "wednesday",
                    "thursday",
                    "friday",
                    "saturday",
                    "sunday",
                    "january",
                    "february",
                    "march",
                    "april",
                    "may",
                    "june",
                    "july",
                    "august",
                    "september",
                    "october",
                    "november",
                    "december",
                    "photo",
                    "read",
                    "subscribe",
                    "фото",
                    "понедельник",
                    "вторник",
                    "среду",
                    "четверг",
                    "пятницу",
                    "субботу",
                    "воскресенье");

    /** A capitalised word and whether it stands mid-sentence. */
    record Word(String text, boolean midSentence, int start, int end) {}

    /** The capitalised words of {@code text}, in order, with their position. */
    static List<Word> capitalised(String text) {
        List<Word> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int n = text.length();
        boolean sentenceStart = true;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                int start = i;
                while (i < n && Character.isLetter(text.charAt(i))) {
                    i++;
                }
                if (Character.isUpperCase(c) && i - start >= 2) {
                    out.add(new Word(text.substring(start, i), !sentenceStart, start, i));
                }
                sentenceStart = false;
            } else {
                if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '['
                        || c == '—' || c == '–' || c == '|') {
                    sentenceStart = true;
                } else if (c == '-' && i > 0 && text.charAt(i - 1) == ' ') {
                    sentenceStart = true; // "MOSCOW (Northwire) - Acme ..."
                }
                i++;
            }
        }
        return out;
    }

    /**
     * The name stems of a story's title and text (at most {@code max}), and its key names: those of
     * its title or first sentence that the story mentions at least twice (the company, team or
     * counterpart the story is about, not a place it passes through).
     */
    record Found(List<String> all, List<String> key) {}

    static Found of(String title, String text, String lead, int max) {
        List<Word> head = capitalised(title);
        List<Word> body = capitalised(text);
        int leadEnd = capitalised(lead).size(); // the lead is the start of the text
        List<String> surface = new ArrayList<>();
        for (Word w : head) {
            surface.add(w.text());
        }
        for (Word w : body) {
            surface.add(w.text());
        }
        List<String> stems = stems(surface);
        Set<String> mid = new HashSet<>();
        for (int k = 0; k < surface.size(); k++) {
            Word w = k < head.size() ? head.get(k) : body.get(k - head.size());
            if (w.midSentence()) {
                mid.add(stems.get(k));
            }
        }
        Set<String> lower = new HashSet<>();
        lowercaseStems(title, lower);
        lowercaseStems(text, lower);
        Map<String, Integer> mentions = new HashMap<>();
        Set<String> all = new LinkedHashSet<>();
        Set<String> headNames = new LinkedHashSet<>();
        for (int k = 0; k < surface.size(); k++) {
            boolean inTitle = k < head.size();
            Word w = inTitle ? head.get(k) : body.get(k - head.size());
            String st = stems.get(k);
            if (!isName(w.text()) || lower.contains(st) || Fingerprint.isStopWord(st)) {
                continue; // "The", or a word the text also writes in lower case
            }
            List<Word> words = inTitle ? head : body;
            int at = inTitle ? k : k - head.size();
            String in = inTitle ? title : text;
            boolean partOfName =
                    (at + 1 < words.size() && onlySpaces(in, w.end(), words.get(at + 1).start()))
                            || (at > 0 && onlySpaces(in, words.get(at - 1).end(), w.start()));
            if (!mid.contains(st) && !partOfName) {
                continue; // "Речь идет": a capital only because the sentence starts there
            }
            mentions.merge(st, 1, Integer::sum);
            if (all.size() < max) {
                all.add(st);
            }
            if (inTitle || k - head.size() < leadEnd) {
                headNames.add(st);
            }
        }
        List<String> key = new ArrayList<>();
        for (String st : headNames) {
            if (mentions.getOrDefault(st, 0) >= 2 && all.contains(st)) {
                key.add(st);
            }
        }
        return new Found(List.copyOf(all), List.copyOf(key));
    }

    private static boolean onlySpaces(String s, int from, int to) {
        if (to - from < 1 || to - from > 2) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds to {@code out} the stems of the words of {@code s} that start with a lower-case letter.
     * Word by word through the cache: the tokenizer never joins words across a space, so this is
     * what analysing them all joined by spaces gives.
     */
    static void lowercaseStems(String s, Set<String> out) {
        if (s == null) {
            return;
        }
        int n = s.length();
        for (int i = 0; i < n; ) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                int start = i;
                while (i < n && Character.isLetter(s.charAt(i))) {
                    i++;
                }
                if (Character.isLowerCase(c)) {
                    out.addAll(Stems.ofWord(s.substring(start, i)));
                }
            } else {
                i++;
            }
        }
    }

    private static boolean isName(String w) {
        return !NOT_NAMES.contains(w.toLowerCase(Locale.ROOT));
    }

    /**
     * Most words of the title (of four letters or more) capitalised: "Acme Profit Beats Forecasts".
     */
    static boolean titleCase(String title) {
        if (title == null) {
            return false;
        }
        int words = 0;
        int caps = 0;
        int n = title.length();
        for (int i = 0; i < n; ) {
            if (Character.isLetter(title.charAt(i))) {
                int start = i;
                while (i < n && Character.isLetter(title.charAt(i))) {
                    i++;
                }
                if (i - start >= 4) {
                    words++;
                    if (Character.isUpperCase(title.charAt(start))) {
                        caps++;
                    }
                }
            } else {
                i++;
            }
        }
        return words >= 3 && caps * 10 >= words * 7;
    }

    /** One stem per word: its first, or the word in lower case if the chain drops it. */
    private static List<String> stems(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) {
            List<String> s = Stems.ofWord(w);
            out.add(s.isEmpty() ? w.toLowerCase(Locale.ROOT) : s.get(0));
        }
        return out;
    }
}
