package org.feedhub.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed reads of composed YAML nodes for one feeds.yml. Every failure is a {@link ConfigException}
 * carrying the 1-based line of the node at fault and the field path the caller passed in. Scalars
 * are read as the text the editor wrote, so {@code no} stays "no" and {@code 1.10} stays "1.10".
 */
final class Yamls {

    static final Pattern ID = Pattern.compile("[a-z0-9-]+");

    private final String file;

    Yamls(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    static String child(String field, String key) {
        return field.isEmpty() ? key : field + "." + key;
    }

    static String index(String field, int i) {
        return field + "[" + i + "]";
    }

    static boolean isNull(Node node) {
        return node == null || node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    ConfigException error(Node node, String field, String problem) {
        return new ConfigException(file, line(node), field, problem);
    }

    /**
     * The entries of a mapping in file order, keyed by name. Refuses non-mappings, keys that are
     * not plain names, repeated keys and, when {@code allowed} is given, keys outside it.
     */
    Map<String, NodeTuple> mapping(Node node, String field, List<String> allowed) {
        if (!(node instanceof MappingNode map)) {
            throw error(node, field, "expected a mapping (key: value lines), found " + kind(node));
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            Node keyNode = t.getKeyNode();
            if (!(keyNode instanceof ScalarNode k) || isNull(k) || k.getValue().isBlank()) {
                throw error(keyNode, field, "expected a name as key, found " + kind(keyNode));
            }
            String key = k.getValue();
            if (allowed != null && !allowed.contains(key)) {
                throw error(
                        keyNode,
                        child(field, key),
                        "unknown key '" + key + "' (allowed: " + String.join(", ", allowed) + ")");
            }
            NodeTuple first = entries.putIfAbsent(key, t);
            if (first != null) {
                throw error(
                        keyNode,
                        child(field, key),
                        "duplicate key '"
                                + key
                                + "' (first on line "
                                + line(first.getKeyNode())
                                + ")");
            }
        }
        return entries;
    }

    /** The value under {@code key}, or null when the key is absent or has no value. */
    static Node optional(Map<String, NodeTuple> map, String key) {
        NodeTuple t = map.get(key);
        return t == null || isNull(t.getValueNode()) ? null : t.getValueNode();
    }

    /**
     * The value under {@code key}; {@code owner} is the mapping, whose line is reported when the
     * key is missing.
     */
    Node required(Map<String, NodeTuple> map, String key, Node owner, String field) {
        NodeTuple t = map.get(key);
        if (t == null) throw error(owner, child(field, key), "missing (required)");
        if (isNull(t.getValueNode()))
            throw error(t.getKeyNode(), child(field, key), "has no value (required)");
        return t.getValueNode();
    }

    List<Node> sequence(Node node, String field) {
        if (!(node instanceof SequenceNode seq)) {
            throw error(
                    node,
                    field,
                    "expected a list ([a, b] or one '- item' per line), found " + kind(node));
        }
        return seq.getValue();
    }

    /** A non-empty piece of text; numbers and booleans are taken as written. */
    String text(Node node, String field) {
        if (!(node instanceof ScalarNode s) || isNull(s)) {
            throw error(node, field, "expected text, found " + kind(node));
        }
        String value = s.getValue().strip();
        if (value.isEmpty()) throw error(node, field, "is empty");
        return value;
    }

    /** Text of at most {@code max} characters (a database column's length). */
    String text(Node node, String field, int max) {
        String value = text(node, field);
        if (value.length() > max) throw tooLong(node, field, value, max);
        return value;
    }

    /** The error for a value longer than its column. */
    ConfigException tooLong(Node node, String field, String value, int max) {
        return error(
                node, field, "is " + value.length() + " characters long; at most " + max + " fit");
    }

    /** As {@link #texts(Node, String)}, each of at most {@code max} characters. */
    List<String> texts(Node node, String field, int max) {
        if (isNull(node)) return List.of();
        List<Node> items = sequence(node, field);
        List<String> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(text(items.get(i), index(field, i), max));
        }
        return List.copyOf(out);
    }

    /** An id: text (not a number) matching {@code [a-z0-9-]+}, at most 100 characters. */
    String id(Node node, String field) {
        if (node instanceof ScalarNode s
                && (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
            throw error(
                    node, field, s.getValue() + " is a number; an id is text matching [a-z0-9-]+");
        }
        String id = text(node, field, ColumnLengths.ID);
        if (!ID.matcher(id).matches()) {
            throw error(
                    node,
                    field,
                    "'" + id + "' is not a valid id (use lower-case letters, digits and '-')");
        }
        return id;
    }

    /** A list of non-empty texts; a missing value is an empty list. */
    List<String> texts(Node node, String field) {
        if (isNull(node)) return List.of();
        List<Node> items = sequence(node, field);
        List<String> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(text(items.get(i), index(field, i)));
        }
        return List.copyOf(out);
    }

    /**
     * {@code true} or {@code false} (any case); YAML 1.1's yes/no/on/off are refused as ambiguous.
     */
    boolean bool(Node node, String field) {
        if (node instanceof ScalarNode s && !isNull(s)) {
            String v = s.getValue().strip();
            if (v.equalsIgnoreCase("true")) return true;
            if (v.equalsIgnoreCase("false")) return false;
        }
        throw error(node, field, "must be true or false, found " + kind(node));
    }

    /** An interval as {@link Durations#parse} reads it. */
    Duration interval(Node node, String field) {
        String text = text(node, field);
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(node, field, e.getMessage());
        }
    }

    static String kind(Node node) {
        if (isNull(node)) return "nothing";
        if (node instanceof MappingNode) return "a mapping";
        if (node instanceof SequenceNode) return "a list";
        String v = ((ScalarNode) node).getValue();
        return "\"" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "\"";
    }
}
