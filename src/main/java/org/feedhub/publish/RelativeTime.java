package org.feedhub.publish;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Times as the pages show them: {@code just now}, {@code 5 minutes ago}, {@code 3 hours ago},
 * {@code yesterday}, {@code 4 days ago}, and a week or more away the date ({@code 5 May 2024}); a
 * time ahead reads {@code in 5 minutes}, {@code tomorrow}. Counted in elapsed time, not calendar
 * days: the server does not know the reader's time zone. The page script in {@code layout.jte}
 * applies the same rules in the browser, so a page kept open or exported stays true.
 */
public final class RelativeTime {
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };
    private static final long MINUTE = 60, HOUR = 3600, DAY = 86_400, WEEK = 7 * DAY;

    private RelativeTime() {}

    /** {@code t} as seen at {@code now}; empty for a null {@code t}. */
    public static String of(Instant t, Instant now) {
        if (t == null) return "";
        long s = Duration.between(t, now).getSeconds();
        boolean past = s >= 0;
        long a = Math.abs(s);
        String span;
        if (a < 45) return past ? "just now" : "in a moment";
        else if (a < HOUR) span = plural(Math.max(1, a / MINUTE), "minute");
        else if (a < DAY) span = plural(a / HOUR, "hour");
        else if (a < 2 * DAY) return past ? "yesterday" : "tomorrow";
        else if (a < WEEK) span = plural(a / DAY, "day");
        else return date(t);
        return past ? span + " ago" : "in " + span;
    }

    /** {@code 5 May 2024} (UTC). */
    static String date(Instant t) {
        ZonedDateTime d = t.atZone(ZoneOffset.UTC);
        return d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1] + " " + d.getYear();
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
