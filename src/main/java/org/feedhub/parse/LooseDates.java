package org.feedhub.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/**
 * Dates as web pages write them: ISO 8601 (with or without zone or time), RFC 822/1123, and the common
 * English forms "April 12, 2018", "12 Apr 2018 20:00". A time without zone is taken as UTC.
 */
final class LooseDates {
    private static final List<DateTimeFormatter> LOCAL_DATE_TIMES = List.of(
            pattern("d MMM uuuu HH:mm[:ss]"), pattern("d MMMM uuuu HH:mm[:ss]"),
            pattern("MMM d, uuuu HH:mm[:ss]"), pattern("MMMM d, uuuu HH:mm[:ss]"),
            pattern("MMMM d, uuuu h:mm a"), pattern("MMM d, uuuu h:mm a"),
            pattern("uuuu-MM-dd HH:mm[:ss]"), pattern("uuuu/MM/dd HH:mm[:ss]"));
    private static final List<DateTimeFormatter> LOCAL_DATES = List.of(
            pattern("d MMM uuuu"), pattern("d MMMM uuuu"), pattern("MMM d, uuuu"), pattern("MMMM d, uuuu"),
            pattern("MMM. d, uuuu"), pattern("uuuu/MM/dd"), pattern("EEEE, MMMM d, uuuu"), pattern("EEE, MMM d, uuuu"));

    private LooseDates() {
    }

    static Instant parse(String raw) {
        if (raw == null) return null;
        String s = raw.trim().replaceAll("\\s+", " ");
        if (s.isEmpty()) return null;
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
        try {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (Exception ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (Exception ignored) {
            // try the next form
        }
        for (DateTimeFormatter f : LOCAL_DATE_TIMES) {
            try {
                return LocalDateTime.parse(s, f).toInstant(ZoneOffset.UTC);
            } catch (Exception ignored) {
                // try the next form
            }
        }
        for (DateTimeFormatter f : LOCAL_DATES) {
            try {
                return LocalDate.parse(s, f).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (Exception ignored) {
                // try the next form
            }
        }
        return null;
    }

    private static DateTimeFormatter pattern(String p) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p)
                .parseDefaulting(ChronoField.ERA, 1).toFormatter(Locale.ENGLISH)
                .withResolverStyle(java.time.format.ResolverStyle.STRICT);   // "April 31" is no date, not April 30
    }
}
