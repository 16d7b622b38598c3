package org.feedhub.config;

/**
 * A feeds.yml that cannot be used. The message names the file, the line and the field, e.g. {@code
 * feeds.yml:12: sources[2].every: "5x" is not an interval (use 30s, 15m, 2h, 1d or PT15M)}.
 */
public class ConfigException extends RuntimeException {
    private final int line;
    private final String field;
    private final String excerpt;

    public ConfigException(String file, int line, String field, String problem) {
        this(file, line, field, problem, "");
    }

    /**
     * @param excerpt lines shown under the message: the offending line with a caret and a hint
     *     (empty when there is nothing to add)
     */
    public ConfigException(String file, int line, String field, String problem, String excerpt) {
        super(
                file
                        + ":"
                        + line
                        + ": "
                        + (field == null || field.isEmpty() ? "" : field + ": ")
                        + problem);
        this.line = line;
        this.field = field;
        this.excerpt = excerpt == null ? "" : excerpt;
    }

    /** The offending line with a caret and a hint, several lines; empty when there is none. */
    public String excerpt() {
        return excerpt;
    }

    /** 1-based line in feeds.yml, 0 when the file could not be read at all. */
    public int line() {
        return line;
    }

    /**
     * The path of the offending field, such as {@code topics[0].sources[1]}; empty for the whole
     * file.
     */
    public String field() {
        return field;
    }
}
