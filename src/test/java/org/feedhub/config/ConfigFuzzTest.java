package org.feedhub.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.List;

/**
 * Fuzz tests of the configuration's outside inputs: feeds.yml text and an OPML file to import. A
 * plain build replays the inputs under {@code ConfigFuzzTestInputs/METHOD/}; {@code JAZZER_FUZZ=1}
 * with {@code -Dtest=ConfigFuzzTest#METHOD} fuzzes that one test. Inputs are raw bytes.
 */
class ConfigFuzzTest {
    static final Path FILE = Path.of("/nonexistent/feedhub-fuzz/feeds.yml");
    static final String EXISTING =
            """
            sources:
              - id: existing
                url: https://existing.test/feed
            """;
    static final FeedsConfig EXISTING_CONFIG = FeedsConfigLoader.parse(EXISTING, FILE);

    /** Any text as feeds.yml: a configuration, or a ConfigException that says why; nothing else. */
    @FuzzTest(maxDuration = "30s")
    void feedsYml(byte[] input) {
        try {
            FeedsConfig config = FeedsConfigLoader.parse(new String(input, UTF_8), FILE);
            assertThat(config.sources()).isNotEmpty();
        } catch (ConfigException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    /**
     * Any bytes as an OPML file to import: refused as not OPML, or feeds whose folders are within
     * their bounds; merged into a feeds.yml, the result loads with the old source and every added
     * one (or is refused as a whole with a ConfigException): a title or URL can never rewrite the
     * file's structure.
     */
    @FuzzTest(maxDuration = "30s")
    void opmlImport(byte[] input) {
        List<OpmlImport.Feed> feeds;
        try {
            feeds = OpmlImport.feeds(input);
        } catch (IllegalArgumentException refused) {
            return;
        }
        for (OpmlImport.Feed f : feeds) {
            assertThat(f.folders()).hasSizeLessThanOrEqualTo(8);
            f.folders().forEach(name -> assertThat(name).hasSizeLessThanOrEqualTo(100));
        }
        OpmlImport.Result r = OpmlImport.merge(EXISTING, EXISTING_CONFIG, feeds);
        FeedsConfig merged;
        try {
            merged = FeedsConfigLoader.parse(r.yaml(), FILE);
        } catch (ConfigException refused) {
            return;
        }
        assertThat(merged.source("existing")).isPresent();
        for (String id : r.added()) assertThat(merged.source(id)).as(id).isPresent();
        assertThat(merged.sources()).hasSize(1 + r.added().size());
    }
}
