package org.feedhub.fulltext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.feedhub.parse.LooseDates;
import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector;

/**
 * The article body of a web page, found the way readability-style extractors find it: page chrome
 * (navigation, asides, headers and footers, share and comment blocks, forms, scripts, cookie
 * banners) is removed; every paragraph of text scores its ancestors by its length and commas; class
 * and id names such as "article" or "sidebar" raise or lower a container's score, and links lower
 * it by their share of its text (text density against link density); the best container and those
 * of its siblings that score nearly as well are the article, cleaned once more of blocks that are
 * mostly links or images. With an editor's CSS selector the matching elements are the article
 * instead.
 *
 * <p>The result is raw HTML with absolute URLs; the caller sanitizes it like any feed content.
 */
public final class ArticleExtractor {

    /** Never article text. */
    private static final String JUNK =
            String.join(
                    ",",
                    "script",
                    "style",
                    "link",
                    "meta",
                    "template",
                    "iframe",
                    "frame",
                    "frameset",
                    "object",
                    "embed",
                    "applet",
                    "form",
                    "button",
                    "input",
                    "select",
                    "textarea",
                    "svg",
                    "canvas",
                    "dialog",
                    "nav",
                    "aside",
                    "footer",
                    "header",
                    "menu",
                    "[hidden]",
                    "[aria-modal=true]",
                    "[role=navigation]",
                    "[role=complementary]",
                    "[role=banner]",
                    "[role=contentinfo]",
                    "[role=dialog]",
                    "[role=alertdialog]",
                    "[role=menu]",
                    "[role=menubar]",
                    "[role=search]",
                    "[role=toolbar]",
                    "[style~=(?i)display\\s*:\\s*none]",
                    "[style~=(?i)visibility\\s*:\\s*hidden]",
                    "amp-ad",
                    "amp-embed",
                    "amp-analytics",
                    "amp-pixel",
                    "amp-social-share",
                    "amp-sidebar",
                    "amp-consent",
                    "amp-geo",
                    "amp-user-notification",
                    "amp-sticky-ad");

    /**
     * Class and id names of blocks that are not the article (readability's "unlikely candidates",
     * and more).
     */
    private static final Pattern UNLIKELY =
            Pattern.compile(
                    "(?i)-ad-|^ad-|\\bads?\\b|advert|ai2html|banner|breadcrumb|"
                            + "combx|comment|community|consent|cookie|cover-wrap|disqus|gdpr|footer|header|legends|menu|masthead|"
                            + "modal|most-?popular|most-?read|newsletter|outbrain|pager|pagination|popup|promo|recommend|related|"
                            + "remark|replies|rss|share|sharing|shoutbox|sidebar|signup|skyscraper|social|sponsor|subscribe|"
                            + "supplemental|taboola|toolbar|trending|tweet|widget|yom-remote|navbar|\\bnav\\b|read-?more|paywall");

    private static final Pattern MAYBE =
            Pattern.compile("(?i)and|article|body|column|content|main|shadow");

    /** Removed inside the article too, whatever else their names say. */
    private static final Pattern NEVER =
            Pattern.compile(
                    "(?i)share|sharing|social|comment|related|newsletter|"
                            + "subscribe|signup|cookie|consent|gdpr|promo|advert|sponsor|outbrain|taboola|recommend|most-?read|"
                            + "most-?popular|trending|read-?more|paywall|\\bads?\\b|-ad-|^ad-");

    /**
     * The article's own header: kicker, headline, standfirst, byline and dateline, which the story
     * carries apart.
     */
    private static final Pattern HEADING =
            Pattern.compile(
                    "(?i)(?:^|[\\s_-])(?:header|head|hgroup|kicker|eyebrow|"
                            + "byline|dateline|standfirst|dek|meta|timestamp|author|tags|breadcrumbs?)(?:[\\s_-]|$)");

