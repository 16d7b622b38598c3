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
        super(name + "=" + value + ": " + rule);
        this.name = name;
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
