package org.feedhub.store;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.feedhub.dedup.GuidPolicy;
import org.feedhub.dedup.Traits;
import org.feedhub.normalize.Story;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one source's poll in one transaction: its new stories, carriers, tags, topic links and its
 * fetch state together. A process killed mid-pass therefore leaves each source either fully written
 * (and no longer due) or untouched (still due); unique keys make a repeated write add nothing.
 */
public class StoryStore {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final SourceStore sources;
    private final NearDuplicates nearDuplicates;

    public StoryStore(
            JdbcTemplate jdbc,
            PlatformTransactionManager txManager,
            SourceStore sources,
            NearDuplicates nearDuplicates) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        // Its own transaction per source, whatever the caller holds: one source's failure rolls
        // back only itself.
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.sources = sources;
        this.nearDuplicates = nearDuplicates;
    }

    /**
     * @param nextDue when the source is due again (the writer's schedule or backoff decision)
     */
    public WriteCounts apply(FetchOutcome o, Instant now, Instant nextDue, TopicAssigner topics) {
        try {
            return tx.execute(status -> write(o, now, nextDue, topics));
        } catch (DuplicateKeyException race) {
            // Another instance stored the same canonical link between our lookup and insert: once
            // more sees it.
            return tx.execute(status -> write(o, now, nextDue, topics));
        }
    }

    private WriteCounts write(FetchOutcome o, Instant now, Instant nextDue, TopicAssigner topics) {
        if (o.failed()) {
            sources.recordFailure(
                    o.sourceId(),
                    now,
                    o.httpStatus(),
                    o.error(),
                    nextDue,
                    o.kind() == FetchOutcome.Kind.GONE);
            return WriteCounts.NONE;
        }
        int added = 0, merged = 0, updated = 0, unchanged = 0, forgotten = 0;
        Set<String> changedTopics = new HashSet<>();
        boolean byLink =
                "link"
                        .equals(
                                jdbc.queryForObject(
                                        "SELECT guid_policy FROM source WHERE id = ?",
                                        String.class,
                                        o.sourceId()));
        if (!byLink && GuidPolicy.guidsReused(o.stories())) {
            byLink = true;
            useLinks(o.sourceId(), "the feed gives one guid to different links");
        }
        Map<String, Story> byKey = new LinkedHashMap<>();
        for (Story s : o.stories()) {
            Story keyed = byLink ? GuidPolicy.keyedByLink(s) : s;
            byKey.putIfAbsent(keyed.itemKey(), keyed); // a feed listing an item twice
        }
        for (Story s : byKey.values()) {
            Optional<long[]> known =
                    jdbc
                            .query(
                                    "SELECT c.story_id, CASE WHEN st.content_hash = ? THEN 1 ELSE 0 END AS same FROM carrier c "
                                            + "JOIN story st ON st.id = c.story_id WHERE c.source_id = ? AND c.item_key = ?",
                                    (rs, i) -> new long[] {rs.getLong(1), rs.getInt(2)},
                                    s.contentHash(),
                                    o.sourceId(),
                                    s.itemKey())
                            .stream()
                            .findFirst();
            if (known.isPresent()) {
                if (known.get()[1] == 1) {
                    unchanged++;
                } else {
                    updateStory(known.get()[0], s, now);
                    link(
                            known.get()[0],
                            o.sourceId(),
                            s,
                            topics,
                            changedTopics,
                            true,
                            publishedOf(known.get()[0]));
                    updated++;
                }
                continue;
            }
            if (isTombstoned(o.sourceId(), s.itemKey())) {
                forgotten++;
                continue;
            }
            // An unknown key but a link this source already carries: the feed gave the item a new
            // guid.
            Optional<long[]> sameLink =
                    s.canonicalUrl() == null
                            ? Optional.empty()
                            : jdbc
                                    .query(
                                            "SELECT c.story_id, CASE WHEN st.content_hash = ? THEN 1 ELSE 0 END FROM carrier c JOIN story st "
                                                    + "ON st.id = c.story_id WHERE c.source_id = ? AND st.canonical_url = ?",
                                            (rs, i) -> new long[] {rs.getLong(1), rs.getInt(2)},
                                            s.contentHash(),
                                            o.sourceId(),
                                            s.canonicalUrl())
                                    .stream()
                                    .findFirst();
            if (sameLink.isPresent()) {
                if (!byLink) {
                    byLink = true;
                    useLinks(o.sourceId(), "the feed gave a known link a new guid");
                }
                if (sameLink.get()[1] == 1) {
                    unchanged++;
                } else {
                    updateStory(sameLink.get()[0], s, now);
                    updated++;
                }
                continue;
            }
            // The same story from another source: first by canonical link, then by near-duplicate
            // text.
            Long existing =
                    s.canonicalUrl() == null
                            ? null
                            : jdbc
                                    .query(
                                            "SELECT id FROM story WHERE canonical_url = ?",
                                            (rs, i) -> rs.getLong(1),
                                            s.canonicalUrl())
                                    .stream()
                                    .findFirst()
                                    .orElse(null);
            Traits fp = null;
            if (existing == null) {
                fp = NearDuplicates.traits(s.title(), s.text(), s.published());
                existing = nearDuplicates.find(fp, s.published()).orElse(null);
            }
            long storyId;
            if (existing != null) {
                storyId = existing;
                mergeInto(storyId, s);
                merged++;
            } else {
                storyId = insertStory(s, now);
                nearDuplicates.add(storyId, fp, s.published());
                insertMedia(storyId, s);
                added++;
            }
            jdbc.update(
                    "INSERT INTO carrier (source_id, item_key, story_id, guid, link, title, first_seen_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    o.sourceId(),
                    s.itemKey(),
                    storyId,
                    Sql.cut(s.guid(), 2048),
                    Sql.cut(s.link(), 2048),
                    Sql.cut(s.title(), 2000),
                    Sql.ts(now));
            link(
                    storyId,
                    o.sourceId(),
                    s,
                    topics,
                    changedTopics,
                    existing != null,
                    existing != null ? publishedOf(storyId) : s.published());
        }
        sources.recordSuccess(o.sourceId(), now, o, nextDue);
        for (String topic : changedTopics) bumpTopic(topic, now);
        return new WriteCounts(added, merged, updated, unchanged, forgotten);
    }

    private long insertStory(Story s, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    PreparedStatement ps =
                            con.prepareStatement(
                                    "INSERT INTO story (canonical_url, title, author, summary, "
                                            + "content_html, text_content, published_at, updated_at, content_hash, first_seen_at) "
                                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                    new String[] {"id"});
                    ps.setString(1, s.canonicalUrl());
                    ps.setString(2, Sql.cut(s.title(), 2000));
                    ps.setString(3, Sql.cut(s.author(), 500));
                    ps.setString(4, Sql.cut(s.summary(), 4000));
                    ps.setString(5, s.contentHtml());
                    ps.setString(6, s.text());
                    ps.setObject(7, Sql.ts(s.published()));
                    ps.setObject(8, Sql.ts(s.updated()));
                    ps.setString(9, s.contentHash());
                    ps.setObject(10, Sql.ts(now));
                    return ps;
                },
                key);
        return key.getKey().longValue();
    }

    private void insertMedia(long storyId, Story s) {
        if (s.leadImage() != null) {
            jdbc.update(
                    "UPDATE story SET lead_image = ? WHERE id = ?",
                    Sql.cut(s.leadImage(), 2048),
                    storyId);
        }
        List<Object[]> rows = new java.util.ArrayList<>();
        int position = 0;
        for (org.feedhub.parse.Media m : s.media()) {
            rows.add(
                    new Object[] {
                        storyId,
                        position++,
                        m.url(),
                        Sql.cut(m.type(), 200),
                        m.length(),
                        Sql.cut(m.medium(), 20),
                        Sql.cut(m.title(), 1000),
                        m.thumbnail()
                    });
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO story_media (story_id, position, url, mime_type, length, medium, title, thumbnail) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    rows);
        }
    }

    /**
     * The same item with new text in its own feed: the story is updated, never duplicated. A text
     * less than half as long as the stored one does not replace it: that is a feed teaser arriving
     * after the full text was fetched (or a truncated fetch), not an edit; the new hash is kept so
     * the item is not seen as changed again on every pass.
     */
    private void updateStory(long storyId, Story s, Instant now) {
        int replaced =
                jdbc.update(
                        "UPDATE story SET title = ?, author = COALESCE(?, author), summary = ?, content_html = ?, "
                                + "text_content = ?, content_hash = ?, updated_at = ? WHERE id = ? "
                                + "AND COALESCE(LENGTH(text_content), 0) <= 2 * ?",
                        Sql.cut(s.title(), 2000),
                        Sql.cut(s.author(), 500),
                        Sql.cut(s.summary(), 4000),
                        s.contentHtml(),
                        s.text(),
                        s.contentHash(),
                        Sql.ts(now),
                        storyId,
                        s.text().length());
        if (replaced == 0)
            jdbc.update("UPDATE story SET content_hash = ? WHERE id = ?", s.contentHash(), storyId);
    }

    /**
     * A second source carries a story already stored: the story keeps the earliest date and the
     * fullest content of its carriers.
     */
    private void mergeInto(long storyId, Story s) {
        jdbc.update(
                "UPDATE story SET published_at = ? WHERE id = ? AND published_at > ?",
                Sql.ts(s.published()),
                storyId,
                Sql.ts(s.published()));
        jdbc.update(
                "UPDATE story SET content_html = ?, text_content = ?, summary = COALESCE(?, summary) "
                        + "WHERE id = ? AND COALESCE(LENGTH(text_content), 0) < ?",
                s.contentHtml(),
                s.text(),
                Sql.cut(s.summary(), 4000),
                storyId,
                s.text().length());
        jdbc.update(
                "UPDATE topic_story SET published_at = (SELECT published_at FROM story WHERE id = ?) WHERE story_id = ?",
                storyId,
                storyId);
        if (jdbc.queryForObject(
                        "SELECT COUNT(*) FROM story_media WHERE story_id = ?",
                        Integer.class,
                        storyId)
                == 0) {
            insertMedia(storyId, s);
        } else if (s.leadImage() != null) {
            jdbc.update(
                    "UPDATE story SET lead_image = ? WHERE id = ? AND lead_image IS NULL",
                    Sql.cut(s.leadImage(), 2048),
                    storyId);
        }
    }

    /**
     * Tags and topic links of a story this source carries. A new story's rows go in as two batches;
     * a known story's only where missing. {@code published} is the story's date (the earliest
     * carrier's).
     */
    private void link(
            long storyId,
            String sourceId,
            Story s,
            TopicAssigner topics,
            Set<String> changed,
            boolean existing,
            Instant published) {
        List<Object[]> tagRows = new java.util.ArrayList<>();
        for (String tag : new java.util.LinkedHashSet<>(s.tags())) {
            String t = Sql.cut(tag, 200);
            if (!existing
                    || jdbc.queryForObject(
                                    "SELECT COUNT(*) FROM story_tag WHERE story_id = ? AND tag = ?",
                                    Integer.class,
                                    storyId,
                                    t)
                            == 0) {
                tagRows.add(new Object[] {storyId, t});
            }
        }
        if (!tagRows.isEmpty())
            jdbc.batchUpdate("INSERT INTO story_tag (story_id, tag) VALUES (?, ?)", tagRows);
        List<Object[]> topicRows = new java.util.ArrayList<>();
        for (String topic : new java.util.LinkedHashSet<>(topics.topicsFor(sourceId, s))) {
            changed.add(topic);
            if (!existing
                    || jdbc.queryForObject(
                                    "SELECT COUNT(*) FROM topic_story WHERE topic_id = ? AND story_id = ?",
                                    Integer.class,
                                    topic,
                                    storyId)
                            == 0) {
                topicRows.add(new Object[] {topic, storyId, Sql.ts(published)});
            }
        }
        if (!topicRows.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO topic_story (topic_id, story_id, published_at) VALUES (?, ?, ?)",
                    topicRows);
        }
    }

    private Instant publishedOf(long storyId) {
        return jdbc.queryForObject(
                "SELECT published_at FROM story WHERE id = ?",
                (rs, i) -> Sql.instant(rs, "published_at"),
                storyId);
    }

    /**
     * Switches a source to identifying its items by canonical link (recorded, shown in
     * /api/sources).
     */
    private void useLinks(String sourceId, String why) {
        jdbc.update("UPDATE source SET guid_policy = 'link' WHERE id = ?", sourceId);
        org.slf4j.LoggerFactory.getLogger(StoryStore.class)
                .info("source {}: items now identified by link: {}", sourceId, why);
    }

    private boolean isTombstoned(String sourceId, String itemKey) {
        return jdbc.queryForObject(
                        "SELECT COUNT(*) FROM tombstone WHERE source_id = ? AND item_key = ?",
                        Integer.class,
                        sourceId,
                        itemKey)
                > 0;
    }

    void bumpTopic(String topic, Instant now) {
        int n =
                jdbc.update(
                        "UPDATE topic_state SET version = version + 1, changed_at = ? WHERE topic_id = ?",
                        Sql.ts(now),
                        topic);
        if (n == 0) {
            jdbc.update(
                    "INSERT INTO topic_state (topic_id, version, changed_at) VALUES (?, 1, ?)",
                    topic,
                    Sql.ts(now));
        }
        // Stories that joined the topic in this transaction joined in this version (the hub
        // delivers by it).
        // The topic_state row lock taken above orders the writers of one topic, so versions follow
        // commits.
        jdbc.update(
                "UPDATE topic_story SET added_version = (SELECT version FROM topic_state WHERE topic_id = ?) "
                        + "WHERE topic_id = ? AND added_version IS NULL",
                topic,
                topic);
    }
}
