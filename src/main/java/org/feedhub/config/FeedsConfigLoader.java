package org.feedhub.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads and validates feeds.yml. Only the YAML node tree is composed, never Java objects, so a
 * feeds.yml cannot instantiate anything; every problem is reported as a {@link ConfigException}
 * naming the line and the field.
 */
public final class FeedsConfigLoader {

    private static final List<String> TOP_KEYS = List.of("defaults", "sources", "topics", "tags");
    private static final List<String> DEFAULTS_KEYS = List.of("every", "keep", "stem");
    private static final List<String> TAG_KEYS = List.of("phrases", "stem");

    private final Yamls y;
    private final Path file;

    private FeedsConfigLoader(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.y = new Yamls(file.toString());
    }

    /** Reads the file as UTF-8 and validates it. */
    public static FeedsConfig load(Path feedsYml) {
        String text;
        try {
            text = Files.readString(feedsYml, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(feedsYml.toString(), 0, "", "no such file");
        } catch (CharacterCodingException e) {
            throw new ConfigException(feedsYml.toString(), 0, "", "is not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(feedsYml.toString(), 0, "", "cannot be read: " + e);
        }
        return parse(text, feedsYml);
    }

    /**
     * Validates feeds.yml text.
     *
     * @param file where the text came from: named in messages as given, and the folder {@code
     *     file:} URLs are relative to
     */
    public static FeedsConfig parse(String yamlText, Path file) {
        return new FeedsConfigLoader(file).read(yamlText);
    }

    private FeedsConfig read(String text) {
        Node root = compose(text);
        if (Yamls.isNull(root)) {
            throw new ConfigException(
                    y.file(), 1, "", "is empty; it needs at least a sources: list");
        }
        Map<String, NodeTuple> top = y.mapping(root, "", TOP_KEYS);
        Defaults defaults = defaults(Yamls.optional(top, "defaults"));
        Node sourcesNode = Yamls.optional(top, "sources");
        if (sourcesNode == null) {
            int line = top.containsKey("sources") ? Yamls.line(top.get("sources").getKeyNode()) : 1;
            throw new ConfigException(
                    y.file(), line, "sources", "no sources; add at least one with an id and a url");
        }
        List<SourceDef> sources =
                new SourceReader(y, file.getParent(), defaults.every()).read(sourcesNode);
        List<TagDef> tags = tags(Yamls.optional(top, "tags"), defaults.stem());
        Set<String> ids =
                sources.stream().map(SourceDef::id).collect(Collectors.toUnmodifiableSet());
        List<TopicDef> topics =
                new TopicReader(y, ids, defaults.stem()).read(Yamls.optional(top, "topics"));
        return new FeedsConfig(file, defaults, sources, topics, tags);
    }

    private Node compose(String text) {
        try {
            return new Yaml().compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            YamlSlips.Slip slip = YamlSlips.explain(text, e);
            throw new ConfigException(
                    y.file(), slip.line(), "", "not valid YAML: " + slip.problem(), slip.excerpt());
        } catch (ReaderException e) {
            throw new ConfigException(
                    y.file(),
                    lineAt(text, e.getPosition()),
                    "",
                    "not valid YAML: character U+"
                            + Integer.toHexString(e.getCodePoint()).toUpperCase()
                            + " is not allowed");
        } catch (YAMLException e) {
            throw new ConfigException(y.file(), 0, "", "not valid YAML: " + e.getMessage());
        }
    }

    // ReaderException counts code points; close enough for the rare file with a control character
    // in it.
    private static int lineAt(String text, int position) {
        int end = Math.min(Math.max(position, 0), text.length());
        return (int) text.substring(0, end).chars().filter(c -> c == '\n').count() + 1;
    }

    private Defaults defaults(Node node) {
        if (node == null) return Defaults.BUILT_IN;
        Map<String, NodeTuple> map = y.mapping(node, "defaults", DEFAULTS_KEYS);
        Node every = Yamls.optional(map, "every");
        Node keep = Yamls.optional(map, "keep");
        Node stem = Yamls.optional(map, "stem");
        return new Defaults(
                every == null ? Defaults.BUILT_IN.every() : y.interval(every, "defaults.every"),
                keep == null ? Defaults.BUILT_IN.keep() : y.interval(keep, "defaults.keep"),
                stem == null ? Defaults.BUILT_IN.stem() : y.bool(stem, "defaults.stem"));
    }

    /**
     * {@code tags:}: each tag is a list of phrases ({@code Syria: [syria, damascus]}) or a mapping
     * with the phrases and its own stem setting ({@code Lavrov: {phrases: [lavrov], stem: true}}).
     */
    private List<TagDef> tags(Node node, boolean defaultStem) {
        if (node == null) return List.of();
        List<TagDef> tags = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Map.Entry<String, NodeTuple> e : y.mapping(node, "tags", null).entrySet()) {
            String name = e.getKey().strip();
            String field = Yamls.child("tags", e.getKey());
            Node keyNode = e.getValue().getKeyNode();
            if (name.length() > ColumnLengths.TAG)
                throw y.tooLong(keyNode, field, name, ColumnLengths.TAG);
            String other = seen.putIfAbsent(org.feedhub.text.TextFold.fold(name), name);
            if (other != null) {
                throw y.error(
                        keyNode,
                        field,
                        "'"
                                + name
                                + "' is the same tag as '"
                                + other
                                + "' (tags are compared ignoring case and accents); merge their phrases");
            }
            Node value = e.getValue().getValueNode();
            Node phrasesNode = value;
            boolean stem = defaultStem;
            String phrasesField = field;
            if (value instanceof MappingNode) {
                Map<String, NodeTuple> map = y.mapping(value, field, TAG_KEYS);
                phrasesNode = Yamls.optional(map, "phrases");
                phrasesField = field + ".phrases";
                Node stemNode = Yamls.optional(map, "stem");
                if (stemNode != null) stem = y.bool(stemNode, field + ".stem");
                if (phrasesNode == null) {
                    throw y.error(
                            map.containsKey("phrases") ? map.get("phrases").getKeyNode() : value,
                            phrasesField,
                            "a tag needs at least one phrase");
                }
            } else if (value instanceof ScalarNode && !Yamls.isNull(value)) {
                throw y.error(
                        value,
                        field,
                        "expected a list of phrases ([syria, damascus]) or a mapping "
                                + "({phrases: [...], stem: true}), found "
                                + Yamls.kind(value));
            }
            List<String> phrases = y.texts(phrasesNode, phrasesField);
            if (phrases.isEmpty()) {
                throw y.error(
                        Yamls.isNull(phrasesNode) ? keyNode : phrasesNode,
                        phrasesField,
                        "a tag needs at least one phrase");
            }
            tags.add(new TagDef(name, phrases, stem));
        }
        return List.copyOf(tags);
    }
}
