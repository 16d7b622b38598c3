package org.feedhub.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads {@code topics:} of feeds.yml, checking each listed source against the sources already read.
 */
final class TopicReader {

    static final int MAX_LIMIT = 1000;

    private static final List<String> KEYS =
            List.of("id", "title", "description", "language", "sources", "match", "limit");

    /**
     * A BCP 47 language tag as feeds use it: {@code en}, {@code ru}, {@code pt-BR}, {@code
     * zh-Hant}. Bounded and linear (no nested quantifiers).
     */
    private static final java.util.regex.Pattern LANGUAGE =
            java.util.regex.Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");

    private static final List<String> MATCH_KEYS = List.of("any", "none", "tags", "stem");

    private final Yamls y;
    private final Set<String> sourceIds;
    private final boolean defaultStem;

    TopicReader(Yamls y, Set<String> sourceIds) {
        this(y, sourceIds, false);
    }

    /**
     * @param defaultStem {@code defaults.stem}: whether a match without its own {@code stem:}
     *     matches stems
     */
    TopicReader(Yamls y, Set<String> sourceIds, boolean defaultStem) {
        this.y = y;
        this.sourceIds = sourceIds;
        this.defaultStem = defaultStem;
    }

    List<TopicDef> read(Node node) {
        if (Yamls.isNull(node)) return List.of();
        List<Node> items = y.sequence(node, "topics");
        List<TopicDef> topics = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String field = Yamls.index("topics", i);
            Map<String, NodeTuple> map = y.mapping(items.get(i), field, KEYS);
            Node idNode = y.required(map, "id", items.get(i), field);
            String id = y.id(idNode, field + ".id");
            Node first = seen.putIfAbsent(id, idNode);
            if (first != null) {
                throw y.error(
                        idNode,
                        field + ".id",
                        "duplicate id '"
                                + id
                                + "' (already used on line "
                                + Yamls.line(first)
                                + ")");
            }
            topics.add(topic(map, items.get(i), field, id));
        }
        return List.copyOf(topics);
    }

    private TopicDef topic(Map<String, NodeTuple> map, Node owner, String field, String id) {
        String title = y.text(y.required(map, "title", owner, field), field + ".title");
        Node description = Yamls.optional(map, "description");
        return new TopicDef(
                id,
                title,
                description == null ? null : y.text(description, field + ".description"),
                sources(Yamls.optional(map, "sources"), field + ".sources"),
                match(Yamls.optional(map, "match"), field + ".match"),
                limit(Yamls.optional(map, "limit"), field + ".limit"),
                language(Yamls.optional(map, "language"), field + ".language"));
    }

    private String language(Node node, String field) {
        if (node == null) return null;
        String value = y.text(node, field).strip();
        if (value.length() > 35 || !LANGUAGE.matcher(value).matches())
            throw y.error(
                    node,
                    field,
                    "\""
                            + value
                            + "\" is not a language tag (use en, ru, de, pt-BR: a BCP 47 tag)");
        return value;
    }

    private List<String> sources(Node node, String field) {
        if (node == null) return List.of();
        List<Node> items = y.sequence(node, field);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String f = Yamls.index(field, i);
            String id = y.id(items.get(i), f);
            if (!sourceIds.contains(id))
                throw y.error(items.get(i), f, "no source with id '" + id + "'");
            if (ids.contains(id)) throw y.error(items.get(i), f, "'" + id + "' is listed twice");
            ids.add(id);
        }
        return List.copyOf(ids);
    }

    private TopicDef.Match match(Node node, String field) {
        if (node == null) return TopicDef.Match.ALL;
        Map<String, NodeTuple> map = y.mapping(node, field, MATCH_KEYS);
        Node stem = Yamls.optional(map, "stem");
        return new TopicDef.Match(
                y.texts(Yamls.optional(map, "any"), field + ".any"),
                y.texts(Yamls.optional(map, "none"), field + ".none"),
                tags(Yamls.optional(map, "tags"), field + ".tags"),
                stem == null ? defaultStem : y.bool(stem, field + ".stem"));
    }

    /** Tag names; a name listed twice (ignoring case) is refused, as it is surely a slip. */
    private List<String> tags(Node node, String field) {
        if (node == null) return List.of();
        List<Node> items = y.sequence(node, field);
        List<String> tags = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String f = Yamls.index(field, i);
            String tag = y.text(items.get(i), f, ColumnLengths.TAG);
            Integer first = seen.putIfAbsent(org.feedhub.text.TextFold.fold(tag), i);
            if (first != null) throw y.error(items.get(i), f, "'" + tag + "' is listed twice");
            tags.add(tag);
        }
        return List.copyOf(tags);
    }

    private int limit(Node node, String field) {
        if (node == null) return TopicDef.DEFAULT_LIMIT;
        String problem =
                "must be a whole number from 1 to " + MAX_LIMIT + ", found " + Yamls.kind(node);
        if (!(node instanceof ScalarNode s) || !s.getValue().strip().matches("\\+?[0-9]{1,9}")) {
            throw y.error(node, field, problem);
        }
        int limit = Integer.parseInt(s.getValue().strip());
        if (limit < 1 || limit > MAX_LIMIT) throw y.error(node, field, problem);
        return limit;
    }
}
