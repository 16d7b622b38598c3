package org.feedhub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SnakeYAML ends a line at CR LF, LF, a lone CR, NEL, LS or PS; the excerpt and the indentation
 * hint must count lines the same way (a file saved with old Mac line ends is still a file to
 * explain, not a crash: fuzzing found an index out of bounds here).
 */
class YamlSlipsTest {
    static final Path FILE = Path.of("/nonexistent/feeds.yml");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"LF", "CR LF", "lone CR", "NEL", "LS", "PS"})
    void aKeyIndentedOffItsEntryIsExplainedWhateverTheLineEnds(String name) {
        String eol =
                switch (name) {
                    case "LF" -> "\n";
                    case "CR LF" -> "\r\n";
                    case "lone CR" -> "\r";
                    case "NEL" -> "\u0085";
                    case "LS" -> "\u2028";
                    default -> "\u2029";
                };
        String yaml =
                String.join(
                        eol,
                        "sources:",
                        "  - id: a",
                        "    url: https://a.example/feed",
                        "   title: A",
                        "");
        ConfigException e =
                catchThrowableOfType(
                        ConfigException.class, () -> FeedsConfigLoader.parse(yaml, FILE));
        assertThat(e).as(name).isNotNull();
        assertThat(e.getMessage()).endsWith(":4: not valid YAML: bad indentation");
        assertThat(e.excerpt())
                .startsWith("    4 |    title: A\n")
                .contains(
                        "hint: this line is indented 3 spaces but the keys above it are indented 4 spaces");
    }
}
