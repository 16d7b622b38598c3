package org.feedhub.store;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.feedhub.dedup.DedupSettings;
import org.feedhub.dedup.Fingerprint;
import org.feedhub.dedup.NearDuplicateIndex;
import org.feedhub.identify.NearDuplicateMatcher;
import org.feedhub.normalize.Story;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Near-duplicate lookup for the store. Fingerprints are kept on the story row (the database stays
 * the truth); lookups go to an in-memory MinHash/LSH index of the stories inside the dedup window,
 * which catches up with the rows other instances stored (every story with a higher id) before each
 * lookup. Keeping the 32 band keys per story in an indexed table instead cost 32 random index
 * inserts per story and tripled the time of a cold pass (bench/results/notes.md); the in-memory
 * index answers in microseconds.
 */
public class NearDuplicates implements NearDuplicateMatcher {
    /**
     * Texts shorter than this (title and text together) are not compared by content: a few words
     * say too little ("Story 2 of source 5" and "Story 3 of source 5" share most of their
     * shingles), and the labelled set the threshold was tuned on has no story under 37 words. Short
     * items dedup by guid and link only.
     */
    public static final int MIN_WORDS = 25;

    private final JdbcTemplate jdbc;
    private final DedupSettings settings;
    private final NearDuplicateIndex index;
    private long seenUpTo = -1;

    public NearDuplicates(JdbcTemplate jdbc, DedupSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.index = new NearDuplicateIndex(settings);
    }

    /**
     * The story's fingerprint, or {@link Fingerprint#NONE} when it is too short to compare by
     * content.
     */
    public static Fingerprint fingerprint(String title, String text) {
        String all = (title == null ? "" : title) + " " + (text == null ? "" : text);
        if (all.trim().split("\\s+").length < MIN_WORDS) return Fingerprint.NONE;
        return Fingerprint.of(title, text);
    }

    // The fingerprint of the story last looked up: a story found new is remembered right after.
    private Story lastAsked;
    private Fingerprint lastFingerprint;

    @Override
    public synchronized Optional<Long> find(Story story) {
        return find(fingerprintOf(story), story.published());
    }

    @Override
    public synchronized void remember(long storyId, Story story) {
        add(storyId, fingerprintOf(story), story.published());
    }

    private Fingerprint fingerprintOf(Story s) {
        if (s != lastAsked) {
            lastFingerprint = fingerprint(s.title(), s.text());
            lastAsked = s;
        }
        return lastFingerprint;
    }

    public DedupSettings settings() {
        return settings;
    }

    /**
     * The stored story this one is a near duplicate of, if any (a story that no longer exists is
     * forgotten).
     */
    public synchronized Optional<Long> find(Fingerprint fp, Instant published) {
        if (fp.isEmpty()) return Optional.empty();
        catchUp(published);
        while (true) {
            Optional<NearDuplicateIndex.Match> m = index.find(fp, published);
            if (m.isEmpty()) return Optional.empty();
            long id = m.get().storyId();
            // The index may hold a story whose transaction rolled back, or one retention purged
            // meanwhile.
            if (jdbc.queryForObject("SELECT COUNT(*) FROM story WHERE id = ?", Integer.class, id)
                    > 0) return Optional.of(id);
            index.remove(id);
        }
    }

    /** Makes a newly stored story findable. */
    public synchronized void add(long storyId, Fingerprint fp, Instant published) {
        if (fp.isEmpty()) return;
        jdbc.update(
                "UPDATE story SET fingerprint = ? WHERE id = ?",
                HexFormat.of().formatHex(fp.toBytes()),
                storyId);
        index.add(storyId, fp, published);
    }

    /** Forgets stories published before {@code cutoff}: no new story can match them any more. */
    public synchronized int trim(Instant cutoff) {
        return index.removeOlderThan(cutoff);
    }

    /**
     * Reads the fingerprints of stories stored since the last look (by this or another instance),
     * within twice the window of now, so lookups see them. On the first call this loads the window.
     */
    private void catchUp(Instant published) {
        Instant from = published.minus(settings.window().multipliedBy(2));
        if (seenUpTo < 0) { // first look: load the window only, then remember where the table ends
            jdbc.query(
                    "SELECT id, fingerprint, published_at FROM story WHERE published_at >= ? AND fingerprint IS NOT NULL",
                    rs -> {
                        remember(rs, from);
                    },
                    Sql.ts(from));
            Long top = jdbc.queryForObject("SELECT MAX(id) FROM story", Long.class);
            seenUpTo = top == null ? 0 : top;
            return;
        }
        // Later looks: only the rows stored since come back (few), so window and fingerprint are
        // checked here
        // and the highest id seen comes from the same query.
        long[] max = {seenUpTo};
        jdbc.query(
                "SELECT id, fingerprint, published_at FROM story WHERE id > ?",
                rs -> {
                    max[0] = Math.max(max[0], rs.getLong(1));
                    remember(rs, from);
                },
                seenUpTo);
        seenUpTo = max[0];
    }

    private void remember(java.sql.ResultSet rs, Instant from) throws java.sql.SQLException {
        String fp = rs.getString(2);
        Instant at = Sql.instant(rs, "published_at");
        if (fp != null && !at.isBefore(from))
            index.add(rs.getLong(1), Fingerprint.fromBytes(HexFormat.of().parseHex(fp)), at);
    }
}
