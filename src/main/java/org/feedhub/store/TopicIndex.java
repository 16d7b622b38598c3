package org.feedhub.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.feedhub.normalize.Story;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps topic membership in line with the topic definitions: when an editor changes a topic's
 * sources or match rules, every stored story is judged again, so the feed shows what the new rule
 * says.
 */
public class TopicIndex {
    // The stored key keeps its first name, so existing databases are not reindexed for a rename.
    private static final String RULES_KEY = "topics.fingerprint";
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final StoryStore stories;

    public TopicIndex(JdbcTemplate jdbc, PlatformTransactionManager txManager, StoryStore stories) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        this.stories = stories;
    }

    /** Stories filed per topic (for the reload log line). */
    public java.util.Map<String, Long> counts() {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        jdbc.query(
                "SELECT topic_id, COUNT(*) FROM topic_story GROUP BY topic_id",
                rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    /** Makes the next {@link #reindexIfChanged} re-file every story (after a {@code retag}). */
    public void forgetRulesKey() {
        jdbc.update("DELETE FROM store_meta WHERE meta_key = ?", RULES_KEY);
    }

    /**
     * @param topicRulesKey changes whenever something that decides topic membership changes
     * @return true when the definitions had changed and the index was rebuilt
     */
    public boolean reindexIfChanged(
            String topicRulesKey, Set<String> topicIds, TopicAssigner assigner, Instant now) {
        String stored =
                jdbc
                        .query(
                                "SELECT meta_value FROM store_meta WHERE meta_key = ?",
                                (rs, i) -> rs.getString(1),
                                RULES_KEY)
                        .stream()
                        .findFirst()
                        .orElse(null);
        if (topicRulesKey.equals(stored)) return false;
        tx.executeWithoutResult(
                status -> {
                    // A story that stays in a topic keeps the version it joined in and its place in
                    // the topic's archive; one that joins now joins in the version bumped below
                    // (the
                    // hub delivers it as new) and is given the next archive place.
                    Map<String, Object[]> kept = new HashMap<>();
                    Map<String, Set<Long>> before = new HashMap<>();
                    jdbc.query(
                            "SELECT topic_id, story_id, added_version, archive_seq FROM topic_story",
                            rs -> {
                                String topic = rs.getString(1);
                                long story = rs.getLong(2);
                                before.computeIfAbsent(topic, k -> new HashSet<>()).add(story);
                                kept.put(
                                        topic + "|" + story,
                                        new Object[] {rs.getObject(3), rs.getObject(4)});
                            });
                    jdbc.update("DELETE FROM topic_story");
                    Map<Long, List<String>> carriers = new HashMap<>();
                    jdbc.query(
                            "SELECT story_id, source_id FROM carrier",
                            rs -> {
                                carriers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                        .add(rs.getString(2));
                            });
                    Map<Long, List<String>> tags = new HashMap<>();
                    jdbc.query(
                            "SELECT story_id, tag FROM story_tag",
                            rs -> {
                                tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                        .add(rs.getString(2));
                            });
                    List<Object[]> rows = new ArrayList<>();
                    Map<String, Set<Long>> after = new HashMap<>();
                    jdbc.query(
                            "SELECT id, title, summary, text_content, published_at FROM story",
                            rs -> {
                                long id = rs.getLong("id");
                                Instant published = Sql.instant(rs, "published_at");
                                String text = rs.getString("text_content");
                                Story s =
                                        new Story(
                                                null,
                                                null,
                                                null,
                                                null,
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
                                                tags.getOrDefault(id, List.of()),
                                                rs.getString("summary"));
                                Set<String> joined = new LinkedHashSet<>();
                                for (String source : carriers.getOrDefault(id, List.of()))
                                    joined.addAll(assigner.topicsFor(source, s));
                                for (String topic : joined) {
                                    Object[] k = kept.get(topic + "|" + id);
                                    rows.add(
                                            new Object[] {
                                                topic,
                                                id,
                                                Sql.ts(published),
                                                k == null ? null : k[0],
                                                k == null ? null : k[1]
                                            });
                                    after.computeIfAbsent(topic, t -> new HashSet<>()).add(id);
                                }
                            });
                    jdbc.batchUpdate(
                            "INSERT INTO topic_story (topic_id, story_id, published_at, added_version, archive_seq) "
                                    + "VALUES (?, ?, ?, ?, ?)",
                            rows);
                    // Only a topic whose stories changed has changed: the others keep their
                    // version and time (their feeds, Last-Modified and "last update" stay).
                    Set<String> touched = new LinkedHashSet<>(topicIds);
                    touched.addAll(before.keySet());
                    for (String topic : touched) {
                        if (!before.getOrDefault(topic, Set.of())
                                .equals(after.getOrDefault(topic, Set.of())))
                            stories.bumpTopic(topic, now);
                    }
                    if (stored == null) {
                        jdbc.update(
                                "INSERT INTO store_meta (meta_key, meta_value) VALUES (?, ?)",
                                RULES_KEY,
                                topicRulesKey);
                    } else {
                        jdbc.update(
                                "UPDATE store_meta SET meta_value = ? WHERE meta_key = ?",
                                topicRulesKey,
                                RULES_KEY);
                    }
                });
        return true;
    }
}
