package org.feedhub.parse;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Repairs what commonly breaks feeds before the XML parser sees them, as feed readers do:
 * characters XML forbids, the DOCTYPE (never resolved; RSS 0.91 feeds carry Netscape's), and entity
 * references:
 *
 * <ul>
 *   <li>HTML's named entities ({@code &nbsp;}, {@code &eacute;}) become numeric references;
 *   <li>references to characters XML forbids ({@code &#1;}) are dropped;
 *   <li>a bare ampersand, or an entity nobody defines ({@code &bogus;}, or one the stripped DOCTYPE
 *       declared), becomes {@code &amp;}, so it reads as the text it was written as.
 * </ul>
 *
 * CDATA sections, comments and processing instructions are copied untouched: their content is
 * literal, so "News &amp; Politics" written in CDATA must not turn into "News &amp;amp; Politics".
 */
final class XmlCleaner {
    private static final Pattern REFERENCE =
            Pattern.compile(
                    "&(?:#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}));");
    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");

    private XmlCleaner() {}

    static String clean(String xml) {
        String s = removeInvalidChars(xml);
        s = removeDoctype(s);
        s = fixReferences(s);
        return s.stripLeading();
    }

    /**
     * Without its first DOCTYPE declaration (name, external id and internal subset). A scan, not a
     * pattern: the pattern {@code <!DOCTYPE[^>\\[]*(\\[[^\\]]*\\])?\\s*>} backtracked through every
     * blank of a DOCTYPE whose internal subset never closes, quadratic in its length. An
     * unterminated DOCTYPE is left for the XML parser to refuse.
     */
    static String removeDoctype(String s) {
        int start = indexOfIgnoreCase(s, "<!DOCTYPE");
        if (start < 0) return s;
        int i = start + "<!DOCTYPE".length();
        int n = s.length();
        while (i < n && s.charAt(i) != '>' && s.charAt(i) != '[') i++;
        if (i < n && s.charAt(i) == '[') {
            int close = s.indexOf(']', i + 1);
            if (close < 0) return s;
            i = close + 1;
            while (i < n && " \t\n\u000B\f\r".indexOf(s.charAt(i)) >= 0) i++;
        }
        if (i >= n || s.charAt(i) != '>') return s;
        return s.substring(0, start) + s.substring(i + 1);
    }

    private static int indexOfIgnoreCase(String s, String what) {
        for (int i = s.indexOf('<'); i >= 0; i = s.indexOf('<', i + 1)) {
            if (s.regionMatches(true, i, what, 0, what.length())) return i;
        }
        return -1;
    }

    static String fixReferences(String s) {
        if (s.indexOf('&') < 0) return s;
        StringBuilder out = new StringBuilder(s.length() + 64);
        Matcher ref = REFERENCE.matcher(s);
        int n = s.length();
        int i = 0;
        // where the next '<' and '&' are: the text between is copied at once, not char by char
        // (that copy was 2% of a cold pass); each is looked for again only once passed, so the
        // scan stays linear
        int nextLt = -1;
        int nextAmp = -1;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '<') {
                int end = literalEnd(s, i);
                if (end > i) {
                    out.append(s, i, end);
                    i = end;
                    continue;
                }
                out.append(c);
                i++;
                continue;
            }
            if (c != '&') {
                if (nextLt < i) nextLt = indexOrEnd(s, '<', i);
                if (nextAmp < i) nextAmp = indexOrEnd(s, '&', i);
                int next = Math.min(nextLt, nextAmp);
                out.append(s, i, next);
                i = next;
                continue;
            }
            ref.region(i, n);
            if (!ref.lookingAt()) {
                out.append("&amp;");
                i++;
                continue;
            }
            if (ref.group(1) != null || ref.group(2) != null) {
                long cp =
                        ref.group(1) != null
                                ? Long.parseLong(ref.group(1))
                                : Long.parseLong(ref.group(2), 16);
                if (cp <= Character.MAX_CODE_POINT && isXmlChar((int) cp)) out.append(ref.group());
            } else {
                String name = ref.group(3);
                String value = XML_ENTITIES.contains(name) ? null : Entities.getByName(name);
                if (value == null) {
                    out.append(ref.group());
                } else if (value.isEmpty()) {
                    out.append("&amp;").append(name).append(';');
                } else {
                    value.codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
                }
            }
            i = ref.end();
        }
        return out.toString();
    }

    private static int indexOrEnd(String s, char c, int from) {
        int at = s.indexOf(c, from);
        return at < 0 ? s.length() : at;
    }

    /**
     * Where a CDATA section, comment or processing instruction starting at {@code i} ends, else
     * {@code i}.
     */
    private static int literalEnd(String s, int i) {
        String close;
        if (s.startsWith("<![CDATA[", i)) close = "]]>";
        else if (s.startsWith("<!--", i)) close = "-->";
        else if (s.startsWith("<?", i)) close = "?>";
        else return i;
        int end = s.indexOf(close, i + 2);
        return end < 0 ? s.length() : end + close.length();
    }

    private static boolean isXmlChar(int c) {
        return c == 0x9
                || c == 0xA
                || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static String removeInvalidChars(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok =
                    c == 0x9
                            || c == 0xA
                            || c == 0xD
                            || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD)
                            || Character.isSurrogate(c);
            if (!ok) {
                if (out == null) out = new StringBuilder(s.length()).append(s, 0, i);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
