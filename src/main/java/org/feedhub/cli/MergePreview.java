package org.feedhub.cli;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.feedhub.FeedhubProperties;
import org.feedhub.dedup.DedupSettings;
import org.feedhub.dedup.DupMatcher;
import org.feedhub.dedup.NearDuplicateIndex;
import org.feedhub.dedup.Traits;
import org.feedhub.normalize.Story;
import org.feedhub.store.NearDuplicates;

/**
 * For {@code preview}: the stored story each previewed story would merge with, and why, when a
 * database exists (read-only; the window's index is loaded once per day of the stories).
 */
final class MergePreview {
    private final StoredStories db; // null: no database, or one that cannot be opened
    private final String noDatabase; // why db is null
    private final DedupSettings settings;
    private final Map<Long, NearDuplicateIndex> indexByDay = new HashMap<>();

    private MergePreview(StoredStories db, String noDatabase, DedupSettings settings) {
        this.db = db;
        this.noDatabase = noDatabase;
        this.settings = settings;
    }

    static MergePreview open(Commands.Settings settings, FeedhubProperties props) {
        DedupSettings s = props.dedup().settings();
        try {
            Optional<StoredStories> db = StoredStories.open(settings);
            return new MergePreview(
                    db.orElse(null), "(no database: not compared with stored stories)", s);
        } catch (SQLException e) {
            return new MergePreview(
                    null,
                    "(database cannot be opened: " + ExplainDup.firstLine(e.getMessage()) + ")",
                    s);
        }
    }

    /** "#12 "Title" (score 0.93: text 0.10, names 0.95, figures 1.00)", or why not. */
    String describe(Story s) {
        if (db == null) {
            return noDatabase;
        }
        try {
            // a source previewed after a pass: its items are stored already, and would otherwise
            // "merge" with themselves
            String link = s.canonicalUrl() != null ? s.canonicalUrl() : s.link();
            Optional<StoredStories.Row> known = link == null ? Optional.empty() : db.story(link);
            if (known.isPresent()) {
                return String.format(
                        Locale.ROOT,
                        "already stored as #%d \"%s\" (same link)",
                        known.get().id(),
                        known.get().title());
            }
            Traits t = NearDuplicates.traits(s.title(), s.text(), s.published());
            if (t.isEmpty()) {
                return "none (too short to compare by content; merges by link only)";
            }
            long day = s.published().getEpochSecond() / 86_400;
            NearDuplicateIndex index = indexByDay.get(day);
            if (index == null) {
                index = db.window(s.published(), settings);
                indexByDay.put(day, index);
            }
            DupMatcher matcher = new DupMatcher(settings.weights());
            Optional<NearDuplicateIndex.Found> f = index.find(t, s.published(), matcher);
            if (f.isEmpty()) {
                return "none (a new story)";
            }
            DupMatcher.Decision d = f.get().decision();
            String title =
                    db.story(Long.toString(f.get().storyId()))
                            .map(StoredStories.Row::title)
                            .orElse("?");
            return String.format(
                    Locale.ROOT,
                    "#%d \"%s\" (score %.2f: text %.2f, names %.2f %s, figures %.2f %s, %.1f h apart)",
                    f.get().storyId(),
                    title,
                    d.score(),
                    d.text(),
                    d.names(),
                    d.sharedNames(),
                    d.figures(),
                    d.sharedFigures(),
                    d.hoursApart());
        } catch (SQLException e) {
            return "(database not readable: " + e.getMessage() + ")";
        }
    }
}
