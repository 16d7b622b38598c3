package org.feedhub.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * A matching key for text: case- and accent-insensitive, so "Lavrov", "LAVROV" and "Lávrov" compare
 * equal. Not for display. Accents are stripped only from Latin, Greek and Cyrillic letters: in
 * other scripts (Devanagari, Arabic, Hebrew…) combining marks are vowels or parts of letters, not
 * decoration. Cyrillic й keeps its breve (it is a different letter from и); ё folds to е, as
 * Russian writers do.
 */
public final class TextFold {

    private TextFold() {}

    /** The folded form of {@code s}; null becomes "". */
    public static String fold(String s) {
        String cleaned = TextClean.clean(s);
        if (cleaned.isEmpty()) {
            return "";
        }
        if (isLatin(cleaned)) { // ASCII included: there foldCleaned only lowers A-Z
            return foldLatin(cleaned);
        }
        return foldCleaned(cleaned);
    }

    /** Text already cleaned: lower case, accents off (NFD, marks dropped), composed again. */
    static String foldCleaned(String cleaned) {
        String nfd = Normalizer.normalize(cleaned.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(nfd.length());
        int lastBase = -1;
        for (int i = 0; i < nfd.length(); ) {
            int cp = nfd.codePointAt(i);
            i += Character.charCount(cp);
            if (isMark(cp)) {
                if (cp == '\u0306' && (lastBase == 'и' || lastBase == 'у')) {
                    sb.append('\u0306'); // й and ў: recomposed below
                } else if (!isAccentable(lastBase)) {
                    sb.appendCodePoint(cp);
                }
                continue;
            }
            lastBase = cp;
            appendFoldedLetter(sb, cp);
        }
        return Normalizer.normalize(sb, Normalizer.Form.NFC);
    }

    // Latin text (ASCII with accented letters) is most of what is folded, and two normalizations
    // of a whole paragraph cost more than the rest of word splitting: each Latin character's fold
    // is worked out once, by foldCleaned itself. A Latin letter's fold is its own (case and marks
    // of one character; none is left with a mark to compose with the next), so folding
    // character by character gives what foldCleaned gives for the whole text.
    private static final char LATIN_END = '\u024F'; // Latin-1 Supplement, Extended-A and -B
    private static final String[] LATIN_FOLDS = latinFolds();
    private static final int LATIN_LONGEST =
            Arrays.stream(LATIN_FOLDS)
                    .filter(f -> f != null)
                    .mapToInt(String::length)
                    .max()
                    .orElse(1);

    private static String[] latinFolds() {
        String[] folds = new String[LATIN_END + 1];
        for (char c = 0x80; c <= LATIN_END; c++) {
            folds[c] = foldCleaned(String.valueOf(c));
        }
        return folds;
    }

    private static boolean isLatin(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > LATIN_END) {
                return false;
            }
        }
        return true;
    }

    private static String foldLatin(String s) {
        char[] in = s.toCharArray(); // arrays, not charAt: see TextClean.clean
        char[] out = new char[in.length + 8];
        int n = 0;
        for (char c : in) {
            if (n + LATIN_LONGEST > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            if (c < 0x80) {
                out[n++] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            } else {
                String f = LATIN_FOLDS[c];
                f.getChars(0, f.length(), out, n);
                n += f.length();
            }
        }
        return new String(out, 0, n);
    }

    /** Letters that NFD does not decompose but readers treat as accented forms. */
    private static void appendFoldedLetter(StringBuilder sb, int cp) {
        switch (cp) {
            case 'ß' -> sb.append("ss");
            case 'æ' -> sb.append("ae");
            case 'œ' -> sb.append("oe");
            case 'ø' -> sb.append('o');
            case 'ł' -> sb.append('l');
            case 'đ', 'ð' -> sb.append('d');
            case 'þ' -> sb.append("th");
            case 'ı' -> sb.append('i');
            default -> sb.appendCodePoint(cp);
        }
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isAccentable(int base) {
        if (base < 0) {
            return true;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(base);
        return script == Character.UnicodeScript.LATIN
                || script == Character.UnicodeScript.GREEK
                || script == Character.UnicodeScript.CYRILLIC
                || script == Character.UnicodeScript.COMMON;
    }
}
