package org.feedhub.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A story's text as the near-duplicate decision reads it: without what a syndicating site adds
 * around the same story (photo captions and credits in brackets, bylines, "Read more" and
 * newsletter lines, WordPress' "The post … appeared first on …", a leading dateline such as "MOSCOW
 * (Northwire) -"), and its lead: the first sentence of the first paragraph left. Checks by prefix
 * and by a bounded scan, no regular expression.
 */
record StoryText(String text, String lead) {

    private static final List<String> DROP_PREFIXES =
            List.of(
                    "read more",
                    "read also",
                    "see also",
                    "subscribe",
                    "sign up",
                    "the post ",
                    "photo:",
                    "photo ",
                    "by ",
                    "читайте также",
                    "подписывайтесь",
                    "фото:",
                    "фото ");

    static StoryText of(String text) {
        List<String> kept = new ArrayList<>();
        for (String p : text.split("\n", 200)) {
            String q = p.strip();
            if (q.isEmpty() || isBoilerplate(q)) {
                continue;
            }
            kept.add(kept.isEmpty() ? withoutDateline(q) : q);
        }
        String body = String.join("\n", kept);
        return new StoryText(body, kept.isEmpty() ? "" : firstSentence(kept.get(0)));
    }

    private static boolean isBoilerplate(String p) {
        if (p.startsWith("[") || (p.startsWith("(") && p.endsWith(")"))) {
            return true;
        }
        String lower =
                p.length() > 40
                        ? p.substring(0, 40).toLowerCase(Locale.ROOT)
                        : p.toLowerCase(Locale.ROOT);
        for (String prefix : DROP_PREFIXES) {
            if (lower.startsWith(prefix)) {
                // a byline or a credit is short; "By noon, ..." in a long paragraph is text
                return !prefix.equals("by ") || p.length() < 80;
            }
        }
        return false;
    }

    /** "MOSCOW (Northwire) - Text" → "Text"; "САМАРА (Северинформ) – Текст" → "Текст". */
    static String withoutDateline(String p) {
        int open = p.indexOf('(');
        if (open < 2 || open > 40) {
            return p;
        }
        for (int i = 0; i < open; i++) {
            char c = p.charAt(i);
            if (Character.isLetter(c) && !Character.isUpperCase(c)) {
                return p; // a dateline is in capitals
            }
        }
        int close = p.indexOf(')', open);
        if (close < 0 || close - open > 60) {
            return p;
        }
        int i = close + 1;
        while (i < p.length() && (p.charAt(i) == ' ' || p.charAt(i) == '\u00A0')) {
            i++;
        }
        if (i < p.length() && (p.charAt(i) == '-' || p.charAt(i) == '–' || p.charAt(i) == '—')) {
            return p.substring(i + 1).strip();
        }
        return p;
    }

    /** Up to the first full stop followed by a space and a capital (or the whole paragraph). */
    static String firstSentence(String p) {
        for (int i = 1; i + 2 < p.length() && i < 600; i++) {
            char c = p.charAt(i);
            if ((c == '.' || c == '!' || c == '?')
                    && p.charAt(i + 1) == ' '
                    && Character.isUpperCase(p.charAt(i + 2))
                    && !Character.isUpperCase(p.charAt(i - 1))) {
                return p.substring(0, i + 1);
            }
        }
        return p.length() <= 600 ? p : p.substring(0, 600);
    }
}
