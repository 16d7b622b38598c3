package org.feedhub.publish;

import java.time.Instant;
import java.util.List;

/** The {@code /sources} page: every source feeds.yml lists, problems first. Read-only. */
public record SourcesPage(String siteTitle, List<SourceRow> rows, Instant now) {

    public SourcesPage {
        siteTitle = siteTitle == null || siteTitle.isBlank() ? "feedhub" : siteTitle;
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    public long problems() {
        return rows.stream().filter(r -> r.state().problem()).count();
    }

    /** e.g. {@code 12 sources, 2 need attention}. */
    public String headline() {
        String n = rows.size() == 1 ? "1 source" : rows.size() + " sources";
        long p = problems();
        return p == 0
                ? n + ", all working"
                : n + ", " + p + (p == 1 ? " needs" : " need") + " attention";
    }
}
