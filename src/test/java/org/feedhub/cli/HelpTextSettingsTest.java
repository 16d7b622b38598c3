package org.feedhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.feedhub.app.SettingsTable;
import org.junit.jupiter.api.Test;

/** The settings {@code help} mentions exist, and a default it states is the real one. */
class HelpTextSettingsTest {
    @Test
    void helpNamesRealSettingsAndTheirRealDefaults() {
        Map<String, String> defaults =
                SettingsTable.rows().stream()
                        .collect(
                                Collectors.toMap(
                                        SettingsTable.Row::name,
                                        r -> r.defaultValue().replace("`", "")));
        Matcher m =
                Pattern.compile("--(feedhub\\.[a-z.-]+)=\\S+ +[^\\n(]*(?:\\(default: ([^)]+)\\))?")
                        .matcher(HelpText.TEXT);
        List<String> seen = new ArrayList<>();
        while (m.find()) {
            assertThat(defaults).as("help mentions %s", m.group(1)).containsKey(m.group(1));
            if (m.group(2) != null)
                assertThat(m.group(2))
                        .as("help's default of " + m.group(1))
                        .isEqualTo(defaults.get(m.group(1)));
            seen.add(m.group(1));
        }
        assertThat(seen).contains("feedhub.feeds", "feedhub.schedule.tick");
    }
}
