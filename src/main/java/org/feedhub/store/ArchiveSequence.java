package org.feedhub.store;

import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each story's place in its topic's archive ({@code topic_story.archive_seq}): 1, 2, 3 … in the
 * order stories joined the topic, given once and kept. Numbering is optimistic: the unique index on
 * (topic, place) makes a second instance numbering at the same moment fail and try again.
 */
final class ArchiveSequence {
    private static final int ATTEMPTS = 5;
    private final JdbcTemplate jdbc;

    ArchiveSequence(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Numbers the topic's stories that have no place yet; returns the highest place. */
    long number(String topicId) {
        for (int attempt = 1; ; attempt++) {
            try {
                return numberOnce(topicId);
            } catch (DuplicateKeyException raced) {
                if (attempt >= ATTEMPTS) throw raced;
            }
        }
    }

    private long numberOnce(String topicId) {
        long max =
                jdbc.queryForObject(
                        "SELECT COALESCE(MAX(archive_seq), 0) FROM topic_story WHERE topic_id = ?",
                        Long.class,
                        topicId);
        // Row order: the order the old archive used, and for later joiners the order they came in.
        List<Long> unnumbered =
                jdbc.queryForList(
                        "SELECT story_id FROM topic_story WHERE topic_id = ? AND archive_seq IS NULL "
                                + "ORDER BY story_id",
                        Long.class,
                        topicId);
        if (unnumbered.isEmpty()) return max;
        List<Object[]> rows = new ArrayList<>(unnumbered.size());
        for (long storyId : unnumbered) rows.add(new Object[] {++max, topicId, storyId});
        jdbc.batchUpdate(
                "UPDATE topic_story SET archive_seq = ? WHERE topic_id = ? AND story_id = ? "
                        + "AND archive_seq IS NULL",
                rows);
        return max;
    }

    /** The stories with places {@code from..to} (inclusive), newest first as in the live feed. */
    List<Long> storiesAt(String topicId, long from, long to) {
        return jdbc.queryForList(
                "SELECT story_id FROM topic_story WHERE topic_id = ? AND archive_seq BETWEEN ? AND ? "
                        + "ORDER BY published_at DESC, story_id DESC",
                Long.class,
                topicId,
                from,
                to);
    }
}
