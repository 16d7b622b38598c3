package org.feedhub.normalize;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import java.util.Set;
import java.util.regex.Pattern;
import org.feedhub.text.TextClean;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The visible text of an HTML fragment as the paragraphs a reader sees, for summaries, matching and
 * near-duplicate detection. Block elements and line breaks end a paragraph; inline elements do not.
 */
public final class HtmlText {

    /** Where a tag may start; whether it closes is a separate look for the last {@code >}. */
    private static final Pattern TAG_START = Pattern.compile("<\\s*+/?\\s*+[a-zA-Z]");

    private static final Pattern ESCAPED_TAG = Pattern.compile("&lt;\\s*+/?\\s*+[a-zA-Z]");
    private static final Pattern NEWLINES = Pattern.compile("\\R");

    /** Elements whose start and end break the text into paragraphs. */
    private static final Set<String> BLOCKS =
            Set.of(
                    "address",
                    "article",
                    "aside",
                    "blockquote",
                    "caption",
                    "center",
                    "dd",
                    "details",
                    "dialog",
                    "div",
                    "dl",
                    "dt",
                    "fieldset",
                    "figcaption",
                    "figure",
                    "footer",
                    "form",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "header",
                    "hgroup",
                    "hr",
                    "li",
                    "main",
                    "nav",
                    "ol",
                    "p",
                    "pre",
                    "section",
                    "summary",
                    "table",
                    "tbody",
                    "td",
                    "tfoot",
                    "th",
                    "thead",
                    "tr",
                    "ul",
                    "body");

    /** Elements whose text is never shown to a reader. */
    private static final Set<String> INVISIBLE =
            Set.of(
                    "script",
                    "style",
                    "noscript",
                    "template",
                    "head",
                    "title",
                    "iframe",
                    "object",
                    "embed",
                    "select",
                    "option",
                    "textarea",
                    "svg",
                    "math",
                    "audio",
                    "video",
                    "canvas",
                    "button",
                    "input",
                    "map");

    private HtmlText() {}

    /**
     * Paragraphs of {@code html} (or of plain text, split at line breaks), each cleaned; never
     * null.
     */
    public static List<String> paragraphs(String html) {
        return paragraphs(html, false);
    }

    /**
     * As {@link #paragraphs(String)}; with {@code dropFigcaptions}, image captions are left out.
     */
    public static List<String> paragraphs(String html, boolean dropFigcaptions) {
        if (html == null || html.isBlank()) {
            return List.of();
        }
        if (!hasTag(html)) {
            if (ESCAPED_TAG.matcher(html).find()) {
                // a feed that escaped its HTML twice: undo one level and read it as HTML
                return paragraphs(
                        org.jsoup.parser.Parser.unescapeEntities(html, false), dropFigcaptions);
            }
            return plainText(html);
        }
        return paragraphs(Jsoup.parseBodyFragment(html).body(), dropFigcaptions);
    }

    /** The paragraphs of a parsed body. */
    static List<String> paragraphs(Element body, boolean dropFigcaptions) {
        Collector collector = new Collector(dropFigcaptions);
        NodeTraversor.filter(collector, body);
        collector.flush();
        return collector.paragraphs;
    }

    /**
     * As {@link #paragraphs(String)} of {@code s.html()}, read from the sanitizer's own tree
     * instead of parsing its HTML again, and knowing its paragraphs without image captions too
     * ({@link #paragraphs(String, boolean)}), from the same walk. HTML without a tag is read as
     * text, as there.
     */
    public static Paragraphs paragraphs(HtmlSanitizer.Sanitized s) {
        if (s.body() == null || !hasTag(s.html())) {
            List<String> text = paragraphs(s.html());
            return new Paragraphs(text, text);
        }
        Both both = new Both();
        NodeTraversor.filter(both, s.body());
        both.all.flush();
        both.own.flush();
        return new Paragraphs(
                both.all.paragraphs, both.sawCaption ? both.own.paragraphs : both.all.paragraphs);
    }

