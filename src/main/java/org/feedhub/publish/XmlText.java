package org.feedhub.publish;

/** Text helpers shared by the XML and HTML writers of this package. */
final class XmlText {

    private XmlText() {}

    /**
     * Removes the characters XML 1.0 cannot carry at all (C0 controls other than tab, CR and LF,
     * lone surrogates, U+FFFE and U+FFFF), so a stray control character in a story never makes a
     * whole feed unwritable. Returns null for null.
     */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        int i = 0;
        while (i < n && allowed(s, i)) {
            i += Character.charCount(s.codePointAt(i));
        }
        if (i >= n) {
            return s;
        }
        StringBuilder b = new StringBuilder(n).append(s, 0, i);
        while (i < n) {
            int cp = s.codePointAt(i);
            if (allowed(s, i)) {
                b.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    private static boolean allowed(String s, int i) {
        int cp = s.codePointAt(i);
        if (cp == 0x9 || cp == 0xA || cp == 0xD) {
            return true;
        }
        if (cp < 0x20) {
            return false;
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            return false; // a lone surrogate (pairs were combined by codePointAt)
        }
        return cp != 0xFFFE && cp != 0xFFFF;
    }

    /**
     * HTML-escapes plain text ({@code & < > " '}) so that a reader treating it as HTML shows it
     * literally.
     */
    static String escapeHtml(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
