package org.feedhub.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.feedhub.parse.FieldCaps;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.Selector;

/**
 * Story HTML that is safe to republish in feeds and pages: an allow-list of structural tags and
 * attributes (jsoup's {@link Cleaner}), with the work the allow-list alone does not do: dropping
 * dangerous elements together with their content, making lazy-loaded images real, removing tracking
 * pixels, turning layout {@code div}s into paragraphs so their texts do not run together, and
 * removing wrappers left empty.
 */
public final class HtmlSanitizer {

    /**
     * Removed with everything inside: their content is code, widgets or chrome, never story text.
     */
    private static final String DROP_WITH_CONTENT =
            String.join(
                    ",",
                    "script",
                    "style",
                    "iframe",
                    "frame",
                    "frameset",
                    "object",
                    "embed",
                    "applet",
                    "param",
                    "form",
                    "input",
                    "button",
                    "select",
                    "textarea",
                    "option",
                    "optgroup",
                    "datalist",
                    "output",
                    "svg",
                    "math",
                    "template",
                    "meta",
                    "link",
                    "base",
                    "title",
                    "canvas",
                    "audio",
                    "video",
                    "source",
                    "track",
                    "map",
                    "area",
                    "dialog",
                    "noembed",
                    "noframes",
                    "portal",
                    "xmp",
                    "plaintext",
                    "label",
                    "fieldset",
                    "legend");

    /** Elements the page itself hides; their content is never shown to a reader of the original. */
    private static final String HIDDEN =
            "[hidden], [style~=(?i)display\\s*:\\s*none], "
                    + "[style~=(?i)visibility\\s*:\\s*hidden]";

    /** Layout containers: not kept, but their texts must stay separate paragraphs. */
    private static final Set<String> CONTAINERS =
            Set.of(
                    "div", "section", "article", "main", "header", "footer", "aside", "nav",
                    "center", "details", "summary", "address", "hgroup");

    // Each query compiled once: parsing them (HIDDEN's patterns too) on every story was 3% of a
    // cold pass. jsoup's evaluators are thread-safe.
    private static final Evaluator DROP = Selector.evaluatorOf(DROP_WITH_CONTENT);
    private static final Evaluator HIDDEN_ELEMENTS = Selector.evaluatorOf(HIDDEN);
    private static final Evaluator IMG = Selector.evaluatorOf("img");
    private static final Evaluator IMG_WITHOUT_SRC = Selector.evaluatorOf("img:not([src])");
    private static final Evaluator A_WITHOUT_HREF = Selector.evaluatorOf("a:not([href])");
    private static final Evaluator NOSCRIPT = Selector.evaluatorOf("noscript");
    private static final Evaluator CONTAINER = Selector.evaluatorOf(String.join(",", CONTAINERS));

    private static final Set<String> BLOCKS =
            Set.of(
                    "p",
                    "div",
                    "section",
                    "article",
                    "main",
                    "header",
                    "footer",
                    "aside",
                    "nav",
                    "center",
                    "details",
                    "summary",
                    "address",
                    "hgroup",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "ul",
                    "ol",
                    "li",
                    "dl",
                    "dt",
                    "dd",
                    "table",
                    "blockquote",
                    "pre",
                    "figure",
                    "figcaption",
                    "hr");

    /** Wrappers that carry nothing once their content is gone. */
    private static final Set<String> REMOVE_WHEN_EMPTY =
            Set.of(
                    "p",
                    "a",
                    "em",
                    "strong",
                    "b",
                    "i",
                    "u",
                    "s",
                    "sub",
                    "sup",
                    "blockquote",
                    "figure",
                    "figcaption",
                    "li",
                    "ul",
                    "ol",
                    "dl",
                    "dt",
                    "dd",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "pre",
                    "code",
                    "caption");

