package org.feedhub.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.feedhub.dedup.DedupSettings;
import org.feedhub.dedup.Fingerprint;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database side of near-duplicate detection: band keys in {@code dedup_band}, fingerprints on the story.
 * A lookup reads only the stories that share a band with the new one and were published within the window,
 * then keeps the closest within the distance threshold.
 */
public class NearDuplicates {
    private final JdbcTemplate jdbc;
    private final DedupSettings settings;

    public NearDuplicates(JdbcTemplate jdbc, DedupSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * Texts shorter than this (title and text together) are not compared by content: a few words say too
     * little ("Story 2 of source 5" and "Story 3 of source 5" share most of their shingles), and the labelled
     * set the threshold was tuned on has no story under 37 words. Short items dedup by guid and link only.
     */
    public static final int MIN_WORDS = 25;

    /** The story's fingerprint, or {@link Fingerprint#NONE} when it is too short to compare by content. */
    public static Fingerprint fingerprint(String title, String text) {
        String all = (title == null ? "" : title) + " " + (text == null ? "" : text);
        if (all.trim().split("\\s+").length < MIN_WORDS) return Fingerprint.NONE;
        return Fingerprint.of(title, text);
    }

    public DedupSettings settings() {
        return settings;
    }

    /** The stored story this one is a near duplicate of, if any. */
    public Optional<Long> find(Fingerprint fp, Instant published) {
        if (fp.isEmpty()) return Optional.empty();
        List<Long> keys = keys(fp);
        String in = String.join(", ", java.util.Collections.nCopies(keys.size(), "?"));
        List<Object> args = new ArrayList<>(keys);
        args.add(Sql.ts(published.minus(settings.window())));
        args.add(Sql.ts(published.plus(settings.window())));
        long best = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (Object[] row : jdbc.query("SELECT DISTINCT s.id, s.fingerprint FROM dedup_band b JOIN story s ON s.id = b.story_id "
                + "WHERE b.band_key IN (" + in + ") AND s.published_at BETWEEN ? AND ?",
                (rs, i) -> new Object[]{rs.getLong(1), rs.getString(2)}, args.toArray())) {
            if (row[1] == null) continue;
            int d = fp.distance(Fingerprint.fromBytes(HexFormat.of().parseHex((String) row[1])));
            if (d <= settings.maxDistance() && (d < bestDistance || (d == bestDistance && (long) row[0] < best))) {
                best = (long) row[0];
                bestDistance = d;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(best);
    }

    /** Makes a newly stored story findable. */
    public void add(long storyId, Fingerprint fp) {
        if (fp.isEmpty()) return;
        jdbc.update("UPDATE story SET fingerprint = ? WHERE id = ?", HexFormat.of().formatHex(fp.toBytes()), storyId);
        List<Object[]> rows = new ArrayList<>();
        for (long key : keys(fp)) rows.add(new Object[]{key, storyId});
        jdbc.batchUpdate("INSERT INTO dedup_band (band_key, story_id) VALUES (?, ?)", rows);
    }

    /** Forgets the band keys of stories published before {@code cutoff}: no new story can match them any more. */
    public int trim(Instant cutoff) {
        return jdbc.update("DELETE FROM dedup_band WHERE story_id IN (SELECT id FROM story WHERE published_at < ?)",
                Sql.ts(cutoff));
    }

    private static List<Long> keys(Fingerprint fp) {
        List<Long> keys = new ArrayList<>();
        for (long[] k : Fingerprint.bandKeys(fp)) keys.add(k[0] << 32 | k[1]);
        return keys;
    }
}
