package org.feedhub.cli;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.feedhub.dedup.DedupSettings;
import org.feedhub.dedup.DupMatcher;
import org.feedhub.dedup.NearDuplicateIndex;
import org.feedhub.dedup.Traits;
import org.feedhub.store.NearDuplicates;

/**
 * {@code explain-dup A B}: why two stored stories are, or are not, one story. Prints the parts of
 * the near-duplicate score (text, names, figures, time apart, conflicts) and the decision, with
 * term weights from the stories stored around them, as the server would decide if the later one
 * came in now. Read-only.
 */
final class ExplainDup {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private ExplainDup() {}

    static int run(Main.Invocation inv, PrintStream out, PrintStream err) {
        if (inv.arguments().size() != 2) {
            err.println(
                    "feedhub: usage: java -jar feedhub.jar explain-dup STORY STORY (ids or links)");
            return 2;
        }
        Preview.Resolved resolved = Preview.resolve(inv); // the settings files are read once
        Commands.Settings settings = resolved.settings();
        DedupSettings dedup = resolved.props().dedup().settings();
        Optional<StoredStories> db;
        try {
            db = StoredStories.open(settings);
        } catch (SQLException e) {
            err.println(
                    "feedhub: explain-dup: cannot open the database at "
                            + settings.dbUrl()
                            + ": "
                            + firstLine(e.getMessage()));
            return 1;
        }
        if (db.isEmpty()) {
            err.println(
                    "feedhub: explain-dup: no database at "
                            + settings.dbUrl()
                            + " (run aggregate first)");
            return 1;
        }
        try (StoredStories stories = db.get()) {
            StoredStories.Row a = find(stories, inv.arguments().get(0), err);
            StoredStories.Row b = find(stories, inv.arguments().get(1), err);
            if (a == null || b == null) {
                return 1;
            }
            StoredStories.Row later = a.published().isAfter(b.published()) ? a : b;
            StoredStories.Row earlier = later == a ? b : a;
            NearDuplicateIndex index = stories.window(later.published(), dedup);
            DupMatcher matcher = new DupMatcher(dedup.weights());
            Traits lt = NearDuplicates.traits(later.title(), later.text(), later.published());
            Traits et = NearDuplicates.traits(earlier.title(), earlier.text(), earlier.published());
            line(out, "new   ", later);
            line(out, "stored", earlier);
            if (lt.isEmpty() || et.isEmpty()) {
                out.println(
                        "too short to compare by content (under "
                                + NearDuplicates.MIN_WORDS
                                + " words): such stories merge by link and guid only");
                out.println("decision          distinct");
                return 0;
            }
            Map<Long, DupMatcher.Decision> candidates =
                    index.decideAll(lt, later.published(), matcher, later.id());
            out.println(
                    "candidate         "
                            + (candidates.containsKey(earlier.id())
                                    ? "yes (shares an LSH band or two rare names/figures)"
                                    : "no (no shared LSH band, fewer than two shared rare names/figures,"
                                            + " or outside the "
                                            + dedup.window().toHours()
                                            + " h window)"));
            DupMatcher.Decision d =
                    matcher.decide(lt, later.published(), et, earlier.published(), index.weights());
            out.print(d.describe(matcher.weights()));
            return 0;
        } catch (SQLException e) {
            err.println("feedhub: explain-dup: " + e.getMessage());
            return 1;
        }
    }

    /** H2 appends its SQL state and version on further lines: the first says what went wrong. */
    static String firstLine(String message) {
        if (message == null) return "unknown error";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static StoredStories.Row find(StoredStories stories, String key, PrintStream err)
            throws SQLException {
        Optional<StoredStories.Row> r = stories.story(key);
        if (r.isEmpty()) {
            err.println("feedhub: explain-dup: no stored story " + key);
            return null;
        }
        return r.get();
    }

    private static void line(PrintStream out, String role, StoredStories.Row r) {
        out.println(role + " #" + r.id() + "  " + DATE.format(r.published()) + "  " + r.title());
    }
}