    private static final List<String> LAZY_SRC =
            List.of("data-src", "data-lazy-src", "data-original", "data-lazy", "data-url");
    private static final List<String> SOURCE_ATTRS =
            java.util.stream.Stream.concat(java.util.stream.Stream.of("src"), LAZY_SRC.stream())
                    .toList();
    private static final Pattern PLACEHOLDER =
            Pattern.compile(
                    "(?i)(?:^|[^a-z])(?:placeholder|blank|spacer|transparent|pixel|lazy|lazyload|loader|loading|1x1|grey|gray"
                            + "|empty)(?:[^a-z/][^/]*)?$");
    private static final Pattern TRACKER =
            Pattern.compile(
                    "(?i)^(https?:)?//(feeds\\.feedburner\\.com/~r/|pixel\\.wp\\.com/|stats\\.wordpress\\.com/)");

    private static final Safelist SAFELIST =
            new Safelist()
                    .addTags(
                            "p",
                            "br",
                            "h1",
                            "h2",
                            "h3",
                            "h4",
                            "h5",
                            "h6",
                            "ul",
                            "ol",
                            "li",
                            "blockquote",
                            "pre",
                            "code",
                            "em",
                            "strong",
                            "b",
                            "i",
                            "u",
                            "s",
                            "sub",
                            "sup",
                            "figure",
                            "figcaption",
                            "img",
                            "a",
                            "table",
                            "caption",
                            "thead",
                            "tbody",
                            "tfoot",
                            "tr",
                            "th",
                            "td",
                            "hr",
                            "dl",
                            "dt",
                            "dd")
                    .addAttributes("a", "href", "title")
                    .addAttributes("img", "src", "alt", "title", "width", "height")
                    .addAttributes("blockquote", "cite")
                    .addAttributes("ol", "start")
                    .addAttributes("td", "colspan", "rowspan")
                    .addAttributes("th", "colspan", "rowspan", "scope")
                    .addProtocols("a", "href", "http", "https", "mailto")
                    .addProtocols("img", "src", "http", "https")
                    .addProtocols("blockquote", "cite", "http", "https")
                    .addEnforcedAttribute("a", "rel", "nofollow noopener")
                    .preserveRelativeLinks(
                            false); // the cleaner makes URLs absolute and drops those it cannot

    private HtmlSanitizer() {}

    /**
     * Safe, compact HTML body fragment of {@code html}; relative URLs resolved against {@code
     * baseUri} (without a base, relative links and images are dropped since they could not work
     * elsewhere). Null or blank gives "".
     */
    public static String sanitize(String html, String baseUri) {
        return clean(html, baseUri).html();
    }

    /**
     * A sanitized fragment: the HTML {@link #sanitize} gives, and the body it was written from, for
     * readers that would otherwise parse that HTML again (a third of what normalizing cost). The
     * body must not be changed.
     */
    public record Sanitized(String html, Element body) {
        static final Sanitized EMPTY = new Sanitized("", null);
    }

    /** As {@link #sanitize}, with the body the HTML was written from (null for ""). */
    public static Sanitized clean(String html, String baseUri) {
        if (html == null || html.isBlank()) {
            return Sanitized.EMPTY;
        }
        String base = baseUri == null ? "" : baseUri;
        Document dirty = Jsoup.parseBodyFragment(html, base);
        dirty.setBaseUri(base); // a <base href> inside the story must not redirect its links
        dirty.body().select(DROP).remove();
        dirty.body()
                .select(HIDDEN_ELEMENTS)
                .remove(); // text a reader never saw: spam, tracking, unrendered widgets
        handleNoscript(dirty);
        for (Element img : dirty.select(IMG)) {
            dropOverlongSources(img);
            realizeLazyImage(img);
            if (isTrackingPixel(img)) {
                img.remove();
            }
        }
        flattenContainers(dirty.body());

        Document clean = new Cleaner(SAFELIST).clean(dirty);
        clean.select(IMG_WITHOUT_SRC).remove();
        clean.select(A_WITHOUT_HREF).unwrap();
        removeEmptyWrappers(clean.body());
        clean.outputSettings().prettyPrint(false);
        String out = clean.body().html().strip();
        return out.isEmpty() ? Sanitized.EMPTY : new Sanitized(out, clean.body());
    }

