package org.feedhub.normalize;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.feedhub.text.TextClean;

/**
 * A story's title as plain text. Feeds send titles either as plain text ("Why &lt;template&gt;
 * matters" meant literally) or as HTML ({@code <b>Breaking</b>}, {@code AT&amp;T}); a title is read
 * as HTML only when it holds an entity or a tag of inline HTML, so a bracketed word that is no such
 * tag stays in the title. Linear scans, no patterns.
 */
public final class TitleText {
    /**
     * Inline elements a feed puts in an HTML title (and {@code br}, {@code p} seen in the wild).
     */
    private static final Set<String> INLINE_TAGS =
            Set.of(
                    "a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "del", "dfn", "em",
                    "font", "i", "img", "ins", "kbd", "mark", "nobr", "p", "q", "s", "samp",
                    "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
                    "wbr");

    private TitleText() {}

    /** The title as plain text: HTML titles are parsed, plain ones kept as written. */
    public static String of(String raw) {
        if (raw == null) return "";
        String text = looksLikeHtml(raw) ? org.jsoup.Jsoup.parse(raw).text() : raw;
        return TextClean.clean(text);
    }

    /** Whether the title holds an entity ({@code &amp;}, {@code &#8217;}) or an inline HTML tag. */
    static boolean looksLikeHtml(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '&' && entityAt(s, i + 1)) return true;
            if (c == '<' && tagAt(s, i + 1)) return true;
        }
        return false;
    }

    private static boolean entityAt(String s, int i) {
        int n = s.length();
        int j = i;
        if (j < n && s.charAt(j) == '#') {
            j++;
            if (j < n && (s.charAt(j) == 'x' || s.charAt(j) == 'X')) j++;
        }
        int start = j;
        while (j < n && j - start < 32 && Character.isLetterOrDigit(s.charAt(j))) j++;
        return j > start && j < n && s.charAt(j) == ';';
    }

    private static boolean tagAt(String s, int i) {
        int n = s.length();
        int j = i < n && s.charAt(i) == '/' ? i + 1 : i;
        int start = j;
        while (j < n && j - start < 10 && isAsciiLetter(s.charAt(j))) j++;
        if (j == start || j - start >= 10) return false;
        String name = s.substring(start, j).toLowerCase(Locale.ROOT);
        if (!INLINE_TAGS.contains(name)) return false;
        return j < n && (s.charAt(j) == '>' || s.charAt(j) == ' ' || s.charAt(j) == '/');
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * A title for an item that has only a link: its last path segment in words, then its host, e.g.
     * {@code https://wire.example/world/lavrov-meets.html} → "Lavrov meets (wire.example)". Empty
     * when the link gives nothing.
     */
    public static String fromLink(String link) {
        if (link == null) return "";
        try {
            URI u = URI.create(link);
            String host = u.getHost() == null ? "" : u.getHost();
            if (host.startsWith("www.")) host = host.substring(4);
            String path = u.getPath() == null ? "" : u.getPath();
            int end = path.length();
            while (end > 0 && path.charAt(end - 1) == '/') end--;
            String segment = path.substring(path.lastIndexOf('/', end - 1) + 1, end);
            int dot = segment.lastIndexOf('.');
            if (dot > 0 && segment.length() - dot <= 5) segment = segment.substring(0, dot);
            StringBuilder words = new StringBuilder();
            for (int i = 0; i < segment.length() && words.length() < 200; i++) {
                char c = segment.charAt(i);
                words.append(c == '-' || c == '_' || c == '+' ? ' ' : c);
            }
            String w = TextClean.clean(words.toString());
            boolean numeric = w.chars().allMatch(ch -> Character.isDigit(ch) || ch == ' ');
            if (w.isEmpty() || numeric) return host;
            String title = Character.toUpperCase(w.charAt(0)) + w.substring(1);
            return host.isEmpty() ? title : title + " (" + host + ")";
        } catch (RuntimeException e) {
            return "";
        }
    }
}
