package org.feedhub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.feedhub.config.SourceDef;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The settings of a Spring test of the database alone: a feeds.yml (in a fresh folder) naming
 * sources at {@code https://ID.test/feed}, which no test fetches, and one topic {@code all}; no
 * scheduled passes; the test database.
 */
public final class OfflineSources {
    private OfflineSources() {}

    /** Writes the feeds.yml of {@code ids} and registers it, no schedule and the test database. */
    public static void register(DynamicPropertyRegistry r, String name, String... ids) {
        StringBuilder yml = new StringBuilder("sources:\n");
        for (String id : ids)
            yml.append("  - id: ").append(id).append("\n    url: ").append(url(id)).append('\n');
        yml.append("topics:\n  - id: all\n    title: All\n");
        try {
            Path feeds = Files.createTempDirectory("feedhub-" + name).resolve("feeds.yml");
            Files.writeString(feeds, yml);
            r.add("feedhub.feeds", feeds::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        r.add("feedhub.schedule.enabled", () -> "false");
        TestDatabase.register(r, name);
    }

    /** The definition of source {@code id}, as feeds.yml states it (every 15 minutes). */
    public static SourceDef def(String id) {
        return new SourceDef(id, url(id), null, Duration.ofMinutes(15), List.of(), null);
    }

    private static String url(String id) {
        return "https://" + id + ".test/feed";
    }
}
