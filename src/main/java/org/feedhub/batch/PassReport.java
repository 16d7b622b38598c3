package org.feedhub.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.feedhub.store.FetchOutcome;
import org.feedhub.store.WriteCounts;

/**
 * What one pass did, source by source; filled by the writer, read by {@code aggregate} and the
 * health check.
 */
public final class PassReport {

    /** One source's line. */
    public record SourceLine(
            String sourceId,
            FetchOutcome.Kind kind,
            int httpStatus,
            String error,
            WriteCounts counts,
            List<String> warnings,
            long millis) {

        public String describe() {
            String what =
                    switch (kind) {
                        case FETCHED ->
                                counts.added()
                                        + " new, "
                                        + counts.merged()
                                        + " merged, "
                                        + counts.updated()
                                        + " updated, "
                                        + counts.unchanged()
                                        + " unchanged";
                        case NOT_MODIFIED -> "unchanged (304 Not Modified)";
                        case SAME_BODY -> "unchanged (same content as last fetch)";
                        case GONE -> "retired: " + error;
                        case FAILED -> "failed: " + error;
                    };
            String warn = warnings.isEmpty() ? "" : "  [" + String.join("; ", warnings) + "]";
            return String.format("%-24s %s (%d ms)%s", sourceId, what, millis, warn);
        }
    }

    private final List<SourceLine> lines = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private Duration duration = Duration.ZERO;
    private String status = "UNKNOWN";

    synchronized void add(SourceLine line) {
        lines.add(line);
    }

    synchronized void finish(Duration took, String exitStatus) {
        this.duration = took;
        this.status = exitStatus;
    }

    /** A line about the pass as a whole: a takeover, sources a live pass elsewhere kept from it. */
    public synchronized void note(String line) {
        notes.add(line);
    }

    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    public synchronized List<SourceLine> lines() {
        List<SourceLine> copy = new ArrayList<>(lines);
        copy.sort(Comparator.comparing(SourceLine::sourceId));
        return copy;
    }

    public synchronized Duration duration() {
        return duration;
    }

    /** The batch job's exit status: COMPLETED, FAILED … */
    public synchronized String status() {
        return status;
    }

    public synchronized int failed() {
        return (int)
                lines.stream()
                        .filter(
                                l ->
                                        l.kind() == FetchOutcome.Kind.FAILED
                                                || l.kind() == FetchOutcome.Kind.GONE)
                        .count();
    }

    public synchronized int added() {
        return lines.stream().mapToInt(l -> l.counts().added()).sum();
    }

    public synchronized int sources() {
        return lines.size();
    }
}
