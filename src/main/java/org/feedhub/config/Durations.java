package org.feedhub.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Intervals as editors write them in feeds.yml: {@code 30s}, {@code 15m}, {@code 2h}, {@code 1d},
 * or ISO-8601.
 */
public final class Durations {

    static final String FORMS = "use 30s, 15m, 2h, 1d or PT15M";

    // Lower-case units only: "15M" could as well mean months, so it is refused rather than guessed.
    private static final Pattern SHORT = Pattern.compile("(\\d+)([smhd])");
    private static final Pattern ISO = Pattern.compile("[-+]?P.*", Pattern.CASE_INSENSITIVE);

    private Durations() {}

    /**
     * Parses a positive interval.
     *
     * @throws IllegalArgumentException naming the accepted forms, for garbage, zero and negative
     *     intervals
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an interval is required (" + FORMS + ")");
        }
        String s = text.strip();
        Duration d = ISO.matcher(s).matches() ? parseIso(s) : parseShort(s);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(
                    '"' + s + "\" is not a positive interval (" + FORMS + ")");
        }
        return d;
    }

    /**
     * The shortest unit that states the interval exactly: 90s, 15m, 2h, 1d; ISO-8601 for fractions
     * of a second.
     */
    public static String format(Duration d) {
        if (d.getNano() != 0 || d.isZero() || d.isNegative()) return d.toString();
        long s = d.getSeconds();
        if (s % 86_400 == 0) return s / 86_400 + "d";
        if (s % 3_600 == 0) return s / 3_600 + "h";
        if (s % 60 == 0) return s / 60 + "m";
        return s + "s";
    }

    private static Duration parseIso(String s) {
        try {
            return Duration.parse(s);
        } catch (DateTimeParseException e) {
            throw notAnInterval(s);
        }
    }

    private static Duration parseShort(String s) {
        Matcher m = SHORT.matcher(s);
        if (!m.matches()) throw notAnInterval(s);
        try {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(
                    '"' + s + "\" is too long an interval (" + FORMS + ")");
        }
    }

    private static IllegalArgumentException notAnInterval(String s) {
        return new IllegalArgumentException('"' + s + "\" is not an interval (" + FORMS + ")");
    }
}
