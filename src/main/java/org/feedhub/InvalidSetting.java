package org.feedhub;

import java.time.Duration;
import org.springframework.util.unit.DataSize;

/**
 * A setting with a value feedhub refuses, naming both: start-up stops on it instead of running with
 * a default the operator did not ask for.
 */
public final class InvalidSetting extends IllegalArgumentException {
    private final String name;

    public InvalidSetting(String name, Object value, String rule) {
        super(name + "=" + text(value) + ": " + rule);
        this.name = name;
    }

    /** A value as an operator writes it in application.yml: {@code 90s}, {@code 10MB}. */
    public static String text(Object v) {
        if (v instanceof Duration d) return duration(d);
        if (v instanceof DataSize s) return size(s);
        if (v instanceof java.util.List<?> l)
            return String.join(", ", l.stream().map(String::valueOf).toList());
        return String.valueOf(v);
    }

    private static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) return "0s";
        long[] units = {86_400_000, 3_600_000, 60_000, 1000, 1};
        String[] names = {"d", "h", "m", "s", "ms"};
        int i = 0;
        while (ms % units[i] != 0) i++;
        return ms / units[i] + names[i];
    }

    private static String size(DataSize s) {
        long b = s.toBytes();
        long mb = 1024 * 1024;
        if (b != 0 && b % mb == 0) return b / mb + "MB";
        if (b != 0 && b % 1024 == 0) return b / 1024 + "KB";
        return b + "B";
    }

    /** The property, e.g. {@code feedhub.poll.concurrency}. */
    public String name() {
        return name;
    }

    public static int atLeast(String name, int value, int min) {
        if (value < min) throw new InvalidSetting(name, value, "must be at least " + min);
        return value;
    }

    public static Duration positive(String name, Duration value) {
        if (value.isZero() || value.isNegative())
            throw new InvalidSetting(name, value, "must be longer than 0");
        return value;
    }

    public static Duration notNegative(String name, Duration value) {
        if (value.isNegative()) throw new InvalidSetting(name, value, "must not be negative");
        return value;
    }

    public static DataSize positive(String name, DataSize value) {
        if (value.toBytes() <= 0) throw new InvalidSetting(name, value, "must be more than 0B");
        return value;
    }

    public static String notBlank(String name, String value) {
        if (value.isBlank()) throw new InvalidSetting(name, "'" + value + "'", "must not be blank");
        return value;
    }
}
