package org.feedhub.text;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folded words of a text, for whole-word matching. A word is a run of letters, digits and combining
 * marks; everything else (spaces, punctuation, apostrophes, hyphens) separates words, so "Lavrov's"
 * gives "lavrov", "s" and "Iran-backed" gives "iran", "backed". Chinese and Japanese characters are
 * one word each, since those scripts do not put spaces between words.
 *
 * <p>A story's title and paragraphs are split by several readers on one thread (tags, topics, the
 * summary, the near-duplicate fingerprint), each joining them its own way. A line break always
 * separates words, so a text's words are its lines' words one after the other, and each thread
 * keeps the words of the last lines it split ({@link LineMemo}): a story is folded and split about
 * once instead of about four times (12% of a cold pass's CPU samples).
 */
public final class Words {

    private Words() {}

    /** Lines shorter than this are split again: the memo would cost about as much. */
    static final int MEMO_MIN_LINE = 32;

    private static final ThreadLocal<LineMemo> MEMO = ThreadLocal.withInitial(LineMemo::new);

    /**
     * The words of {@code text} after {@link TextFold#fold}; empty for null or blank text. A new
     * list each call, which the caller may change.
     */
    public static List<String> of(String text) {
        if (text == null || text.length() < MEMO_MIN_LINE) {
            return split(text);
        }
        LineMemo memo = MEMO.get();
        List<String> words = new ArrayList<>();
        int from = 0;
        while (true) {
            int nl = text.indexOf('\n', from);
            int to = nl < 0 ? text.length() : nl;
            if (to - from < MEMO_MIN_LINE) {
                if (to > from) words.addAll(split(text.substring(from, to)));
            } else {
                words.addAll(
                        memo.words(
                                from == 0 && to == text.length()
                                        ? text
                                        : text.substring(from, to)));
            }
            if (nl < 0) return words;
            from = nl + 1;
        }
    }

    /** The words of one text, split as it is. */
    private static List<String> split(String text) {
        char[] folded = TextFold.fold(text).toCharArray(); // arrays, not charAt: see TextClean
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < folded.length; ) {
            int cp = folded[i] < 0x80 ? folded[i] : Character.codePointAt(folded, i);
            int next = i + Character.charCount(cp);
            if (isIdeographic(cp)) {
                if (start >= 0) {
                    words.add(new String(folded, start, i - start));
                    start = -1;
                }
                words.add(new String(folded, i, next - i));
            } else if (isWordChar(cp)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                words.add(new String(folded, start, i - start));
                start = -1;
            }
            i = next;
        }
        if (start >= 0) {
            words.add(new String(folded, start, folded.length - start));
        }
        return words;
    }

    /**
     * The words of a thread's most recently split lines, at most {@value #MAX_CHARS} characters of
     * them in all (lines longer than {@value #MAX_LINE} are split each time), the least recently
     * used dropped first. Hand-written: a per-thread {@link LinkedHashMap} in access order is all
     * it needs, and a shared cache would make every thread pay for the others' stories.
     */
    static final class LineMemo {
        static final int MAX_CHARS = 32_768;
        static final int MAX_LINE = 8_192;
        private final LinkedHashMap<String, List<String>> lines =
                new LinkedHashMap<>(64, 0.75f, true);
        private int chars;

        List<String> words(String line) {
            List<String> known = lines.get(line);
            if (known != null) return known;
            if (line.length() > MAX_LINE) return split(line); // not kept: no copy needed
            List<String> words = List.copyOf(split(line));
            lines.put(line, words);
            chars += line.length();
            Iterator<Map.Entry<String, List<String>>> eldest = lines.entrySet().iterator();
            while (chars > MAX_CHARS) {
                chars -= eldest.next().getKey().length();
                eldest.remove();
            }
            return words;
        }

        int chars() {
            return chars;
        }
    }

    private static boolean isWordChar(int cp) {
        if (cp < 0x80) { // ASCII has no marks
            int lower = cp | 0x20;
            return (lower >= 'a' && lower <= 'z') || (cp >= '0' && cp <= '9');
        }
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isIdeographic(int cp) {
        // Han, Hiragana and Katakana all lie at U+2E80 and above; below it, skip UnicodeScript.of
        // (a binary search over the script table), which was the hottest frame of word splitting
        // in bench/ profiles.
        if (cp < 0x2E80) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }
}
