package org.feedhub.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.feedhub.parse.Media;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Read side for the publishers: a topic's newest stories (one index range scan) and its counters.
 */
public class FeedQueries {
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final EntryIds entryIds;
    private final ArchiveSequence archive;
    private final FeedStates states;

    /** With an install id generated on first use (tests, or a site without base URL or id). */
    public FeedQueries(JdbcTemplate jdbc) {
        this(jdbc, new EntryIds(jdbc, null, null));
    }

    public FeedQueries(JdbcTemplate jdbc, EntryIds entryIds) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.entryIds = entryIds;
        this.archive = new ArchiveSequence(jdbc);
        this.states = new FeedStates(jdbc);
    }

    /**
     * Gives the topic's newly joined stories their places in its archive and returns the highest
     * place (0 for none).
     */
    public long numberArchive(String topicId) {
        return archive.number(topicId);
    }

    /** The topic's stories at archive places {@code from..to} (inclusive), newest first. */
    public List<StoredStory> archiveStories(String topicId, long from, long to) {
        return load(archive.storiesAt(topicId, from, to));
    }

    /**
     * When the representation {@code key} last changed: the stored time while its {@code
     * fingerprint} stays the same, else {@code now} (at least a second after the previous change).
     */
    public java.time.Instant changedAt(String key, String fingerprint, java.time.Instant now) {
        return states.changedAt(key, fingerprint, now);
    }

    /** One story by its row id, for its page. */
    public java.util.Optional<StoredStory> story(long storyId) {
        return load(List.of(storyId)).stream().findFirst();
    }

    /** The entry ids of the given stories (assigned now where a story has none yet). */
    public java.util.Set<String> entryIds(java.util.Collection<Long> storyIds) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (StoredStory s : load(new ArrayList<>(storyIds))) out.add(s.entryId());
        return out;
    }

    /** The topic's stories, newest first, skipping {@code offset}. */
    public List<StoredStory> topicStories(String topicId, int limit, int offset) {
        return load(
                jdbc.queryForList(
                        "SELECT story_id FROM topic_story WHERE topic_id = ? "
                                + "ORDER BY published_at DESC, story_id DESC LIMIT ? OFFSET ?",
                        Long.class,
                        topicId,
                        limit,
                        offset));
    }

    /** The topic's stories with this exact tag, newest first, skipping {@code offset}. */
    public List<StoredStory> topicStoriesTagged(String topicId, String tag, int limit, int offset) {
        return load(
                jdbc.queryForList(
                        "SELECT ts.story_id FROM topic_story ts JOIN story_tag st"
                                + " ON st.story_id = ts.story_id AND st.tag = ?"
                                + " WHERE ts.topic_id = ?"
                                + " ORDER BY ts.published_at DESC, ts.story_id DESC LIMIT ? OFFSET ?",
                        Long.class,
                        tag,
                        topicId,
                        limit,
                        offset));
    }

    /** Every tag of the topic's stories, in order (a static export writes a page for each). */
    public List<String> topicTags(String topicId) {
        return jdbc.queryForList(
                "SELECT DISTINCT st.tag FROM topic_story ts JOIN story_tag st"
                        + " ON st.story_id = ts.story_id WHERE ts.topic_id = ? ORDER BY st.tag",
                String.class,
                topicId);
    }

    private List<StoredStory> load(List<Long> storyIds) {
        if (storyIds.isEmpty()) return List.of();
        MapSqlParameterSource p = new MapSqlParameterSource("ids", storyIds);
        Map<Long, List<String>> tags = new HashMap<>();
        named.query(
                "SELECT story_id, tag FROM story_tag WHERE story_id IN (:ids) ORDER BY tag",
                p,
                rs -> {
                    tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(rs.getString(2));
                });
        Map<Long, List<StoredStory.Carrier>> carriers = new HashMap<>();
        named.query(
                "SELECT c.story_id, c.source_id, s.title, COALESCE(s.effective_url, s.url) AS feed_url, s.site_url, "
                        + "c.link, c.first_seen_at, s.image_url FROM carrier c JOIN source s ON s.id = c.source_id "
                        + "WHERE c.story_id IN (:ids) ORDER BY c.first_seen_at, c.source_id",
                p,
                rs -> {
                    carriers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(
                                    new StoredStory.Carrier(
                                            rs.getString(2),
                                            rs.getString(3),
                                            rs.getString(4),
                                            rs.getString(5),
                                            rs.getString(6),
                                            Sql.instant(rs, "first_seen_at"),
                                            rs.getString(8)));
                });
        Map<Long, List<Media>> media = new HashMap<>();
        named.query(
                "SELECT story_id, url, mime_type, length, medium, title, thumbnail FROM story_media "
                        + "WHERE story_id IN (:ids) ORDER BY story_id, position",
                p,
                rs -> {
                    long length = rs.getLong("length");
                    Long len = rs.wasNull() ? null : length;
                    media.computeIfAbsent(rs.getLong("story_id"), k -> new ArrayList<>())
                            .add(
                                    new Media(
                                            rs.getString("url"),
                                            rs.getString("mime_type"),
                                            len,
                                            rs.getString("medium"),
                                            rs.getString("title"),
                                            rs.getBoolean("thumbnail")));
                });
        Map<Long, String> ids = new HashMap<>();
        named.query(
                "SELECT id, entry_id FROM story WHERE id IN (:ids)",
                p,
                rs -> {
                    ids.put(rs.getLong(1), rs.getString(2));
                });
        List<Long> unnamed =
                ids.entrySet().stream()
                        .filter(e -> e.getValue() == null)
                        .map(Map.Entry::getKey)
                        .toList();
        if (!unnamed.isEmpty()) ids.putAll(entryIds.assign(unnamed));
        Map<Long, StoredStory> byId = new HashMap<>();
        named.query(
                "SELECT id, canonical_url, title, author, summary, content_html, published_at, updated_at, lead_image "
                        + "FROM story WHERE id IN (:ids)",
                p,
                rs -> {
                    long id = rs.getLong("id");
                    byId.put(
                            id,
                            new StoredStory(
                                    id,
                                    ids.get(id),
                                    rs.getString("canonical_url"),
                                    rs.getString("title"),
                                    rs.getString("author"),
                                    rs.getString("summary"),
                                    rs.getString("content_html"),
                                    Sql.instant(rs, "published_at"),
                                    Sql.instant(rs, "updated_at"),
                                    tags.getOrDefault(id, List.of()),
                                    carriers.getOrDefault(id, List.of()),
                                    media.getOrDefault(id, List.of()),
                                    rs.getString("lead_image")));
                });
        return storyIds.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    public TopicStats stats(String topicId) {
        long count =
                jdbc.queryForObject(
                        "SELECT COUNT(*) FROM topic_story WHERE topic_id = ?", Long.class, topicId);
        TopicStats v = version(topicId);
        return new TopicStats(topicId, count, v.lastChange(), v.version());
    }

    /**
     * The topic's change counter and time: what a cached rendering is checked against, per request.
     */
    public TopicStats version(String topicId) {
        return jdbc
                .query(
                        "SELECT version, changed_at FROM topic_state WHERE topic_id = ?",
                        (rs, i) ->
                                new TopicStats(
                                        topicId,
                                        -1,
                                        Sql.instant(rs, "changed_at"),
                                        rs.getLong("version")),
                        topicId)
                .stream()
                .findFirst()
                .orElse(new TopicStats(topicId, -1, null, 0));
    }

    public long totalStories() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM story", Long.class);
    }
}
