package org.feedhub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Entry ids are given once and every caller gets the stored one, whoever gave it. */
class EntryIdsTest {
    JdbcTemplate jdbc;
    EntryIds ids;

    @BeforeEach
    void schema() {
        jdbc = org.feedhub.TestDatabase.migratedH2("entry-ids");
        ids = new EntryIds(jdbc, "https://news.example.org/", null);
    }

    long story(String canonical) {
        OffsetDateTime t = OffsetDateTime.of(2026, 1, 10, 12, 0, 0, 0, ZoneOffset.UTC);
        jdbc.update(
                "INSERT INTO story (canonical_url, title, published_at, updated_at, content_hash, first_seen_at) "
                        + "VALUES (?, 'A story', ?, ?, 'h', ?)",
                canonical,
                t,
                t,
                t);
        return jdbc.queryForObject("SELECT MAX(id) FROM story", Long.class);
    }

    @Test
    void aStoryWithoutAnIdGetsOneAndKeepsIt() {
        long a = story("https://a.test/1");
        String first = ids.assign(List.of(a)).get(a);
        assertThat(first).startsWith("tag:news.example.org,");
        assertThat(ids.assign(List.of(a))).containsEntry(a, first);
        assertThat(jdbc.queryForObject("SELECT entry_id FROM story WHERE id = ?", String.class, a))
                .isEqualTo(first);
    }

    @Test
    void aStoryNamedMeanwhileByAnotherCallerIsReturnedWithThatName() {
        // Two renderings of one change (a hub's RSS and Atom deliveries) both saw no id; the other
        // one stored it first. This caller must get that id, not nothing.
        long a = story("https://a.test/1");
        jdbc.update("UPDATE story SET entry_id = 'tag:elsewhere,2024:x' WHERE id = ?", a);
        Map<Long, String> got = ids.assign(List.of(a));
        assertThat(got).containsExactly(Map.entry(a, "tag:elsewhere,2024:x"));
    }

    @Test
    void aBatchMixesNewAndNamedStories() {
        long named = story("https://a.test/1");
        long fresh = story("https://a.test/2");
        jdbc.update("UPDATE story SET entry_id = 'tag:x,2024:named' WHERE id = ?", named);
        Map<Long, String> got = ids.assign(List.of(named, fresh));
        assertThat(got).containsEntry(named, "tag:x,2024:named").containsKey(fresh);
        assertThat(got.get(fresh)).startsWith("tag:news.example.org,");
    }
}
