package org.feedhub.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stored stories' tags, read and rewritten a page at a time ({@code retag}), and the topic filing
 * before and after, to report what changed.
 */
public class StoredTags {
    private static final int PAGE = 500;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public StoredTags(JdbcTemplate jdbc, PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
    }

    /** A stored story as tagging reads it. */
    public record Row(
            long id, String title, String text, List<String> tags, List<String> carriers) {}

    /** Decides a story's new tags (null: unchanged). */
    public interface Rule {
        List<String> retag(Row row);
    }

    /**
     * Applies {@code rule} to every stored story, each page in one transaction. @return how many
     * stories were read
     */
    public int rewriteAll(Rule rule) {
        long after = -1;
        int read = 0;
        while (true) {
            List<Row> rows = page(after);
            if (rows.isEmpty()) return read;
            read += rows.size();
            after = rows.get(rows.size() - 1).id();
            tx.executeWithoutResult(
                    status -> {
                        for (Row r : rows) {
                            List<String> tags = rule.retag(r);
                            if (tags == null || tags.equals(r.tags())) continue;
                            jdbc.update("DELETE FROM story_tag WHERE story_id = ?", r.id());
                            Set<String> seen = new HashSet<>();
                            List<Object[]> inserts = new ArrayList<>();
                            for (String t : tags) {
                                String cut = Sql.cut(t, 200);
                                if (seen.add(cut)) inserts.add(new Object[] {r.id(), cut});
                            }
                            jdbc.batchUpdate(
                                    "INSERT INTO story_tag (story_id, tag) VALUES (?, ?)", inserts);
                        }
                    });
        }
    }

    private List<Row> page(long after) {
        Map<Long, String[]> stories = new java.util.LinkedHashMap<>();
        jdbc.query(
                "SELECT id, title, text_content FROM story WHERE id > ? ORDER BY id LIMIT ?",
                rs -> {
                    stories.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                },
                after,
                PAGE);
        if (stories.isEmpty()) return List.of();
        long first = stories.keySet().iterator().next();
        long last = first;
        for (long id : stories.keySet()) last = id;
        Map<Long, List<String>> tags = new HashMap<>();
        jdbc.query(
                "SELECT story_id, tag FROM story_tag WHERE story_id BETWEEN ? AND ? ORDER BY story_id, tag",
                rs -> {
                    tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(rs.getString(2));
                },
                first,
                last);
        Map<Long, List<String>> carriers = new HashMap<>();
        jdbc.query(
                "SELECT story_id, source_id FROM carrier WHERE story_id BETWEEN ? AND ? ORDER BY story_id, first_seen_at",
                rs -> {
                    carriers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(rs.getString(2));
                },
                first,
                last);
        List<Row> rows = new ArrayList<>();
        stories.forEach(
                (id, s) ->
                        rows.add(
                                new Row(
                                        id,
                                        s[0],
                                        s[1],
                                        tags.getOrDefault(id, List.of()),
                                        carriers.getOrDefault(id, List.of()))));
        return rows;
    }

    /** Every (topic, story) filing, as {@code topic|storyId}. */
    public Set<String> filings() {
        Set<String> out = new HashSet<>();
        jdbc.query(
                "SELECT topic_id, story_id FROM topic_story",
                rs -> {
                    out.add(rs.getString(1) + "|" + rs.getLong(2));
                });
        return out;
    }

    /** Every (tag, story) pair, as {@code tag|storyId}. */
    public Set<String> tagPairs() {
        Set<String> out = new HashSet<>();
        jdbc.query(
                "SELECT tag, story_id FROM story_tag",
                rs -> {
                    out.add(rs.getString(1) + "|" + rs.getLong(2));
                });
        return out;
    }
}
