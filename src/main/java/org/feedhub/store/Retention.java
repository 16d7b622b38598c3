package org.feedhub.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Purges stories older than {@code keep} in small transactions, remembering each purged item as a
 * tombstone so that a feed which still lists it does not bring it back.
 */
public class Retention {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final StoryStore stories;
    private final NearDuplicates nearDuplicates;

    public Retention(
            JdbcTemplate jdbc,
            PlatformTransactionManager txManager,
            StoryStore stories,
            NearDuplicates nearDuplicates) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        this.stories = stories;
        this.nearDuplicates = nearDuplicates;
    }

    /**
     * Forgets the near-duplicate keys of stories too old for any new story to match (published more
     * than twice the dedup window ago): keeps the in-memory near-duplicate index small whatever the
     * number of stored stories.
     */
    public int trimNearDuplicateIndex(Instant now) {
        return nearDuplicates.trim(now.minus(nearDuplicates.settings().window().multipliedBy(2)));
    }

    /**
     * @return how many stories were purged
     */
    public int purge(Duration keep, Instant now, int batchSize) {
        Instant cutoff = now.minus(keep);
        int total = 0;
        while (true) {
            Integer n =
                    tx.execute(
                            status -> {
                                List<Long> ids =
                                        jdbc.queryForList(
                                                "SELECT id FROM story WHERE published_at < ? AND first_seen_at < ? "
                                                        + "ORDER BY id LIMIT ?",
                                                Long.class,
                                                Sql.ts(cutoff),
                                                Sql.ts(cutoff),
                                                batchSize);
                                for (Long id : ids) {
                                    jdbc.update(
                                            "INSERT INTO tombstone (source_id, item_key, purged_at) SELECT c.source_id, c.item_key, ? "
                                                    + "FROM carrier c WHERE c.story_id = ? AND NOT EXISTS (SELECT 1 FROM tombstone t "
                                                    + "WHERE t.source_id = c.source_id AND t.item_key = c.item_key)",
                                            Sql.ts(now),
                                            id);
                                    for (String topic :
                                            jdbc.queryForList(
                                                    "SELECT topic_id FROM topic_story WHERE story_id = ?",
                                                    String.class,
                                                    id)) {
                                        stories.bumpTopic(topic, now);
                                    }
                                    jdbc.update("DELETE FROM story WHERE id = ?", id);
                                }
                                return ids.size();
                            });
            total += n;
            if (n < batchSize) return total;
        }
    }
}
