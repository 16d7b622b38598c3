package org.feedhub.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's settings table and the sample config/application.yml say what the properties records
 * say: every setting, its default and its meaning. With {@code -Dregenerate=true} the README's
 * table is rewritten instead of checked.
 */
class SettingsTableTest {
    static final Path README = Path.of("README.md");
    static final Path SAMPLE = Path.of("config/application.yml");
    static final String BEGIN = "<!-- settings table:";
    static final String END = "<!-- end of settings table -->";

    @Test
    void theReadmesTableIsTheOneTheRecordsMake() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int begin = readme.indexOf('\n', readme.indexOf("-->", readme.indexOf(BEGIN))) + 1;
        int end = readme.indexOf(END);
        assertThat(begin).as("the README's settings table markers").isPositive().isLessThan(end);
        String generated = SettingsTable.markdown();
        if (Boolean.getBoolean("regenerate")) {
            Files.writeString(
                    README,
                    readme.substring(0, begin) + generated + readme.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(readme.substring(begin, end))
                .as(
                        "README's settings table; to rewrite it from the records: ./mvnw -B test"
                                + " -Dtest=SettingsTableTest -Dregenerate=true")
                .isEqualTo(generated);
    }

    @Test
    void namesAreUniqueAndEveryOneHasAMeaning() {
        List<SettingsTable.Row> rows = SettingsTable.rows();
        assertThat(rows).extracting(SettingsTable.Row::name).doesNotHaveDuplicates();
        assertThat(rows).allSatisfy(r -> assertThat(r.meaning()).isNotBlank());
        // a few by hand, so the walk itself is checked too
        assertThat(rows)
                .contains(
                        new SettingsTable.Row("feedhub.feeds", "`feeds.yml`", "the editors' file"))
                .extracting(r -> r.name() + " " + r.defaultValue())
                .contains(
                        "feedhub.poll.concurrency `16`",
                        "feedhub.fetch.max-body-size `10MB`",
                        "feedhub.hub.retry-delay `2m`",
                        "feedhub.websub.max-push-size `5MB`",
                        "feedhub.dedup.window `3d`",
                        "feedhub.stop-wait `20s`");
    }

    /**
     * Each commented {@code name: value} of the sample is a setting, with its default as the value
     * unless its comment starts with "e.g.".
     */
    @Test
    void theSampleConfigNamesRealSettingsWithTheirDefaults() throws IOException {
        Map<String, SettingsTable.Row> defaults = new LinkedHashMap<>();
        for (SettingsTable.Row r : SettingsTable.rows()) defaults.put(r.name(), r);
        Pattern line = Pattern.compile("^#( *)([a-z-]+):(?: +([^#]*?))? *(?:# *(.*))?$");
        List<String> path = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (String l : Files.readAllLines(SAMPLE, StandardCharsets.UTF_8)) {
            Matcher m = line.matcher(l);
            if (!m.matches()) continue;
            int depth = (m.group(1).length() - 1) / 2;
            while (path.size() > depth) path.remove(path.size() - 1);
            path.add(m.group(2));
            String value = m.group(3);
            if (value == null || value.isEmpty() || !path.get(0).equals("feedhub")) continue;
            String name = String.join(".", path);
            assertThat(defaults).as("%s in %s", name, SAMPLE).containsKey(name);
            String comment = m.group(4) == null ? "" : m.group(4);
            if (!comment.startsWith("e.g.")) {
                // bound, so 60s and 1m are the same value
                String list = value.replaceAll("^\\[(.*)]$", "$1");
                assertThat(SettingsTable.rows(name + "=" + list))
                        .as("%s: %s in %s", name, value, SAMPLE)
                        .contains(defaults.get(name));
            }
            checked.add(name);
        }
        assertThat(checked).as("settings found in " + SAMPLE).hasSizeGreaterThan(20);
    }
}
