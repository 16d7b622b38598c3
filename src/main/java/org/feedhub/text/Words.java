package org.feedhub.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Folded words of a text, for whole-word matching. A word is a run of letters, digits and combining
 * marks; everything else (spaces, punctuation, apostrophes, hyphens) separates words, so "Lavrov's"
 * gives "lavrov", "s" and "Iran-backed" gives "iran", "backed". Chinese and Japanese characters are
 * one word each, since those scripts do not put spaces between words.
 */
public final class Words {

    private Words() {}

    /** The words of {@code text} after {@link TextFold#fold}; empty for null or blank text. */
    public static List<String> of(String text) {
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
