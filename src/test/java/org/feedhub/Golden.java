package org.feedhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The golden-file suites' one loader: {@code src/test/resources/golden/SUITE/}, a case per folder
 * (or per file stem), and the comparison of an actual output with its expected file. Run with
 * {@code -Dgolden.update=true} to write the actual outputs over the expected files instead (then
 * review the diff like code: the case's reason says what it must keep).
 */
public final class Golden {
    /** Regenerate the expected files instead of comparing against them. */
    public static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Two-space indents, {@code "key": value}, an array's elements a line each, as written by hand.
     */
    private static final DefaultPrettyPrinter LAYOUT =
            new DefaultPrettyPrinter(
                            Separators.createDefaultInstance()
                                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                                    .withArrayEmptySeparator(""))
                    .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);

    private Golden() {}

    /** The suite's folder on the test classpath. */
    public static Path root(String suite) {
        try {
            return Path.of(Golden.class.getResource("/golden/" + suite).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The suite's cases, one per folder, sorted. */
    public static Stream<String> folders(String suite) {
        try (Stream<Path> dirs = Files.list(root(suite))) {
            return dirs
                    .filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The suite's cases, one per file ending in {@code suffix} (the name without it), sorted. */
    public static Stream<String> stems(String suite, String suffix) {
        try (Stream<Path> files = Files.list(root(suite))) {
            List<String> names =
                    files.map(f -> f.getFileName().toString())
                            .filter(n -> n.endsWith(suffix))
                            .map(n -> n.substring(0, n.length() - suffix.length()))
                            .sorted()
                            .toList();
            return names.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of the suite, as UTF-8 text. */
    public static String read(String suite, String file) {
        try {
            return Files.readString(root(suite).resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that {@code actual} is the expected file's text (both stripped); with {@code
     * golden.update} writes it into the source tree's expected file instead.
     */
    public static void assertMatches(String suite, String file, String actual) {
        if (UPDATE) {
            write(suite, file, actual);
            return;
        }
        assertThat(actual.strip()).as(suite + "/" + file).isEqualTo(read(suite, file).strip());
    }

    /** The suite's JSON file, parsed. */
    public static JsonNode readJson(String suite, String file) {
        return JSON.readTree(read(suite, file));
    }

    /**
     * Asserts that {@code actual} is the expected JSON file's content (as a tree: the file's layout
     * and key order are free; a difference is shown pretty-printed); with {@code golden.update}
     * writes it, pretty-printed, into the source tree's expected file instead.
     */
    public static void assertJsonMatches(String suite, String file, JsonNode actual) {
        String pretty = JSON.writer().with(LAYOUT).writeValueAsString(actual);
        if (UPDATE) {
            write(suite, file, pretty);
            return;
        }
        JsonNode expected = readJson(suite, file);
        if (!expected.equals(actual)) {
            assertThat(pretty)
                    .as(suite + "/" + file)
                    .isEqualTo(JSON.writer().with(LAYOUT).writeValueAsString(expected));
        }
    }

    /** A new JSON object, for building an actual output. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** The {@code why} of a case's expected JSON file: the reason the case exists, or "". */
    public static String why(String suite, String file) {
        return readJson(suite, file).path("why").asString("");
    }

    /**
     * A new actual output that starts with the expected file's {@code why}: the reason is the
     * reader's, not the code's, and survives {@code golden.update}.
     */
    public static ObjectNode objectWithWhy(String suite, String file) {
        ObjectNode o = object();
        o.put("why", why(suite, file));
        return o;
    }

    private static void write(String suite, String file, String text) {
        Path source = Path.of("src/test/resources/golden", suite, file);
        try {
            Files.createDirectories(source.getParent());
            Files.writeString(source, text.strip() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
