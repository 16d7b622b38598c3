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

/**
 * The golden-file suites' one loader: {@code src/test/resources/golden/SUITE/}, a case per folder
 * (or per file stem), and the comparison of an actual output with its expected file. Run with
 * {@code -Dgolden.update=true} to write the actual outputs over the expected files instead (then
 * review the diff like code: the case's reason says what it must keep).
 */
public final class Golden {
    /** Regenerate the expected files instead of comparing against them. */
    public static final boolean UPDATE = Boolean.getBoolean("golden.update");

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
            Path source = Path.of("src/test/resources/golden", suite, file);
            try {
                Files.createDirectories(source.getParent());
                Files.writeString(source, actual.strip() + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        assertThat(actual.strip()).as(suite + "/" + file).isEqualTo(read(suite, file).strip());
    }
}
