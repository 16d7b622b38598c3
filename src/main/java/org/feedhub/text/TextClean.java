package org.feedhub.text;

import java.text.Normalizer;
import java.util.Arrays;
import org.jsoup.parser.Parser;

/**
 * One spelling for the same visible text: feeds mix entity-escaped and raw text, typographic and
 * ASCII punctuation, and carry invisible characters that break matching, hashing and display.
 */
public final class TextClean {

    private TextClean() {}

    /**
     * Cleaned single-line text; null becomes "". Newlines collapse to spaces like any other
     * whitespace.
     */
    public static String clean(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String t = s;
        if (!isPlainAscii(t)) { // ASCII without an entity: neither step below changes it
            if (t.indexOf('&') >= 0) {
                // double-escaped feeds leave "&amp;" or "&#8217;" in the text
                t = Parser.unescapeEntities(t, false);
            }
            // also turns NBSP into a space and "…" into "..."; most text already is NFKC, and
            // checking is cheaper than normalizing
            if (!Normalizer.isNormalized(t, Normalizer.Form.NFKC)) {
                t = Normalizer.normalize(t, Normalizer.Form.NFKC);
            }
        }
        // Arrays, not charAt and a StringBuilder: commands run on the C1 compiler, which checks
        // every String.charAt of non-Latin-1 text out of line (a tenth of a cold pass's samples).
        char[] in = t.toCharArray();
        char[] out = new char[in.length];
        int n = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < in.length; ) {
            char c = in[i];
            int cp;
            if (c < 0x80) { // ASCII, most of any feed: the same tests without Unicode lookups
                i++;
                if (c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F)) {
                    pendingSpace = n > 0; // Character.isWhitespace for ASCII
                    continue;
                }
                if (c < 0x20 || c == 0x7F) {
                    continue; // the other ASCII controls
                }
                cp = c;
            } else {
                cp = Character.codePointAt(in, i);
                i += Character.charCount(cp);
                if (isSpace(cp)) {
                    pendingSpace = n > 0;
                    continue;
                }
                if (isInvisible(cp)) {
                    continue;
                }
            }
            if (n + 4 > out.length) { // a space and an ellipsis at most
                out = Arrays.copyOf(out, out.length * 2 + 4);
            }
            if (pendingSpace) {
                out[n++] = ' ';
                pendingSpace = false;
            }
            n = putUnified(out, n, cp);
        }
        return new String(out, 0, n);
    }

    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == '&') return false;
        }
        return true;
    }

    /** Writes {@code cp} at {@code n}, unified; the new end. */
    private static int putUnified(char[] out, int n, int cp) {
        switch (cp) {
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u301D', '\u301E' ->
                    out[n++] = '"';
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u2039', '\u203A' ->
                    out[n++] = '\'';
            case '\u2010', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> out[n++] = '-';
            case '\u2026' -> { // NFKC already does this; kept for clarity if that ever changes
                out[n++] = '.';
                out[n++] = '.';
                out[n++] = '.';
            }
            default -> n += Character.toChars(cp, out, n);
        }
        return n;
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp)
                || Character.isSpaceChar(cp)
                || cp == '\u00A0'
                || cp == '\u2007'
                || cp == '\u202F'
                || cp == '\u0085';
    }

    /**
     * Zero-width characters, soft hyphens, bidi marks and other controls: they change bytes, not
     * what readers see.
     */
    private static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || cp == '\u00AD'
                || cp == '\u034F'
                || (cp >= 0xFE00 && cp <= 0xFE0F)
                || type == Character.SURROGATE;
    }
}
