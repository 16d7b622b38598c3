package org.feedhub.parse;

import java.io.StringReader;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * {@code xml:base} (XML Base, RFC 4287 section 2): relative URLs inside an entry's content resolve
 * against the base in force at the content element, which may differ from the entry's link. Rome
 * resolves the links of entries but not the URLs inside their HTML, so they are made absolute here,
 * before anything else reads them.
 */
final class XmlBases {
    /** Attributes that hold a link or an image, and the query (compiled once) that finds them. */
    private static final List<String> LINK_ATTRIBUTES =
            List.of("href", "src", "cite", "poster", "data-src");

    private static final org.jsoup.select.Evaluator LINKING =
            org.jsoup.select.Selector.evaluatorOf("[" + String.join("], [", LINK_ATTRIBUTES) + "]");

    private static final java.util.regex.Pattern HAS_SCHEME =
            java.util.regex.Pattern.compile("(?i)^[a-z][a-z0-9+.-]*:.*");

    private static final String XML_NS = XMLConstants.XML_NS_URI;

    /** The base in force at one item's body elements; null where no xml:base applies. */
    record ItemBases(String content, String summary) {}

    private XmlBases() {}

    /**
     * For each {@code entry} or {@code item} of the document, in order, the xml:base in force at
     * its content ({@code content}, {@code content:encoded}) and its summary ({@code summary},
     * {@code description}); an empty list when the document uses no xml:base or cannot be read this
     * way.
     */
    static List<ItemBases> of(String cleanedXml, String documentUrl) {
        if (!cleanedXml.contains("xml:base")) return List.of();
        List<ItemBases> out = new ArrayList<>();
        try {
            XMLInputFactory f = XMLInputFactory.newFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader r = f.createXMLStreamReader(new StringReader(cleanedXml));
            Deque<String> bases = new ArrayDeque<>();
            Deque<Boolean> declared = new ArrayDeque<>();
            bases.push(documentUrl == null ? "" : documentUrl);
            boolean anyBase = false;
            int itemDepth = -1;
            String content = null, summary = null;
            boolean itemHasBase = false;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String base = r.getAttributeValue(XML_NS, "base");
                    boolean has = base != null;
                    String current = has ? resolve(bases.peek(), base.strip()) : bases.peek();
                    bases.push(current);
                    declared.push(has);
                    anyBase |= has;
                    String name = r.getLocalName();
                    if (itemDepth < 0 && (name.equals("entry") || name.equals("item"))) {
                        itemDepth = bases.size();
                        content = null;
                        summary = null;
                        itemHasBase = declared.contains(Boolean.TRUE);
                    } else if (itemDepth >= 0) {
                        itemHasBase |= has;
                        if (content == null && (name.equals("content") || name.equals("encoded")))
                            content = current;
                        if (summary == null
                                && (name.equals("summary") || name.equals("description")))
                            summary = current;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (bases.size() == itemDepth) {
                        out.add(
                                itemHasBase
                                        ? new ItemBases(content, summary)
                                        : new ItemBases(null, null));
                        itemDepth = -1;
                    }
                    bases.pop();
                    declared.pop();
                }
            }
            return anyBase ? out : List.of();
        } catch (Exception e) {
            return List
                    .of(); // Rome read it; a stricter reader may not: the links inside stay as they
            // are
        }
    }

    private static String resolve(String base, String ref) {
        try {
            return base == null || base.isEmpty()
                    ? new URI(ref).toString()
                    : new URI(base).resolve(new URI(ref)).toString();
        } catch (Exception e) {
            return base;
        }
    }

    /**
     * {@code html} with its links and images absolute against {@code base}; unchanged without a
     * base or markup.
     */
    static String absolutize(String html, String base) {
        if (html == null || base == null || base.isEmpty() || html.indexOf('<') < 0) return html;
        Document doc = Jsoup.parseBodyFragment(html, base);
        boolean changed = false;
        for (Element el : doc.body().select(LINKING)) {
            for (String attr : LINK_ATTRIBUTES) {
                if (!el.hasAttr(attr)) continue;
                String v = el.attr(attr).strip();
                if (v.isEmpty() || v.startsWith("#") || HAS_SCHEME.matcher(v).matches()) continue;
                String abs = el.absUrl(attr);
                if (!abs.isEmpty()) {
                    el.attr(attr, abs);
                    changed = true;
                }
            }
        }
        if (!changed) return html;
        doc.outputSettings().prettyPrint(false);
        return doc.body().html();
    }
}
