package org.feedhub.store;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.feedhub.identify.Identified;
import org.feedhub.identify.NearDuplicateMatcher;
import org.feedhub.normalize.Story;
import org.feedhub.parse.Media;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out the identify stage's decisions for one source's poll in one transaction: its new
 * stories, carriers, tags, topic links and its fetch state together. A process killed mid-pass
 * therefore leaves each source either fully written (and no longer due) or untouched (still due);
 * unique keys make a repeated write add nothing.
 */
public class StoryStore {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final SourceStore sources;
    private final NearDuplicateMatcher nearDuplicates;

    public StoryStore(
            JdbcTemplate jdbc,
            PlatformTransactionManager txManager,
            SourceStore sources,
            NearDuplicateMatcher nearDuplicates) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        // Its own transaction per source, whatever the caller holds: one source's failure rolls
        // back only itself.
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.sources = sources;
        this.nearDuplicates = nearDuplicates;
    }

    /** Runs one source's write in its own transaction, whatever the caller holds. */
    public <T> T inTransaction(Supplier<T> work) {
        return tx.execute(status -> work.get());
    }

    /**
     * Records sources polled without a new, changed or forgotten item (a 304, an identical body) in
     * one transaction: all that such a poll writes is the source's row.
     */
    public void recordUnchanged(List<FetchOutcome> outcomes, List<Instant> nextDue, Instant now) {
        tx.executeWithoutResult(status -> sources.recordSuccesses(outcomes, nextDue, now));
    }

    /** Records a failed or retired source (its own transaction). */
    public void recordFailure(FetchOutcome o, Instant now, Instant nextDue) {
        tx.executeWithoutResult(
                status ->
                        sources.recordFailure(
                                o.sourceId(),
                                now,
                                o.httpStatus(),
                                o.error(),
                                nextDue,
                                o.kind() == FetchOutcome.Kind.GONE));
    }

    /**
     * Starts writing one source's poll; call inside {@link #inTransaction}. The decisions are made
     * by the identify stage; this only carries them out.
     */
    public SourceWrite begin(String sourceId, Instant now) {
        return new SourceWrite(sourceId, now);
    }

    /**
     * One source's write: stories are inserted or updated as each decision comes (a later item may
     * merge into a story an earlier one stored), while carriers, media, tags and topic links are
     * collected and sent as JDBC batches by {@link #finish}.
     */
    public final class SourceWrite {
        private final String sourceId;
        private final Instant now;
        private final List<Object[]> carriers = new ArrayList<>();
        private final List<Object[]> media = new ArrayList<>();
        private final Set<List<Object>> tags = new LinkedHashSet<>();
        private final List<List<Object>> topicLinks = new ArrayList<>();
        private final Set<String> topicKeys = new HashSet<>();
        private final Set<Long> storedNow = new HashSet<>();
        private final Set<String> changedTopics = new HashSet<>();
        private int added, merged, updated, unchanged, forgotten;

        private SourceWrite(String sourceId, Instant now) {
            this.sourceId = sourceId;
            this.now = now;
        }

        /**
         * Records that the source's items are identified by canonical link from now on (shown in
         * /api/sources).
         */
        public void identifyByLink(String because) {
            jdbc.update("UPDATE source SET guid_policy = 'link' WHERE id = ?", sourceId);
            LoggerFactory.getLogger(StoryStore.class)
                    .info("source {}: items now identified by link: {}", sourceId, because);
        }

        public void carryOut(Identified item) {
            Story s = item.story();
            switch (item.decision()) {
                case UNCHANGED -> unchanged++;
                case FORGOTTEN -> forgotten++;
                case UPDATE -> {
                    updateStory(item.storyId(), s, now);
                    link(item.storyId(), s, item.topics(), true, publishedOf(item.storyId()));
                    updated++;
                }
                case MERGE -> {
                    mergeInto(item.storyId(), s, !storedNow.contains(item.storyId()));
                    carrier(item.storyId(), s);
                    link(item.storyId(), s, item.topics(), true, publishedOf(item.storyId()));
                    merged++;
                }
                case NEW -> {
                    long id = insertStory(s, now, nearDuplicates.stored(s));
                    storedNow.add(id);
                    nearDuplicates.remember(id, s);
                    addMedia(id, s);
                    carrier(id, s);
                    link(id, s, item.topics(), false, s.published());
                    added++;
                }
            }
        }

        /** Sends the collected rows, records the source's fetch state, bumps changed topics. */
        public WriteCounts finish(FetchOutcome o, Instant nextDue) {
            if (!carriers.isEmpty()) {
                jdbc.batchUpdate(
                        "INSERT INTO carrier (source_id, item_key, story_id, guid, link, title, first_seen_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        carriers);
            }
            if (!media.isEmpty()) {
                jdbc.batchUpdate(
                        "INSERT INTO story_media (story_id, position, url, mime_type, length, medium, title, thumbnail) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        media);
            }
            if (!tags.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO story_tag (story_id, tag) VALUES (?, ?)", rows(tags));
            }
            if (!topicLinks.isEmpty()) {
                jdbc.batchUpdate(
                        "INSERT INTO topic_story (topic_id, story_id, published_at) VALUES (?, ?, ?)",
                        rows(topicLinks));
            }
            sources.recordSuccess(sourceId, now, o, nextDue);
            for (String topic : changedTopics) bumpTopic(topic, now);
            return new WriteCounts(added, merged, updated, unchanged, forgotten);
        }

        private void carrier(long storyId, Story s) {
            carriers.add(
                    new Object[] {
                        sourceId,
                        s.itemKey(),
                        storyId,
                        Sql.cut(s.guid(), 2048),
                        Sql.cut(s.link(), 2048),
                        Sql.cut(s.title(), 2000),
                        Sql.ts(now)
                    });
        }

        private void addMedia(long storyId, Story s) {
            int position = 0;
            for (Media m : s.media()) {
                media.add(
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
        }

        /**
         * A second source carries a story already stored: the story keeps the earliest date and the
         * fullest content of its carriers.
         */
        private void mergeInto(long storyId, Story s, boolean storedBefore) {
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
            boolean hasMedia =
                    !storedBefore
                            || jdbc.queryForObject(
                                            "SELECT COUNT(*) FROM story_media WHERE story_id = ?",
                                            Integer.class,
                                            storyId)
                                    > 0;
            if (!hasMedia) {
                addMedia(storyId, s);
                if (s.leadImage() != null) {
                    jdbc.update(
                            "UPDATE story SET lead_image = ? WHERE id = ?",
                            Sql.cut(s.leadImage(), 2048),
                            storyId);
                }
            } else if (s.leadImage() != null) {
                jdbc.update(
                        "UPDATE story SET lead_image = ? WHERE id = ? AND lead_image IS NULL",
                        Sql.cut(s.leadImage(), 2048),
                        storyId);
            }
        }

        /**
         * Tags and topic links of a story this source carries, collected for the batches: a new
         * story's all, a known story's only those it lacks. {@code published} is the story's date
         * (the earliest carrier's).
         */
        private void link(
                long storyId, Story s, List<String> topics, boolean existing, Instant published) {
            Set<String> hasTags =
                    existing && !storedNow.contains(storyId)
                            ? new HashSet<>(
                                    jdbc.queryForList(
                                            "SELECT tag FROM story_tag WHERE story_id = ?",
                                            String.class,
                                            storyId))
                            : Set.of();
            for (String tag : new LinkedHashSet<>(s.tags())) {
                String t = Sql.cut(tag, 200);
                if (!hasTags.contains(t)) tags.add(Arrays.asList(storyId, t));
            }
            if (topics.isEmpty()) return;
            Set<String> inTopics =
                    existing && !storedNow.contains(storyId)
                            ? new HashSet<>(
                                    jdbc.queryForList(
                                            "SELECT topic_id FROM topic_story WHERE story_id = ?",
                                            String.class,
                                            storyId))
                            : Set.of();
            for (String topic : new LinkedHashSet<>(topics)) {
                changedTopics.add(topic);
                if (inTopics.contains(topic)) continue;
                // one row per topic and story, whichever item of this poll brought it first
                if (topicKeys.add(topic + "\n" + storyId))
                    topicLinks.add(Arrays.asList(topic, storyId, Sql.ts(published)));
            }
        }
    }

    private static List<Object[]> rows(java.util.Collection<List<Object>> rows) {
        return rows.stream().map(List::toArray).toList();
    }

    private long insertStory(Story s, Instant now, NearDuplicateMatcher.Stored near) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    PreparedStatement ps =
                            con.prepareStatement(
                                    "INSERT INTO story (canonical_url, title, author, summary, "
                                            + "content_html, text_content, published_at, updated_at, content_hash, first_seen_at, lead_image, "
                                            + "fingerprint, dedup_traits) "
                                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                    ps.setString(11, Sql.cut(s.leadImage(), 2048));
                    ps.setString(12, near == null ? null : near.fingerprint());
                    ps.setString(13, near == null ? null : near.traits());
                    return ps;
                },
                key);
        return key.getKey().longValue();
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

    private Instant publishedOf(long storyId) {
        return jdbc.queryForObject(
                "SELECT published_at FROM story WHERE id = ?",
                (rs, i) -> Sql.instant(rs, "published_at"),
                storyId);
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
