package org.feedhub.text;

import java.text.Normalizer;
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
        StringBuilder sb = new StringBuilder(t.length());
        boolean pendingSpace = false;
        for (int i = 0; i < t.length(); ) {
            char c = t.charAt(i);
            int cp;
            if (c < 0x80) { // ASCII, most of any feed: the same tests without Unicode lookups
                i++;
                if (c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F)) {
                    pendingSpace = sb.length() > 0; // Character.isWhitespace for ASCII
                    continue;
                }
                if (c < 0x20 || c == 0x7F) {
                    continue; // the other ASCII controls
                }
                cp = c;
            } else {
                cp = t.codePointAt(i);
                i += Character.charCount(cp);
                if (isSpace(cp)) {
                    pendingSpace = sb.length() > 0;
                    continue;
                }
                if (isInvisible(cp)) {
                    continue;
                }
            }
            if (pendingSpace) {
                sb.append(' ');
                pendingSpace = false;
            }
            appendUnified(sb, cp);
        }
        return sb.toString();
    }

    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == '&') return false;
        }
        return true;
    }

    private static void appendUnified(StringBuilder sb, int cp) {
        switch (cp) {
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u301D', '\u301E' ->
                    sb.append('"');
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u2039', '\u203A' ->
                    sb.append('\'');
            case '\u2010', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> sb.append('-');
            case '\u2026' ->
                    sb.append(
                            "..."); // NFKC already does this; kept for clarity if that ever changes
            default -> sb.appendCodePoint(cp);
        }
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
