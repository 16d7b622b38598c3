package org.feedhub.batch;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Reports of the passes running in this JVM, keyed by the pass id given to the job as a parameter.
 */
public class PassReports {
    private final ConcurrentHashMap<String, PassReport> running = new ConcurrentHashMap<>();
    private volatile PassReport last;

    PassReport open(String passId) {
        PassReport r = new PassReport();
        running.put(passId, r);
        return r;
    }

    void add(String passId, PassReport.SourceLine line) {
        PassReport r = running.get(passId);
        if (r != null) r.add(line);
    }

    PassReport get(String passId) {
        return running.get(passId);
    }

    void close(String passId) {
        PassReport r = running.remove(passId);
        if (r != null) last = r;
    }

    /** The last finished pass of this JVM, or null before the first. */
    public PassReport last() {
        return last;
    }
}
