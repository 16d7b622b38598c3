package org.feedhub.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.feedhub.identify.KnownItems;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the database knows, for the identify stage: reads only, outside any transaction. */
public class StoredItems implements KnownItems {
    private final JdbcTemplate jdbc;

    public StoredItems(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Everything the source carries, in one query (one per poll, not one per item). */
    @Override
    public SourceMemory carriedBy(String sourceId) {
        boolean byLink =
                jdbc
                        .queryForList(
                                "SELECT guid_policy FROM source WHERE id = ?",
                                String.class,
                                sourceId)
                        .stream()
                        .anyMatch("link"::equals);
        Map<String, Known> byKey = new HashMap<>();
        Map<String, Known> byUrl = new HashMap<>();
        jdbc.query(
                "SELECT c.item_key, c.story_id, st.content_hash, st.canonical_url FROM carrier c "
                        + "JOIN story st ON st.id = c.story_id WHERE c.source_id = ?",
                rs -> {
                    Known k = new Known(rs.getLong(2), rs.getString(3));
                    byKey.put(rs.getString(1), k);
                    String url = rs.getString(4);
                    if (url != null) byUrl.putIfAbsent(url, k);
                },
                sourceId);
        return new SourceMemory(byLink, byKey, byUrl);
    }

    @Override
    public boolean tombstoned(String sourceId, String itemKey) {
        return jdbc.queryForObject(
                        "SELECT COUNT(*) FROM tombstone WHERE source_id = ? AND item_key = ?",
                        Integer.class,
                        sourceId,
                        itemKey)
                > 0;
    }

    @Override
    public Optional<Long> storyWithUrl(String canonicalUrl) {
        return jdbc
                .query(
                        "SELECT id FROM story WHERE canonical_url = ?",
                        (rs, i) -> rs.getLong(1),
                        canonicalUrl)
                .stream()
                .findFirst();
    }
}
