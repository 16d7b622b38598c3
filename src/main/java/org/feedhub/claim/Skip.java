package org.feedhub.claim;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Sources a pass left alone because a live pass elsewhere holds them. */
public record Skip(String passId, String host, int sources, Instant until) {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    /** "9 sources skipped: claimed by pass P on host H until 22:05" (time in {@code zone}). */
    public String describe(ZoneId zone) {
        return sources
                + (sources == 1 ? " source" : " sources")
                + " skipped: claimed by pass "
                + (passId == null ? "?" : passId)
                + " on host "
                + (host == null ? "?" : host)
                + " until "
                + CLOCK.format(until.atZone(zone));
    }
}
