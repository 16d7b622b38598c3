package org.feedhub.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.feedhub.normalize.Story;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds one stored story as topic matching sees it (title, summary, text, tags) with the sources
 * that carried it and the topics it is filed under: for {@code explain}. Read-only.
 */
public class StoryLookup {
    private final JdbcTemplate jdbc;

    public StoryLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored story with what decides and records its topics. */
    public record Found(
            long id, String link, Story story, List<String> carriers, Set<String> topics) {}

    /**
     * By the story's canonical link, else an item link or guid a source gave, else (all digits) its
     * id.
     *
     * @param canonical {@code link} canonicalized the way stories are stored, may be null
     */
    public Optional<Found> find(String link, String canonical) {
        List<Long> ids = List.of();
        if (canonical != null)
            ids =
                    jdbc.queryForList(
                            "SELECT id FROM story WHERE canonical_url = ?", Long.class, canonical);
        if (ids.isEmpty())
            ids =
                    jdbc.queryForList(
                            "SELECT story_id FROM carrier WHERE link = ? OR guid = ? ORDER BY first_seen_at",
                            Long.class,
                            link,
                            link);
        if (ids.isEmpty() && link.matches("\\d{1,18}"))
            ids =
                    jdbc.queryForList(
                            "SELECT id FROM story WHERE id = ?", Long.class, Long.parseLong(link));
        return ids.isEmpty() ? Optional.empty() : Optional.of(load(ids.get(0)));
    }

    private Found load(long id) {
        List<String> tags =
                jdbc.queryForList(
                        "SELECT tag FROM story_tag WHERE story_id = ? ORDER BY tag",
                        String.class,
                        id);
        List<String> carriers =
                jdbc.queryForList(
                        "SELECT source_id FROM carrier WHERE story_id = ? ORDER BY first_seen_at, source_id",
                        String.class,
                        id);
        Set<String> topics =
                new LinkedHashSet<>(
                        jdbc.queryForList(
                                "SELECT topic_id FROM topic_story WHERE story_id = ? ORDER BY topic_id",
                                String.class,
                                id));
        return jdbc.queryForObject(
                "SELECT id, canonical_url, title, summary, text_content, published_at FROM story WHERE id = ?",
                (rs, i) -> {
                    Instant published = Sql.instant(rs, "published_at");
                    String text = rs.getString("text_content");
                    Story s =
                            new Story(
                                    null,
                                    null,
                                    rs.getString("canonical_url"),
                                    rs.getString("canonical_url"),
                                    rs.getString("title"),
                                    null,
                                    published,
                                    published,
                                    null,
                                    text == null || text.isEmpty()
                                            ? List.of()
                                            : Arrays.asList(text.split("\n")),
                                    List.of(),
                                    null,
                                    tags,
                                    rs.getString("summary"));
                    return new Found(
                            id,
                            rs.getString("canonical_url"),
                            s,
                            List.copyOf(new LinkedHashSet<>(carriers)),
                            topics);
                },
                id);
    }
}