    /**
     * Lazy-loading pages repeat the image inside noscript: keep that copy only if the scripted one
     * is unusable. A noscript without an image is a "please enable JavaScript" notice.
     */
    private static void handleNoscript(Document doc) {
        for (Element noscript : doc.body().select(NOSCRIPT)) {
            Element prev = noscript.previousElementSibling();
            boolean prevIsImg = prev != null && prev.normalName().equals("img");
            if (noscript.select(IMG).isEmpty() || (prevIsImg && hasRealSource(prev))) {
                noscript.remove();
            } else {
                if (prevIsImg) {
                    prev.remove();
                }
                noscript.unwrap();
            }
        }
    }

    private static boolean hasRealSource(Element img) {
        if (!isPlaceholder(img.attr("src"))) {
            return true;
        }
        return LAZY_SRC.stream().anyMatch(a -> !img.attr(a).isBlank())
                || !firstSrcsetCandidate(img.attr("data-srcset")).isEmpty()
                || !firstSrcsetCandidate(img.attr("srcset")).isEmpty();
    }

    private static void realizeLazyImage(Element img) {
        String src = img.attr("src");
        if (!isPlaceholder(src)) {
            return;
        }
        for (String attr : LAZY_SRC) {
            String candidate = img.attr(attr).strip();
            if (!candidate.isEmpty() && !candidate.startsWith("data:")) {
                img.attr("src", candidate);
                return;
            }
        }
        for (String attr : List.of("data-srcset", "srcset")) {
            String candidate = firstSrcsetCandidate(img.attr(attr));
            if (!candidate.isEmpty() && !candidate.startsWith("data:")) {
                img.attr("src", candidate);
                return;
            }
        }
    }

    /**
     * Whether {@code src} is a stand-in for the real picture. The name is looked for in the last
     * path segment only (and the character before it), which is all the pattern can match there:
     * run over the whole address, its {@code [^/]*} rescanned the rest of the address from every
     * name it met, quadratic in the length.
     */
    static boolean isPlaceholder(String src) {
        String s = src.strip();
        if (s.isEmpty() || s.regionMatches(true, 0, "data:", 0, 5)) return true;
        int lastSlash = s.lastIndexOf('/');
        return PLACEHOLDER.matcher(s).region(Math.max(lastSlash, 0), s.length()).find();
    }

    /** Drops image addresses longer than {@link FieldCaps}: no real picture has one. */
    private static void dropOverlongSources(Element img) {
        for (String attr : SOURCE_ATTRS) {
            if (img.attr(attr).length() > FieldCaps.SRC) img.removeAttr(attr);
        }
        for (String attr : List.of("srcset", "data-srcset")) {
            if (img.attr(attr).length() > FieldCaps.SRCSET) img.removeAttr(attr);
        }
    }