    /**
     * A story's paragraphs, which also knows them without image captions: the summary and the names
     * read those, and parsing the HTML again for them was 2% of a cold pass.
     */
    public static final class Paragraphs extends AbstractList<String> implements RandomAccess {
        private final List<String> all;
        private final List<String> withoutCaptions;

        Paragraphs(List<String> all, List<String> withoutCaptions) {
            this.all = all;
            this.withoutCaptions = withoutCaptions == all ? this : List.copyOf(withoutCaptions);
        }

        /** What {@link #paragraphs(String, boolean)} gives with captions dropped. */
        public List<String> withoutCaptions() {
            return withoutCaptions;
        }

        @Override
        public String get(int index) {
            return all.get(index);
        }

        @Override
        public int size() {
            return all.size();
        }
    }

    /**
     * Two collectors in one walk: one reads every paragraph, the other skips image captions as
     * {@code new Collector(true)} alone would (no tail for the skipped caption, nothing inside it).
     */
    private static final class Both implements NodeFilter {
        final Collector all = new Collector(false);
        final Collector own = new Collector(true);
        private Node skipping; // the caption the second collector skips, until its tail
        boolean sawCaption;

        @Override
        public FilterResult head(Node node, int depth) {
            if (all.head(node, depth) == FilterResult.SKIP_ENTIRELY) {
                return FilterResult.SKIP_ENTIRELY; // invisible: both skip it
            }
            if (skipping == null && own.head(node, depth) == FilterResult.SKIP_ENTIRELY) {
                skipping = node;
                sawCaption = true;
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            all.tail(node, depth);
            if (skipping == null) {
                own.tail(node, depth);
            } else if (skipping == node) {
                skipping = null;
            }
            return FilterResult.CONTINUE;
        }
    }

    /**
     * Whether {@code s} holds a tag ({@code <p ...>}, {@code </b>}) or a comment. The first tag
     * start is enough: a tag needs a {@code >} after its start, so if the first start has none
     * after it, no later one does. (The pattern {@code <\\s*\\/?\\s*[a-zA-Z][^>]*>} looked for that
     * {@code >} again from every {@code <a} of a text that never closes one: quadratic.)
     */
    static boolean hasTag(String s) {
        if (s.contains("<!--")) return true;
        java.util.regex.Matcher start = TAG_START.matcher(s);
        return start.find() && s.indexOf('>', start.end()) >= 0;
    }

    /** The paragraphs joined with newlines. */
    public static String text(String html) {
        return String.join("\n", paragraphs(html));
    }

    private static List<String> plainText(String text) {
        List<String> out = new ArrayList<>();
        for (String line : NEWLINES.split(text)) {
            String cleaned = TextClean.clean(line);
            if (!cleaned.isEmpty()) {
                out.add(cleaned);
            }
        }
        return out;
    }

    private static final class Collector implements NodeFilter {
        private final boolean dropFigcaptions;
        private final List<String> paragraphs = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private int preDepth;

        Collector(boolean dropFigcaptions) {
            this.dropFigcaptions = dropFigcaptions;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                append(text.getWholeText());
            } else if (node instanceof Element el) {
                String tag = el.normalName();
                if (INVISIBLE.contains(tag)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (dropFigcaptions && tag.equals("figcaption")) {
                    flush(); // a caption is a block: the text on either side stays apart
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (tag.equals("br") || BLOCKS.contains(tag)) {
                    flush();
                }
                if (tag.equals("pre")) {
                    preDepth++;
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element el) {
                String tag = el.normalName();
                if (BLOCKS.contains(tag)) {
                    flush();
                }
                if (tag.equals("pre")) {
                    preDepth--;
                }
            }
            return FilterResult.CONTINUE;
        }

        private void append(String text) {
            if (preDepth == 0) {
                current.append(text);
                return;
            }
            String[] lines = NEWLINES.split(text, -1); // preformatted text keeps its line breaks
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    flush();
                }
                current.append(lines[i]);
            }
        }

        void flush() {
            String cleaned = TextClean.clean(current.toString());
            current.setLength(0);
            if (!cleaned.isEmpty()) {
                paragraphs.add(cleaned);
            }
        }
    }
}