    private static final Pattern DATELINE =
            Pattern.compile("(?i)^\\s*(posted|published|updated|last updated)\\b.*\\d");
    private static final Pattern POSITIVE =
            Pattern.compile(
                    "(?i)article|body|content|entry|hentry|h-entry|main|"
                            + "page|post|text|blog|story|prose|lede|lead");
    private static final Pattern NEGATIVE =
            Pattern.compile(
                    "(?i)-ad-|hidden|^hid$|\\bhid\\b|banner|combx|comment|"
                            + "com-|contact|foot|footer|footnote|gdpr|masthead|outbrain|promo|related|scroll|share|shoutbox|"
                            + "sidebar|skyscraper|sponsor|shopping|tags|tool|widget|newsletter|subscribe|cookie|social|byline|"
                            + "author|dateline|breadcrumb|recommend|teaser");
    private static final Pattern COMMAS =
            Pattern.compile("[,\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C\u3001]");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…»\"”]\\s*$|\\.\\s");

    private static final Set<String> CONTAINERS =
            Set.of("div", "section", "article", "main", "body", "span", "font", "center");
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
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "ul",
                    "ol",
                    "dl",
                    "table",
                    "blockquote",
                    "pre",
                    "figure",
                    "form",
                    "hr",
                    "address",
                    "details",
                    "fieldset");
    private static final List<String> URL_ATTRS =
            List.of(
                    "href",
                    "src",
                    "data-src",
                    "data-lazy-src",
                    "data-original",
                    "data-lazy",
                    "data-url",
                    "poster",
                    "cite");

    private ArticleExtractor() {}

    /**
     * @param pageUrl the URL the page came from (after redirects): relative URLs are resolved
     *     against it, or against the page's {@code <base href>}
     * @param selector the editor's CSS selector for the article body; null to find it automatically
     */
    public static Article extract(String html, String pageUrl, String selector) {
        Document doc = Jsoup.parse(html == null ? "" : html, pageUrl == null ? "" : pageUrl);
        PageMeta meta = PageMeta.of(doc);
        ampImages(doc);
        absolutize(doc);
        List<String> warnings = new ArrayList<>();
        Element content = null;
        if (selector != null) {
            content = selected(doc, selector, warnings);
        }
        if (content == null) {
            content = readability(doc, meta.title);
        }
        Document shell = Document.createShell(doc.baseUri());
        shell.outputSettings().prettyPrint(false);
        shell.body().appendChild(content);
        String contentHtml = content.html().strip();
        int length = textLength(content);
        if (length < 200 && meta.description != null && meta.description.length() > length) {
            // a page that renders its text by script: what it says of itself is all there is
            contentHtml = "<p>" + Entities.escape(meta.description) + "</p>";
        }
        return new Article(
                contentHtml,
                meta.title,
                meta.description,
                meta.canonicalUrl,
                meta.published,
                meta.author,
                List.copyOf(warnings));
    }

    // --- the editor's selector

    private static Element selected(Document doc, String selector, List<String> warnings) {
        Elements found;
        try {
            found = doc.select(selector);
        } catch (Selector.SelectorParseException e) {
            warnings.add(
                    "full-text selector '"
                            + selector
                            + "' is not valid CSS; the main content was guessed");
            return null;
        }
        Element out = new Element("div");
        for (Element el : found) {
            boolean nested = false;
            for (Element p = el.parent(); p != null && !nested; p = p.parent())
                nested = found.contains(p);
            if (!nested) out.appendChild(el.clone());
        }
        out.select(JUNK).remove();
        for (Element el : new ArrayList<>(out.getAllElements())) {
            if (el != out && el.parent() != null && NEVER.matcher(names(el)).find()) el.remove();
        }
        if (textLength(out) == 0 && out.select("img").isEmpty()) {
            warnings.add(
                    "full-text selector '"
                            + selector
                            + "' matched nothing on the page; the main content was guessed");
            return null;
        }
        return out;
    }

    // --- finding the article by itself

    private static Element readability(Document doc, String title) {
        Element body = doc.body();
        if (body == null) return new Element("div");
        removeChrome(body);
        Map<Element, Double> scores = score(body);
        Element top = null;
        double topScore = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            double s = e.getValue() * (1 - linkDensity(e.getKey()));
            e.setValue(s);
            if (top == null || s > topScore) {
                top = e.getKey();
                topScore = s;
            }
        }
        if (top == null) {
            Element all = new Element("div");
            for (Element c : body.children()) all.appendChild(c.clone());
            return clean(all, title);
        }
        top = climb(top, topScore, scores, body);
        topScore = scores.getOrDefault(top, topScore);
        return clean(withSiblings(top, topScore, scores, body), title);
    }

    /**
     * Navigation, asides, forms, banners, share and comment blocks: removed before anything is
     * scored.
     */
    private static void removeChrome(Element body) {
        body.select(JUNK).remove();
        for (Element ns : body.select("noscript")) {
            if (ns.select("img").isEmpty()) ns.remove();
        }
        int bodyText = Math.max(1, textLength(body));
        for (Element el : new ArrayList<>(body.getAllElements())) {
            if (el == body
                    || el.parent() == null
                    || el.normalName().equals("article")
                    || el.normalName().equals("main")
                    || el.normalName().equals("a")) {
                continue;
            }
            String names = names(el);
            if (names.isBlank() || !UNLIKELY.matcher(names).find() || MAYBE.matcher(names).find())
                continue;
            if (el.selectFirst("article, main, [itemprop=articleBody]") != null) continue;
            if (textLength(el) > bodyText / 2)
                continue; // a wrapper of the whole page named "has-comments"
            el.remove();
        }
    }

    /**
     * Every paragraph of 25 characters or more adds to its parent's score, less to older ancestors.
     */
    private static Map<Element, Double> score(Element body) {
        // in document order of first touch, so that ties go to the earlier block, the same way on
        // every run
        Map<Element, Double> scores = new LinkedHashMap<>(); // jsoup nodes compare by identity
        for (Element el :
                body.select("p, pre, td, blockquote, div, section, article, span, font, li, dd")) {
            String tag = el.normalName();
            boolean paragraphLike =
                    !CONTAINERS.contains(tag) && !Set.of("li", "dd", "td").contains(tag)
                            || !hasBlockChild(el);
            if (!paragraphLike) continue;
            if (tag.equals("span") || tag.equals("font") || tag.equals("li") || tag.equals("dd")) {
                // inline wrappers and list items count only when they stand alone as text blocks
                if (el.parent() != null && el.parent().normalName().equals("p")) continue;
                if ((tag.equals("li") || tag.equals("dd")) && textLength(el) < 100) continue;
            }
            if (el.parent() != null && el.parent().normalName().equals("p")) continue;
            String text = el.text();
            if (text.length() < 25) continue;
            double points =
                    1 + COMMAS.matcher(text).results().count() + Math.min(text.length() / 100, 3);
            int level = 0;
            for (Element a = el.parent(); a != null && level < 5; a = a.parent(), level++) {
                if (a.normalName().equals("html")) break;
                scores.computeIfAbsent(a, ArticleExtractor::initialScore);
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(a, points / divider, Double::sum);
            }
        }
        return scores;
    }

    private static double initialScore(Element el) {
        double s =
                switch (el.normalName()) {
                    case "div", "article", "main" -> 5;
                    case "section", "pre", "td", "blockquote" -> 3;
                    case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
                    case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
                    default -> 0;
                };
        if (el.normalName().equals("article")
                || el.attr("itemprop").equalsIgnoreCase("articleBody")) s += 10;
        return s + classWeight(el);
    }

    private static double classWeight(Element el) {
        double w = 0;
        for (String name : List.of(el.className(), el.id())) {
            if (name.isBlank()) continue;
            if (NEGATIVE.matcher(name).find()) w -= 25;
            if (POSITIVE.matcher(name).find()) w += 25;
        }
        return w;
    }

    /**
     * A paragraph container often scores below its parent only because the text is split over
     * several containers; as readability does, a parent that scores better (or nearly as well) is
     * taken instead.
     */
    private static Element climb(
            Element top, double topScore, Map<Element, Double> scores, Element body) {
        Element best = top;
        double last = topScore;
        double threshold = topScore / 3;
        for (Element p = top.parent(); p != null && p != body.parent(); p = p.parent()) {
            Double s = scores.get(p);
            if (s == null) continue;
            if (s < threshold) break;
            if (s > last) {
                best = p;
                break;
            }
            last = s;
        }
        while (best != body
                && best.parent() != null
                && best.parent() != body
                && best.parent().childrenSize() == 1) {
            best = best.parent();
        }
        return best;
    }

    /** The top container and those siblings that look like more of the same article. */
    private static Element withSiblings(
            Element top, double topScore, Map<Element, Double> scores, Element body) {
        Element out = new Element("div");
        Element parent = top.parent();
        if (top == body || parent == null) {
            // text straight in the body: its blocks, without the loose links around them
            for (Element c : top.children()) {
                if (BLOCKS.contains(c.normalName()) || textLength(c) >= 80 && linkDensity(c) < 0.25)
                    out.appendChild(c.clone());
            }
            return out;
        }
        double threshold = Math.max(10, topScore * 0.2);
        for (Element sibling : parent.children()) {
            boolean append = sibling == top;
            if (!append) {
                double bonus =
                        !top.className().isBlank() && sibling.className().equals(top.className())
                                ? topScore * 0.2
                                : 0;
                Double s = scores.get(sibling);
                if (s != null && s + bonus >= threshold) {
                    append = true;
                } else if (Set.of("figure", "picture", "img").contains(sibling.normalName())) {
                    append = linkDensity(sibling) < 0.5; // the lead image beside the text
                } else if (sibling.normalName().equals("p")) {
                    double density = linkDensity(sibling);
                    int length = textLength(sibling);
                    if (length > 80 && density < 0.25) append = true;
                    else if (length > 0
                            && length <= 80
                            && density == 0
                            && SENTENCE_END.matcher(sibling.text()).find()) {
                        append = true;
                    }
                }
            }
            if (append) out.appendChild(sibling.clone());
        }
        return out;
    }

    /**
     * Blocks inside the article that are not the article: link lists, image strips, the repeated
     * headline.
     */
    private static Element clean(Element article, String title) {
        article.select(JUNK).remove();
        int total = Math.max(1, textLength(article));
        String normTitle = norm(title);
        for (Element h : article.select("h1, h2, h3, p, div, b, strong, font, span")) {
            if (h.parent() == null || hasBlockChild(h) && !h.normalName().startsWith("h")) continue;
            String t = norm(h.text());
            if (t.length() > 200) continue;
            boolean headline =
                    t.length() >= 10
                            && !normTitle.isEmpty()
                            && (normTitle.startsWith(t) || t.startsWith(normTitle));
            boolean dateline =
                    t.length() < 60
                            && (LooseDates.parse(h.text()) != null
                                    || DATELINE.matcher(h.text()).find());
            if (headline || dateline) h.remove();
        }
        List<Element> all = article.getAllElements();
        for (int i = all.size() - 1; i >= 1; i--) {
            Element el = all.get(i);
            if (el.parent() == null || !isAttached(el, article)) continue;
            int length = textLength(el);
            boolean main = length > total * 0.6;
            if (!main && (NEVER.matcher(names(el)).find() || HEADING.matcher(names(el)).find())) {
                el.remove();
                continue;
            }
            String tag = el.normalName();
            if (!main
                    && Set.of("div", "section", "ul", "ol", "table", "dl", "figure", "p")
                            .contains(tag)
                    && junk(el, length)) {
                el.remove();
            }
        }
        for (Element p : article.select("p, div, section, span")) {
            if (p.parent() != null
                    && p.text().isBlank()
                    && p.select("img, picture, figure, video, hr, br").isEmpty()) p.remove();
        }
        return article;
    }

    private static boolean isAttached(Element el, Element root) {
        for (Element p = el; p != null; p = p.parent()) if (p == root) return true;
        return false;
    }

    /**
     * Readability's "clean conditionally": too many links, images or list items for the text it
     * holds.
     */
    private static boolean junk(Element el, int length) {
        String tag = el.normalName();
        double weight = classWeight(el);
        if (weight < 0 && !tag.equals("p")) return true;
        String text = el.text();
        if (COMMAS.matcher(text).results().count() >= 10) return false;
        double density = linkDensity(el);
        if (tag.equals("p")) { // "Read more: …" lines, "Index · Feed" footers
            return length > 0
                    && (length < 200 && density > 0.8
                            || length < 100 && density > 0.6 && el.select("a").size() >= 2);
        }
        if (tag.equals("figure")) return density > 0.5;
        int paragraphs = el.select("p").size();
        int images = el.select("img").size();
        int items = el.select("li").size();
        boolean list = tag.equals("ul") || tag.equals("ol") || tag.equals("dl");
        boolean figure = !el.select("figure, figcaption").isEmpty();
        if (list) return density > 0.5 || length == 0;
        if (tag.equals("table")) return density > 0.5 || (length < 25 && images == 0);
        if (images > 1 && paragraphs < images / 2.0 && !figure && length < 200) return true;
        if (items > paragraphs && items > 2 && density > 0.3) return true;
        if (length < 25 && images == 0) return true;
        if (weight < 25 && density > 0.33) return true;
        return weight >= 25 && density > 0.5;
    }

    // --- measures

    private static boolean hasBlockChild(Element el) {
        for (Element c : el.children()) if (BLOCKS.contains(c.normalName())) return true;
        return false;
    }

    private static int textLength(Element el) {
        return el.text().strip().length();
    }

    /**
     * Share of the element's text that sits inside links; a link to a fragment of the page counts
     * less.
     */
    static double linkDensity(Element el) {
        int length = textLength(el);
        if (length == 0) return 0;
        double linked = 0;
        for (Element a : el.select("a")) {
            String href = a.attr("href");
            double coefficient =
                    href.contains("#") && href.substring(0, href.indexOf('#')).equals(a.baseUri())
                            ? 0.3
                            : 1;
            linked += a.text().strip().length() * coefficient;
        }
        return Math.min(1, linked / length);
    }

    private static String names(Element el) {
        return el.className() + " " + el.id();
    }

    private static String norm(String s) {
        return s == null
                ? ""
                : s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /**
     * AMP pages write their images as {@code <amp-img>}: made plain images, so they survive
     * sanitizing.
     */
    private static void ampImages(Document doc) {
        for (Element amp : doc.select("amp-img, amp-anim")) {
            Element fallback = amp.selectFirst("noscript img, img");
            Element img = new Element("img");
            for (String attr : List.of("src", "srcset", "alt", "width", "height")) {
                if (amp.hasAttr(attr)) img.attr(attr, amp.attr(attr));
            }
            if (!img.hasAttr("src") && fallback != null) img.attr("src", fallback.attr("src"));
            amp.replaceWith(img);
        }
    }

    // --- URLs

    /** Every URL the article may keep, absolute against the page (or its {@code <base href>}). */
    private static void absolutize(Document doc) {
        for (Element el : doc.getAllElements()) {
            for (String attr : URL_ATTRS) {
                if (!el.hasAttr(attr)) continue;
                String v = el.attr(attr).strip();
                if (v.isEmpty() || v.regionMatches(true, 0, "data:", 0, 5) || v.startsWith("#"))
                    continue;
                String abs = el.absUrl(attr);
                if (!abs.isEmpty()) el.attr(attr, abs);
            }
            for (String attr : List.of("srcset", "data-srcset")) {
                if (el.hasAttr(attr)) el.attr(attr, srcset(el.attr(attr), el.baseUri()));
            }
        }
    }

    private static String srcset(String srcset, String base) {
        List<String> out = new ArrayList<>();
        for (String candidate : srcset.strip().split(",\\s+")) {
            String c = candidate.strip();
            if (c.isEmpty()) continue;
            int space = c.indexOf(' ');
            String url = space < 0 ? c : c.substring(0, space);
            String rest = space < 0 ? "" : c.substring(space);
            String abs =
                    url.regionMatches(true, 0, "data:", 0, 5) ? url : StringUtil.resolve(base, url);
            out.add((abs.isEmpty() ? url : abs) + rest);
        }
        return String.join(", ", out);
    }
}
