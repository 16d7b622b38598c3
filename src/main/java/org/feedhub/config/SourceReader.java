package org.feedhub.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.feedhub.parse.HtmlSelectors;
import org.feedhub.parse.SelectorSpec;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads {@code sources:} of feeds.yml. */
final class SourceReader {

    private static final List<String> KEYS =
            List.of("id", "url", "title", "every", "tags", "html", "fulltext");
    private static final List<String> HTML_KEYS =
            List.of("item", "title", "link", "summary", "date");

    private final Yamls y;
    private final Path baseDir;
    private final Duration defaultEvery;

    SourceReader(Yamls y, Path baseDir, Duration defaultEvery) {
        this.y = y;
        this.baseDir = baseDir;
        this.defaultEvery = defaultEvery;
    }

    List<SourceDef> read(Node node) {
        List<Node> items = y.sequence(node, "sources");
        if (items.isEmpty())
            throw y.error(
                    node, "sources", "is empty; add at least one source with an id and a url");
        List<SourceDef> sources = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String field = Yamls.index("sources", i);
            Map<String, NodeTuple> map = y.mapping(items.get(i), field, KEYS);
            Node idNode = y.required(map, "id", items.get(i), field);
            SourceDef source = source(map, items.get(i), field, y.id(idNode, field + ".id"));
            Node first = seen.putIfAbsent(source.id(), idNode);
            if (first != null) {
                throw y.error(
                        idNode,
                        field + ".id",
                        "duplicate id '"
                                + source.id()
                                + "' (already used on line "
                                + Yamls.line(first)
                                + ")");
            }
            sources.add(source);
        }
        return List.copyOf(sources);
    }

    private SourceDef source(Map<String, NodeTuple> map, Node owner, String field, String id) {
        Node urlNode = y.required(map, "url", owner, field);
        String url = y.text(urlNode, field + ".url");
        try {
            url = SourceUrls.resolve(url, baseDir);
        } catch (IllegalArgumentException e) {
            throw y.error(urlNode, field + ".url", e.getMessage());
        }
        if (url.length() > ColumnLengths.URL)
            throw y.tooLong(urlNode, field + ".url", url, ColumnLengths.URL);
        Node title = Yamls.optional(map, "title");
        return new SourceDef(
                id,
                url,
                title == null ? null : y.text(title, field + ".title", ColumnLengths.TITLE),
                every(Yamls.optional(map, "every"), field + ".every"),
                y.texts(Yamls.optional(map, "tags"), field + ".tags", ColumnLengths.TAG),
                html(Yamls.optional(map, "html"), field + ".html"),
                fulltext(Yamls.optional(map, "fulltext"), field + ".fulltext"));
    }

    /**
     * {@code true}: automatic extraction; {@code false} or absent: off; anything else: a CSS
     * selector.
     */
    private FullText fulltext(Node node, String field) {
        if (node == null) return null;
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            String v = s.getValue().strip().toLowerCase(java.util.Locale.ROOT);
            if (v.equals("true") || v.equals("yes") || v.equals("on")) return FullText.AUTO;
            if (v.equals("false") || v.equals("no") || v.equals("off")) return null;
        }
        if (!(node instanceof ScalarNode)) {
            throw y.error(
                    node,
                    field,
                    "expected true, false or a CSS selector of the article body, found "
                            + Yamls.kind(node));
        }
        String value = selector(node, field);
        if (SelectorSpec.of(value).attr() != null) {
            throw y.error(node, field, "the article body selector cannot take an @attribute");
        }
        return new FullText(value);
    }

    private Duration every(Node node, String field) {
        return node == null ? defaultEvery : y.interval(node, field);
    }

    private HtmlSelectors html(Node node, String field) {
        if (node == null) return null;
        Map<String, NodeTuple> map = y.mapping(node, field, HTML_KEYS);
        String item = selector(y.required(map, "item", node, field), field + ".item");
        if (SelectorSpec.of(item).attr() != null) {
            throw y.error(
                    map.get("item").getValueNode(),
                    field + ".item",
                    "item selects the element of each story and cannot take an @attribute");
        }
        return new HtmlSelectors(
                item,
                selector(y.required(map, "title", node, field), field + ".title"),
                selector(y.required(map, "link", node, field), field + ".link"),
                optionalSelector(Yamls.optional(map, "summary"), field + ".summary"),
                optionalSelector(Yamls.optional(map, "date"), field + ".date"));
    }

    private String optionalSelector(Node node, String field) {
        return node == null ? null : selector(node, field);
    }

    private String selector(Node node, String field) {
        String value = y.text(node, field);
        try {
            SelectorSpec.parse(value);
        } catch (IllegalArgumentException e) {
            throw y.error(node, field, e.getMessage());
        }
        return value;
    }
}