    /**
     * The URL of the first srcset candidate; URLs may contain commas, descriptors follow
     * whitespace.
     */
    static String firstSrcsetCandidate(String srcset) {
        String s = srcset.strip();
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ',' || Character.isWhitespace(s.charAt(i)))) {
            i++;
        }
        int end = i;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
            end++;
        }
        String url = s.substring(i, end);
        return url.endsWith(",") ? url.substring(0, url.length() - 1) : url;
    }

    private static final Pattern STYLE_WIDTH =
            Pattern.compile("(?i)(?:^|[;\\s])(?:max-)?width\\s*+:\\s*+([0-9.]++)\\s*+px");
    private static final Pattern STYLE_HEIGHT =
            Pattern.compile("(?i)(?:^|[;\\s])(?:max-)?height\\s*+:\\s*+([0-9.]++)\\s*+px");

    private static boolean isTrackingPixel(Element img) {
        Integer w = dimension(img.attr("width"));
        Integer h = dimension(img.attr("height"));
        String style = img.attr("style");
        if (!style.isEmpty()) { // width="1" written as CSS instead
            Integer sw = styleDimension(STYLE_WIDTH, style);
            Integer sh = styleDimension(STYLE_HEIGHT, style);
            if (sw != null) w = sw;
            if (sh != null) h = sh;
        }
        if ((w != null && w == 0) || (h != null && h == 0)) {
            return true;
        }
        if (w != null && h != null && w <= 1 && h <= 1) {
            return true;
        }
        return TRACKER.matcher(img.attr("src").strip()).lookingAt();
    }

    private static Integer styleDimension(Pattern p, String style) {
        java.util.regex.Matcher m = p.matcher(style);
        if (!m.find()) return null;
        try {
            return (int) Math.floor(Double.parseDouble(m.group(1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer dimension(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.endsWith("px")) {
            v = v.substring(0, v.length() - 2).strip();
        }
        if (v.isEmpty() || v.length() > 6 || !v.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.parseInt(v);
    }

    /**
     * The cleaner unwraps tags it does not allow, so {@code <div>One</div><div>Two</div>} would
     * read "OneTwo". Deepest first: a container with only inline content becomes a paragraph;
     * otherwise its loose inline runs are wrapped in paragraphs and the container itself is
     * unwrapped.
     */
    private static void flattenContainers(Element root) {
        List<Element> all = root.select(CONTAINER);
        for (int i = all.size() - 1; i >= 0; i--) {
            Element container = all.get(i);
            boolean hasBlockChild =
                    container.children().stream().anyMatch(c -> BLOCKS.contains(c.normalName()));
            if (!hasBlockChild) {
                container.tagName("p");
                container.clearAttributes();
                continue;
            }
            wrapInlineRuns(container);
            container.unwrap();
        }
    }

    private static void wrapInlineRuns(Element container) {
        List<Node> run = new ArrayList<>();
        for (Node child : new ArrayList<>(container.childNodes())) {
            boolean block = child instanceof Element e && BLOCKS.contains(e.normalName());
            if (block) {
                wrap(run);
                run = new ArrayList<>();
            } else {
                run.add(child);
            }
        }
        wrap(run);
    }

    private static void wrap(List<Node> run) {
        boolean meaningful =
                run.stream()
                        .anyMatch(
                                n ->
                                        n instanceof Element
                                                || (n instanceof TextNode t && !t.isBlank()));
        if (!meaningful) {
            return;
        }
        Element p = new Element("p");
        run.get(0).before(p);
        for (Node n : run) {
            p.appendChild(n);
        }
    }

    /** Deepest first, so a paragraph holding only an emptied link goes too. */
    private static void removeEmptyWrappers(Element root) {
        List<Element> all = root.getAllElements();
        for (int i = all.size() - 1; i >= 1; i--) {
            Element el = all.get(i);
            if (REMOVE_WHEN_EMPTY.contains(el.normalName()) && isEmpty(el)) {
                el.remove();
            }
        }
    }

    private static final Set<String> CONTENT_ELEMENTS = Set.of("img", "hr", "table");

    /**
     * No visible text (only whitespace and no-break spaces) and no image, rule or table in it.
     * Stops at the first sign of content: joining each wrapper's whole text to ask was 2% of a cold
     * pass.
     */
    static boolean isEmpty(Element el) {
        boolean[] content = {false};
        NodeTraversor.filter(
                new NodeFilter() {
                    @Override
                    public FilterResult head(Node node, int depth) {
                        if ((node instanceof TextNode t && !isBlank(t.getWholeText()))
                                || (node instanceof Element e
                                        && CONTENT_ELEMENTS.contains(e.normalName()))) {
                            content[0] = true;
                            return FilterResult.STOP;
                        }
                        return FilterResult.CONTINUE;
                    }
                },
                el);
        return !content[0];
    }

    private static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\u00A0' && !Character.isWhitespace(c)) return false;
        }
        return true;
    }
}
