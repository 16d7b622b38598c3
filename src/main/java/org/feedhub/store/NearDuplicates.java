package org.feedhub.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.feedhub.dedup.DedupSettings;
import org.feedhub.dedup.DupMatcher;
import org.feedhub.dedup.Fingerprint;
import org.feedhub.dedup.NearDuplicateIndex;
import org.feedhub.dedup.Traits;
import org.feedhub.identify.NearDuplicateMatcher;
import org.feedhub.normalize.Story;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Near-duplicate lookup for the store. Each story's {@link Traits} (fingerprint, names, figures)
 * are kept on its row (the database stays the truth); lookups go to an in-memory {@link
 * NearDuplicateIndex} of the stories inside the dedup window, decided by {@link DupMatcher}.
 *
 * <p><b>Catching up with other instances.</b> Before each lookup the index reads the rows stored
 * since its last look, by {@code first_seen_at} with an overlap of {@link #OVERLAP}, skipping the
 * ids it already holds. An id is no clock: another instance may insert a story with a lower id and
 * commit it after a story with a higher one was read, and catching up "above the highest id seen"
 * never saw it. A row becomes visible at most as long after its {@code first_seen_at} as its
 * transaction lasts, so the overlap catches every commit shorter than it, whatever the ids; and
 * every {@link #RESCAN} the whole window is re-read, for the rare longer one.
 *
 * <p>The overlap is read as ids alone (from the {@code first_seen_at} index), and only rows the
 * index does not hold yet are read whole; and a catch-up runs at most every {@link
 * #CATCH_UP_EVERY}. Otherwise every lookup of a busy pass re-read every row stored in the last ten
 * minutes: a cold pass of 50,000 stories spent minutes doing nothing else.
 */
public class NearDuplicates implements NearDuplicateMatcher {
    /**
     * Texts shorter than this (title and text together) are not compared by content: a few words
     * say too little ("Story 2 of source 5" and "Story 3 of source 5" share most of their
     * shingles). Short items dedup by guid and link only.
     */
    public static final int MIN_WORDS = 25;

    /** How far back each catch-up re-reads: longer than any write transaction lasts. */
    static final Duration OVERLAP = Duration.ofMinutes(10);

    /** How often the whole window is re-read anyway. */
    static final Duration RESCAN = Duration.ofMinutes(30);

    /**
     * How often a lookup first reads what other instances stored: their stories are findable this
     * long after they commit (this instance's own are findable at once).
     */
    static final Duration CATCH_UP_EVERY = Duration.ofSeconds(2);

    /**
     * Rows read whole or asked for by id by catch-ups (for tests: the overlap must not read a row
     * twice).
     */
    private long rowsRead;

    /**
     * Ids in the overlap the index did not take: without them, a store with more stories in the
     * window than the index's cap read the dropped ones again at every catch-up (a cold pass of
     * 97,000 stories with a cap of 30,000 took 664 s instead of 105).
     */
    private final PassedOver passedOver = new PassedOver(OVERLAP.plus(CATCH_UP_EVERY), 250_000);

    private final JdbcTemplate jdbc;
    private final DedupSettings settings;
    private final DupMatcher matcher;
    private final NearDuplicateIndex index;
    private final Clock clock;
    private Instant lastLook; // null: never looked; load the window
    private Instant lastFullScan;

    public NearDuplicates(JdbcTemplate jdbc, DedupSettings settings) {
        this(jdbc, settings, Integer.MAX_VALUE);
    }

    /**
     * {@code maxStories}: the most the in-memory index holds ({@link NearDuplicateIndex#capAt}).
     */
    public NearDuplicates(JdbcTemplate jdbc, DedupSettings settings, int maxStories) {
        this(jdbc, settings, Clock.systemUTC(), maxStories);
    }

    NearDuplicates(JdbcTemplate jdbc, DedupSettings settings, Clock clock) {
        this(jdbc, settings, clock, Integer.MAX_VALUE);
    }

    NearDuplicates(JdbcTemplate jdbc, DedupSettings settings, Clock clock, int maxStories) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.matcher = new DupMatcher(settings.weights());
        this.index = new NearDuplicateIndex(settings);
        this.index.capAt(maxStories);
        this.clock = clock;
    }

    private static final org.slf4j.Logger log =
            org.slf4j.LoggerFactory.getLogger(NearDuplicates.class);

    /** How often, at most, dropping stories at the cap is logged. */
    static final Duration WARN_EVERY = Duration.ofMinutes(10);

    private long droppedWarned;
    private Instant lastDropWarning;

    /**
     * Says so when the index had to drop stories at its cap (at most every {@link #WARN_EVERY}).
     */
    private void warnIfDropped() {
        long dropped = index.dropped();
        if (dropped == droppedWarned) return;
        Instant now = clock.instant();
        if (lastDropWarning != null && now.isBefore(lastDropWarning.plus(WARN_EVERY))) return;
        log.warn(
                "near-duplicate index full at {} stories (feedhub.dedup.max-stories): the oldest"
                        + " published are no longer compared ({} dropped so far); give the JVM"
                        + " more heap (-Xmx) or shorten feedhub.dedup.window ({})",
                index.cap(),
                dropped,
                org.feedhub.config.Durations.format(settings.window()));
        droppedWarned = dropped;
        lastDropWarning = now;
    }

    /** Stories dropped from the in-memory index at its cap (for tests). */
    long dropped() {
        return index.dropped();
    }

    /**
     * The story's fingerprint, or {@link Fingerprint#NONE} when it is too short to compare by
     * content.
     */
    public static Fingerprint fingerprint(String title, String text) {
        return tooShort(title, text) ? Fingerprint.NONE : Fingerprint.of(title, text);
    }

    /** What the decision knows of a story, or {@link Traits#NONE} when it is too short. */
    public static Traits traits(String title, String text, Instant published) {
        return tooShort(title, text) ? Traits.NONE : Traits.of(title, text, published);
    }

    /**
     * Fewer than {@link #MIN_WORDS} words (runs between whitespace) in the title and text together.
     * Counts up to the limit in place: joining and splitting the whole text was 2% of a cold pass.
     */
    static boolean tooShort(String title, String text) {
        int words = countWords(title, 0);
        return (words < MIN_WORDS ? countWords(text, words) : words) < MIN_WORDS;
    }

    private static int countWords(String s, int words) {
        if (s == null) return words;
        boolean inWord = false;
        for (int i = 0; i < s.length() && words < MIN_WORDS; i++) {
            char c = s.charAt(i);
            boolean space = c == ' ' || (c >= 0x09 && c <= 0x0D); // what \s matches
            if (!space && !inWord) words++;
            inWord = !space;
        }
        return words;
    }

    // The traits of the story last looked up: a story found new is remembered right after, and
    // computing its names and figures twice would double the cost of every new story.
    private Story lastAsked;
    private Traits lastTraits;

    // Traits worked out by the polling threads (prepare), by story identity (weak keys compare by
    // identity), so the writer only looks them up; bounded, and a story never written is dropped.
    private final Cache<Story, Traits> prepared =
            Caffeine.newBuilder().weakKeys().maximumSize(100_000).build();

    @Override
    public void prepare(Story story) {
        prepared.put(story, traits(story.title(), story.text(), story.published()));
    }

    @Override
    public synchronized Optional<Long> find(Story story) {
        return find(traitsOf(story), story.published());
    }

    @Override
    public synchronized void remember(long storyId, Story story) {
        Traits t = traitsOf(story);
        if (!t.isEmpty()) {
            index.add(storyId, t, story.published()); // the row has stored(story)
            warnIfDropped();
        }
    }

    @Override
    public synchronized Stored stored(Story story) {
        Traits t = traitsOf(story);
        return t.isEmpty()
                ? null
                : new Stored(HexFormat.of().formatHex(t.fingerprint().toBytes()), t.encode());
    }

    private Traits traitsOf(Story s) {
        if (s != lastAsked) {
            Traits t = prepared.getIfPresent(s);
            if (t != null) prepared.invalidate(s);
            lastTraits = t != null ? t : traits(s.title(), s.text(), s.published());
            lastAsked = s;
        }
        return lastTraits;
    }

    public DedupSettings settings() {
        return settings;
    }

    public DupMatcher matcher() {
        return matcher;
    }

    /**
     * The stored story this one is a near duplicate of, if any (a story that no longer exists is
     * forgotten).
     */
    public Optional<Long> find(Traits story, Instant published) {
        return findWithDecision(story, published).map(NearDuplicateIndex.Found::storyId);
    }

    /** The stored story this one duplicates, with the decision's parts. */
    public synchronized Optional<NearDuplicateIndex.Found> findWithDecision(
            Traits story, Instant published) {
        if (story.isEmpty()) return Optional.empty();
        catchUp();
        while (true) {
            Optional<NearDuplicateIndex.Found> m = index.find(story, published, matcher);
            if (m.isEmpty()) return Optional.empty();
            long id = m.get().storyId();
            // The index may hold a story whose transaction rolled back, or one retention purged.
            if (jdbc.queryForObject("SELECT COUNT(*) FROM story WHERE id = ?", Integer.class, id)
                    > 0) return m;
            index.remove(id);
        }
    }

    /** Forgets stories published before {@code cutoff}: no new story can match them any more. */
    public synchronized int trim(Instant cutoff) {
        return index.removeOlderThan(cutoff);
    }

    /** Stories the in-memory index holds (for tests). */
    synchronized int indexed() {
        return index.size();
    }

    /**
     * Reads the rows other instances (or this one) stored since the last look, with an overlap; the
     * whole window on the first look and every {@link #RESCAN}.
     */
    private void catchUp() {
        Instant now = clock.instant();
        Instant windowStart = now.minus(settings.window().multipliedBy(2));
        if (lastLook == null || lastFullScan.isBefore(now.minus(RESCAN))) {
            jdbc.query(
                    "SELECT id, fingerprint, dedup_traits, published_at FROM story "
                            + "WHERE published_at >= ? AND fingerprint IS NOT NULL",
                    rs -> {
                        rowsRead++;
                        remember(rs, windowStart);
                    },
                    Sql.ts(windowStart));
            lastFullScan = now;
        } else if (!now.isBefore(lastLook.plus(CATCH_UP_EVERY))) {
            List<Long> unknown = new ArrayList<>();
            jdbc.query(
                    "SELECT id FROM story WHERE first_seen_at >= ?",
                    rs -> {
                        long id = rs.getLong(1);
                        if (!index.contains(id) && !passedOver.contains(id)) unknown.add(id);
                    },
                    Sql.ts(lastLook.minus(OVERLAP)));
            for (int from = 0; from < unknown.size(); from += 500) {
                List<Long> part = unknown.subList(from, Math.min(unknown.size(), from + 500));
                jdbc.query(
                        "SELECT id, fingerprint, dedup_traits, published_at FROM story WHERE id IN ("
                                + String.join(",", java.util.Collections.nCopies(part.size(), "?"))
                                + ") AND fingerprint IS NOT NULL",
                        rs -> {
                            remember(rs, windowStart);
                        },
                        part.toArray());
                rowsRead += part.size();
            }
            passedOver.addAll(
                    unknown.stream()
                            .mapToLong(Long::longValue)
                            .filter(id -> !index.contains(id))
                            .toArray(),
                    now);
        } else {
            return; // looked a moment ago
        }
        lastLook = now;
        warnIfDropped();
    }

    /** Rows read whole, or asked for by id, by catch-ups so far. */
    synchronized long rowsRead() {
        return rowsRead;
    }

    private void remember(java.sql.ResultSet rs, Instant from) throws java.sql.SQLException {
        long id = rs.getLong(1);
        if (index.contains(id)) return; // read before (a full rescan brings rows back)
        String fp = rs.getString(2);
        Instant at = Sql.instant(rs, "published_at");
        if (fp == null || at.isBefore(from)) return;
        Fingerprint f;
        try {
            f = Fingerprint.fromBytes(HexFormat.of().parseHex(fp));
        } catch (IllegalArgumentException e) {
            return; // a damaged row: the story dedups by link only
        }
        index.add(id, Traits.decode(f, rs.getString(3)), at);
    }
}
