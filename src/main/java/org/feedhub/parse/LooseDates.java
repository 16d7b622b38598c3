package org.feedhub.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as web pages write them: ISO 8601 (with or without zone or time), RFC 822/1123, the common
 * English forms "April 12, 2018", "12 Apr 2018 20:00", "April 12, 2018 at 8:00 p.m. EDT", day-first
 * numeric dates with dots ("12.04.2018 14:30") and Russian month names ("12 апреля 2018, 14:30"). A
 * date that names its zone ({@code +03:00}, {@code GMT+3}, {@code MSK}, {@code EST}) is read in it;
 * one that does not is read in the zone given (the page's), else UTC. Slashed numeric dates
 * (12/04/2018) are ambiguous and not read.
 */
public final class LooseDates {
    private static final List<DateTimeFormatter> LOCAL_DATE_TIMES =
            List.of(
                    pattern("d MMM uuuu HH:mm[:ss]"),
                    pattern("d MMMM uuuu HH:mm[:ss]"),
                    pattern("MMM d, uuuu HH:mm[:ss]"),
                    pattern("MMMM d, uuuu HH:mm[:ss]"),
                    pattern("MMMM d, uuuu h:mm[:ss] a"),
                    pattern("MMM d, uuuu h:mm[:ss] a"),
                    pattern("d MMM uuuu h:mm[:ss] a"),
                    pattern("d MMMM uuuu h:mm[:ss] a"),
                    pattern("EEE, d MMM uuuu HH:mm[:ss]"),
                    pattern("EEEE, d MMMM uuuu HH:mm[:ss]"),
                    pattern("EEEE, MMMM d, uuuu h:mm[:ss] a"),
                    pattern("EEE, MMM d, uuuu h:mm[:ss] a"),
                    pattern("EEEE, MMMM d, uuuu HH:mm[:ss]"),
                    pattern("EEE, MMM d, uuuu HH:mm[:ss]"),
                    pattern("uuuu-MM-dd HH:mm[:ss]"),
                    pattern("uuuu/MM/dd HH:mm[:ss]"),
                    pattern("d.MM.uuuu HH:mm[:ss]"),
                    pattern("HH:mm[:ss] d MMM uuuu"),
                    pattern("HH:mm[:ss] d MMMM uuuu"),
                    pattern("HH:mm[:ss] d.MM.uuuu"));
    private static final List<DateTimeFormatter> LOCAL_DATES =
            List.of(
                    pattern("d MMM uuuu"),
                    pattern("d MMMM uuuu"),
                    pattern("MMM d, uuuu"),
                    pattern("MMMM d, uuuu"),
                    pattern("MMM d uuuu"),
                    pattern("MMMM d uuuu"),
                    pattern("uuuu/MM/dd"),
                    pattern("d.MM.uuuu"),
                    pattern("EEEE, MMMM d, uuuu"),
                    pattern("EEE, MMM d, uuuu"),
                    pattern("EEEE, d MMMM uuuu"),
                    pattern("EEE, d MMM uuuu"),
                    pattern("EEEE d MMMM uuuu"));

    /**
     * Zone abbreviations pages use; ambiguous ones (IST, CST as China time) are read as the common
     * meaning.
     */
    private static final Map<String, ZoneId> ABBREVIATIONS =
            Map.ofEntries(
                    Map.entry("Z", ZoneOffset.UTC),
                    Map.entry("UT", ZoneOffset.UTC),
                    Map.entry("UTC", ZoneOffset.UTC),
                    Map.entry("GMT", ZoneOffset.UTC),
                    Map.entry("WET", ZoneOffset.UTC),
                    Map.entry("WEST", ZoneOffset.ofHours(1)),
                    Map.entry("BST", ZoneOffset.ofHours(1)),
                    Map.entry("CET", ZoneOffset.ofHours(1)),
                    Map.entry("CEST", ZoneOffset.ofHours(2)),
                    Map.entry("EET", ZoneOffset.ofHours(2)),
                    Map.entry("EEST", ZoneOffset.ofHours(3)),
                    Map.entry("MSK", ZoneOffset.ofHours(3)),
                    Map.entry("EST", ZoneOffset.ofHours(-5)),
                    Map.entry("EDT", ZoneOffset.ofHours(-4)),
                    Map.entry("CST", ZoneOffset.ofHours(-6)),
                    Map.entry("CDT", ZoneOffset.ofHours(-5)),
                    Map.entry("MST", ZoneOffset.ofHours(-7)),
                    Map.entry("MDT", ZoneOffset.ofHours(-6)),
                    Map.entry("PST", ZoneOffset.ofHours(-8)),
                    Map.entry("PDT", ZoneOffset.ofHours(-7)),
                    Map.entry("JST", ZoneOffset.ofHours(9)),
                    Map.entry("KST", ZoneOffset.ofHours(9)),
                    Map.entry("HKT", ZoneOffset.ofHours(8)),
                    Map.entry("SGT", ZoneOffset.ofHours(8)),
                    Map.entry("AEST", ZoneOffset.ofHours(10)),
                    Map.entry("AEDT", ZoneOffset.ofHours(11)),
                    Map.entry("IST", ZoneOffset.ofHoursMinutes(5, 30)));

    private static final Map<String, String> RUSSIAN_MONTHS =
            Map.ofEntries(
                    Map.entry("январ", "January"),
                    Map.entry("феврал", "February"),
                    Map.entry("март", "March"),
                    Map.entry("апрел", "April"),
                    Map.entry("ма", "May"),
                    Map.entry("июн", "June"),
                    Map.entry("июл", "July"),
                    Map.entry("август", "August"),
                    Map.entry("сентябр", "September"),
                    Map.entry("октябр", "October"),
                    Map.entry("ноябр", "November"),
                    Map.entry("декабр", "December"));
    private static final Pattern RUSSIAN_MONTH =
            Pattern.compile(
                    "(?iU)\\b(январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)(?:я|ь|а|й|е)?\\b");
    private static final Pattern TRAILING_ZONE =
            Pattern.compile(
                    "^(.*?\\S)\\s*\\(?((?:UTC|GMT)\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?|[+-]\\d{2}:?\\d{2}|Z|[A-Z]{2,4})\\)?$");
    private static final Pattern OFFSET =
            Pattern.compile("(?:UTC|GMT)?\\s*([+-])\\s*(\\d{1,2})(?::?(\\d{2}))?");
    private static final Pattern AM_PM = Pattern.compile("(?i)\\b([ap])\\.?\\s?m\\.?(?=\\s|$)");

    private LooseDates() {}

    /**
     * The instant {@code raw} names, reading a date without zone as UTC; null when it is not a
     * date.
     */
    public static Instant parse(String raw) {
        return parse(raw, ZoneOffset.UTC);
    }

    /** As {@link #parse(String)}, reading a date that names no zone in {@code zone}. */
    public static Instant parse(String raw, ZoneId zone) {
        if (raw == null) return null;
        String s = raw.trim();
        if (s.length() > FieldCaps.DATE) return null; // no date is that long
        s = s.replaceAll("\\s+", " ");
        if (s.isEmpty()) return null;
        ZoneId z = zone == null ? ZoneOffset.UTC : zone;
        Instant strict = strict(s);
        if (strict != null) return strict;
        String t = tidy(s);
        Instant local = local(t, z);
        if (local != null) return local;
        Matcher m = TRAILING_ZONE.matcher(t);
        if (m.matches()) {
            ZoneId named = zoneOf(m.group(2));
            if (named != null) return local(m.group(1).trim().replaceAll(",$", ""), named);
        }
        return null;
    }

    /**
     * A zone as pages name it: a region ({@code Europe/Moscow}), an offset ({@code +03:00}, {@code
     * UTC+3}, {@code GMT-0500}) or an abbreviation ({@code MSK}); null when unreadable.
     */
    public static ZoneId zoneOf(String text) {
        if (text == null || text.isBlank()) return null;
        String s = text.strip();
        ZoneId abbreviation = ABBREVIATIONS.get(s.toUpperCase(Locale.ROOT));
        if (abbreviation != null) return abbreviation;
        Matcher m = OFFSET.matcher(s);
        if (m.matches()) {
            try {
                int hours = Integer.parseInt(m.group(2));
                int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
                int sign = m.group(1).equals("-") ? -1 : 1;
                return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            } catch (DateTimeException e) {
                return null;
            }
        }
        if (s.contains("/")) {
            try {
                return ZoneId.of(s);
            } catch (DateTimeException e) {
                return null;
            }
        }
        return null;
    }

    /** The forms that carry their own zone, or none by definition of the format. */
    private static Instant strict(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (Exception ignored) {
            // try the next form
        }
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (Exception ignored) {
            // try the next form
        }
        return null;
    }

    /**
     * One spelling for the words around the numbers: English months, "PM", no "at", no comma before
     * the time.
     */
    private static String tidy(String s) {
        String t = s;
        if (RUSSIAN_MONTH.matcher(t).find()) {
            Matcher m = RUSSIAN_MONTH.matcher(t);
            StringBuilder sb = new StringBuilder();
            while (m.find())
                m.appendReplacement(sb, RUSSIAN_MONTHS.get(m.group(1).toLowerCase(Locale.ROOT)));
            m.appendTail(sb);
            t =
                    sb.toString()
                            .replaceAll("(?iU)\\s*(г\\.|года|год)(?=[\\s,]|$)", "")
                            .replaceAll("(?iU)\\s+в\\s+", " ");
        }
        t = t.replaceAll("(?i)\\s+at\\s+", " ");
        t = t.replaceAll("(\\d{4}),\\s*(\\d{1,2}:\\d{2})", "$1 $2"); // "April 12, 2018, 8:00 PM"
        t = t.replaceAll("(\\d{1,2}:\\d{2}(?::\\d{2})?),\\s*", "$1 "); // "14:30, 12 April 2018"
        t = t.replaceAll("\\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.", "$1");
        t = t.replaceAll("\\bSept\\b", "Sep");
        Matcher ampm = AM_PM.matcher(t);
        t = ampm.replaceAll(r -> r.group(1).toUpperCase(Locale.ROOT) + "M");
        return t.trim();
    }

    private static Instant local(String s, ZoneId zone) {
        try {
            return LocalDateTime.parse(s).atZone(zone).toInstant();
        } catch (Exception ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(s).atStartOfDay(zone).toInstant();
        } catch (Exception ignored) {
            // try the next form
        }
        for (DateTimeFormatter f : LOCAL_DATE_TIMES) {
            try {
                return LocalDateTime.parse(s, f).atZone(zone).toInstant();
            } catch (Exception ignored) {
                // try the next form
            }
        }
        for (DateTimeFormatter f : LOCAL_DATES) {
            try {
                return LocalDate.parse(s, f).atStartOfDay(zone).toInstant();
            } catch (Exception ignored) {
                // try the next form
            }
        }
        return null;
    }

    private static DateTimeFormatter pattern(String p) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(p)
                .parseDefaulting(ChronoField.ERA, 1)
                .toFormatter(Locale.ENGLISH)
                .withResolverStyle(
                        java.time.format.ResolverStyle
                                .STRICT); // "April 31" is no date, not April 30
    }
}
