package org.feedhub.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.feedhub.config.FeedsConfig;
import org.feedhub.config.SourceDef;

/**
 * For {@code check}: sources whose feed moved (a permanent redirect, or the feed a page advertises)
 * according to the database of earlier passes, with the URL to put in feeds.yml. Read-only and best
 * effort: a database that does not exist yet (H2 is opened with IFEXISTS) or cannot be reached
 * gives no notes, never an error.
 */
final class MovedSources {
    private MovedSources() {}

    static List<String> notes(Commands.Settings settings, FeedsConfig config) {
        if (org.feedhub.app.H2Access.fileDatabaseMissing(settings.dbUrl()))
            return List.of(); // before any pass: nothing moved, and no driver to load
        List<String> notes = new ArrayList<>();
        try (Connection c = settings.openExisting();
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT id, url, effective_url, retired_at FROM source WHERE active = TRUE")) {
            while (rs.next()) {
                SourceDef def = config.source(rs.getString("id")).orElse(null);
                if (def == null || !def.url().equals(rs.getString("url")))
                    continue; // edited since: nothing to say
                String moved = rs.getString("effective_url");
                if (moved != null && !moved.equals(def.url())) {
                    notes.add(
                            "note: source "
                                    + def.id()
                                    + " now lives at "
                                    + moved
                                    + "; update its url in feeds.yml");
                }
                if (rs.getObject("retired_at") != null) {
                    notes.add(
                            "note: source "
                                    + def.id()
                                    + " was retired (410 Gone); change or remove its url in feeds.yml");
                }
            }
        } catch (Exception e) {
            return List.of();
        }
        return notes;
    }
}
