package org.feedhub.config;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Adds the feeds of an OPML file (exported by another reader) to feeds.yml as new sources. The file
 * is edited as text, not rewritten from a model, so the editors' comments and layout stay as they
 * were: the new entries go at the end of the {@code sources:} list. Feeds already listed (same URL)
 * are skipped.
 */
public final class OpmlImport {
    private OpmlImport() {}

    /**
     * A feed found in the OPML file.
     *
     * @param folders the titles of the outlines it sits in, outermost first: readers export their
     *     folders (categories) this way, and they become the source's tags
     */
    public record Feed(String title, String url, List<String> folders) {
        public Feed(String title, String url) {
            this(title, url, List.of());
        }
    }

    /** A folder title longer than this is cut (tags have a column of 200). */
    private static final int MAX_FOLDER = 100;

    /** Folders deeper than this are not read (a bound on hostile nesting). */
    private static final int MAX_DEPTH = 8;

    /** The result: the new feeds.yml text and what was added and skipped. */
    public record Result(String yaml, List<String> added, List<String> skipped) {}

    /**
     * The feeds of an OPML document (any nesting of outlines; those with an xmlUrl). DOCTYPEs are
     * refused.
     */
    public static List<Feed> feeds(byte[] opml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            javax.xml.parsers.DocumentBuilder builder = f.newDocumentBuilder();
            // the default handler prints "[Fatal Error] ..." on stderr before throwing: the
            // exception alone carries the message
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            Document doc = builder.parse(new ByteArrayInputStream(opml));
            NodeList outlines = doc.getElementsByTagName("outline");
            List<Feed> feeds = new ArrayList<>();
            for (int i = 0; i < outlines.getLength(); i++) {
                Element o = (Element) outlines.item(i);
                String url = o.getAttribute("xmlUrl").trim();
                if (url.isEmpty()) continue;
                String title =
                        !o.getAttribute("title").isBlank()
                                ? o.getAttribute("title")
                                : o.getAttribute("text");
                feeds.add(new Feed(title.trim(), url, folders(o)));
            }
            return feeds;
        } catch (Exception e) {
            throw new IllegalArgumentException("not an OPML file: " + e.getMessage(), e);
        }
    }

    /** The titles of the folder outlines around {@code o}, outermost first. */
    static List<String> folders(Element o) {
        List<String> out = new ArrayList<>();
        org.w3c.dom.Node p = o.getParentNode();
        while (p instanceof Element e
                && "outline".equals(e.getTagName())
                && out.size() < MAX_DEPTH) {
            String name =
                    !e.getAttribute("title").isBlank()
                            ? e.getAttribute("title")
                            : e.getAttribute("text");
            name = name.strip().replaceAll("\\s+", " ");
            if (name.length() > MAX_FOLDER) name = name.substring(0, MAX_FOLDER).strip();
            if (!name.isEmpty() && !out.contains(name)) out.add(0, name);
            p = e.getParentNode();
        }
        return List.copyOf(out);
    }

    /**
     * @param yaml the current feeds.yml text (valid)
     * @param config the same file, parsed: which ids and URLs exist
     */
    public static Result merge(String yaml, FeedsConfig config, List<Feed> feeds) {
        Set<String> ids = new HashSet<>();
        Set<String> urls = new HashSet<>();
        for (SourceDef s : config.sources()) {
            ids.add(s.id());
            urls.add(s.url());
        }
        Map<String, Feed> toAdd = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (Feed f : feeds) {
            if (!f.url().startsWith("http://") && !f.url().startsWith("https://")) {
                skipped.add(f.url() + " (not an http(s) URL)");
            } else if (urls.contains(f.url())
                    || toAdd.values().stream().anyMatch(x -> x.url().equals(f.url()))) {
                skipped.add(f.url() + " (already listed)");
            } else {
                String id = uniqueId(slug(f.title().isBlank() ? host(f.url()) : f.title()), ids);
                ids.add(id);
                toAdd.put(id, f);
            }
        }
        if (toAdd.isEmpty()) return new Result(yaml, List.of(), skipped);
        StringBuilder block = new StringBuilder();
        for (Map.Entry<String, Feed> e : toAdd.entrySet()) {
            block.append("  - id: ").append(e.getKey()).append('\n');
            block.append("    url: ").append(quote(e.getValue().url())).append('\n');
            if (!e.getValue().title().isBlank())
                block.append("    title: ").append(quote(e.getValue().title())).append('\n');
            List<String> folders = e.getValue().folders();
            if (!folders.isEmpty()) {
                block.append("    tags: [")
                        .append(String.join(", ", folders.stream().map(OpmlImport::quote).toList()))
                        .append("]\n");
            }
        }
        return new Result(
                insertIntoSources(yaml, block.toString()), List.copyOf(toAdd.keySet()), skipped);
    }

    /**
     * After the last entry line of the top-level {@code sources:} block (before comments, such as
     * commented-out sources, and blank lines).
     */
    static String insertIntoSources(String yaml, String block) {
        List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("sources:\\s*(#.*)?")) {
                start = i;
                break;
            }
        }
        if (start < 0)
            throw new IllegalArgumentException("feeds.yml has no top-level sources: list");
        int end = lines.size();
        for (int i = start + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.isEmpty()
                    && !Character.isWhitespace(l.charAt(0))
                    && !l.startsWith("#")
                    && !l.startsWith("-")) {
                end = i;
                break;
            }
        }
        int last = end - 1; // the last line that belongs to an entry: not blank, not a top-level
        // comment
        while (last > start
                && (lines.get(last).isBlank() || lines.get(last).trim().startsWith("#"))) last--;
        lines.add(last + 1, block.endsWith("\n") ? block.substring(0, block.length() - 1) : block);
        return String.join("\n", lines);
    }

    private static final String[] CYRILLIC = {
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
        "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"
    };

    /**
     * An id from a title: Latin letters without accents, Russian transliterated, digits, hyphens.
     */
    static String slug(String s) {
        StringBuilder t = new StringBuilder();
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c >= 'а' && c <= 'я') t.append(CYRILLIC[c - 'а']);
            else if (c == 'ё') t.append("e");
            else t.append(c);
        }
        String ascii =
                java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFKD)
                        .replaceAll("\\p{M}", "")
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("(^-+|-+$)", "");
        if (ascii.length() > 40) ascii = ascii.substring(0, 40).replaceAll("-+$", "");
        return ascii.isEmpty() ? "feed" : ascii;
    }

    private static String uniqueId(String base, Set<String> taken) {
        String id = base;
        for (int n = 2; taken.contains(id); n++) id = base + "-" + n;
        return id;
    }

    /** The URL's host, or "feed" where none can be read (a bad character, no authority). */
    private static String host(String url) {
        try {
            String host = java.net.URI.create(url).getHost();
            return host == null ? "feed" : host;
        } catch (IllegalArgumentException e) {
            return "feed";
        }
    }

    /** A YAML double-quoted scalar: safe for any title or URL. */
    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
